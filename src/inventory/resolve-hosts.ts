import type { SourceLocation } from '../core/errors.js';
import { combineLayer, deepFreeze, type VarLayer } from './combine-vars.js';
import { resolveConnection } from './host-connection.js';
import type { InventoryBuilder } from './inventory-builder.js';
import type { Group, Host, ValueOrigin } from '../core/inventory.js';

/** Vars from group_vars/ and host_vars/, by group or host name. */
export interface VarsFromFiles {
  readonly groups: ReadonlyMap<string, VarLayer>;
  readonly hosts: ReadonlyMap<string, VarLayer>;
}

/**
 * Resolves inheritance once, the way Ansible does: every group under `all`, hosts in no group in `ungrouped`,
 * groups ordered by depth, then `ansible_group_priority`, then name; and each host's vars stacked as
 * all's inline vars < other groups' inline vars < group_vars/all < other group_vars < the host's inline vars <
 * host_vars. Problems (cycles, bad values) go to the builder.
 */
export function resolveHosts(
  builder: InventoryBuilder,
  files: VarsFromFiles,
  locate: (origin: ValueOrigin) => SourceLocation,
): {
  hosts: Map<string, Host>;
  groups: Map<string, Group>;
} {
  const declared = builder.groups;
  breakCycles(builder);
  for (const group of declared.values())
    if (group.name !== 'all' && group.parents.length === 0) builder.addChild('all', group.name);
  const ungrouped = builder.group('ungrouped');
  const direct = new Map<string, string[]>();
  for (const group of declared.values())
    for (const host of group.hosts) direct.set(host, [...(direct.get(host) ?? []), group.name]);
  for (const host of builder.hosts.keys()) {
    const own = (direct.get(host) ?? []).filter((g) => g !== 'all' && g !== 'ungrouped');
    const isListed = ungrouped.hosts.includes(host);
    if (own.length === 0 && !isListed) ungrouped.hosts.push(host);
    if (own.length > 0 && isListed) ungrouped.hosts.splice(ungrouped.hosts.indexOf(host), 1);
  }

  const depth = groupDepths(builder);
  const priority = new Map<string, number>();
  const groups = new Map<string, Group>();
  for (const group of declared.values()) {
    const vars: VarLayer = new Map(group.vars);
    combineLayer(vars, files.groups.get(group.name) ?? new Map());
    const entry = vars.get('ansible_group_priority');
    let value = 1;
    if (entry && entry.value !== null) {
      value = Number(entry.value);
      if (!Number.isInteger(value)) {
        builder.error(
          `ansible_group_priority of group \`${group.name}\` must be an integer, got ${JSON.stringify(entry.value)}`,
          locate(entry.origin),
          'write a whole number; higher wins',
        );
        value = 1;
      }
    }
    priority.set(group.name, value);
    groups.set(
      group.name,
      deepFreeze({
        name: group.name,
        parents: [...group.parents],
        children: [...group.children],
        hosts: [...group.hosts],
        vars: toRecord(vars),
        priority: value,
      }),
    );
  }
  const order = (a: string, b: string): number =>
    (depth.get(a) ?? 0) - (depth.get(b) ?? 0) ||
    (priority.get(a) ?? 1) - (priority.get(b) ?? 1) ||
    (a < b ? -1 : a > b ? 1 : 0);

  const hosts = new Map<string, Host>();
  for (const declaredHost of builder.hosts.values()) {
    const name = declaredHost.name;
    const memberOf = new Set<string>();
    const climb = (g: string): void => {
      if (memberOf.has(g)) return;
      memberOf.add(g);
      for (const parent of declared.get(g)?.parents ?? []) climb(parent);
    };
    for (const g of direct.get(name) ?? []) climb(g);
    if (ungrouped.hosts.includes(name)) climb('ungrouped');
    memberOf.delete('all');
    const sorted = [...memberOf].sort(order);
    const layers: VarLayer[] = [
      declared.get('all')?.vars ?? new Map(),
      ...sorted.map((g) => declared.get(g)?.vars ?? new Map()),
      files.groups.get('all') ?? new Map(),
      ...sorted.map((g) => files.groups.get(g) ?? new Map()),
      declaredHost.vars,
      files.hosts.get(name) ?? new Map(),
    ];
    const vars: VarLayer = new Map();
    for (const layer of layers) combineLayer(vars, layer);
    const connection = resolveConnection(name, vars, locate, builder.problems);
    const origins = Object.fromEntries([...vars].map(([key, entry]) => [key, entry.origin]));
    hosts.set(name, deepFreeze({ name, ...connection, groups: ['all', ...sorted], vars: toRecord(vars), origins }));
  }
  return { hosts, groups };
}

function toRecord(layer: VarLayer): Record<string, unknown> {
  return Object.fromEntries([...layer].map(([key, entry]) => [key, entry.value]));
}

/** Reports every group that is its own ancestor and drops the edge that closes the loop. */
function breakCycles(builder: InventoryBuilder): void {
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    const group = builder.groups.get(name);
    if (!group || done.has(name)) return;
    stack.push(name);
    for (const child of [...group.children]) {
      if (stack.includes(child)) {
        const loop = [...stack.slice(stack.indexOf(child)), child].join(' > ');
        builder.error(
          `group \`${child}\` is its own ancestor (${loop})`,
          group.childAt.get(child),
          `remove \`${child}\` from the children of \`${name}\``,
        );
        group.children.splice(group.children.indexOf(child), 1);
        const childGroup = builder.groups.get(child);
        childGroup?.parents.splice(childGroup.parents.indexOf(name), 1);
        continue;
      }
      visit(child);
    }
    stack.pop();
    done.add(name);
  };
  visit('all');
  for (const name of builder.groups.keys()) visit(name);
}

/** `all` is 0; any other group is one deeper than its deepest parent. */
function groupDepths(builder: InventoryBuilder): Map<string, number> {
  const depth = new Map<string, number>();
  const of = (name: string): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    const parents = builder.groups.get(name)?.parents ?? [];
    const value = name === 'all' || parents.length === 0 ? 0 : Math.max(...parents.map(of)) + 1;
    depth.set(name, value);
    return value;
  };
  for (const name of builder.groups.keys()) of(name);
  return depth;
}
