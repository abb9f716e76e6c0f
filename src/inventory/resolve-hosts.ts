import type { SourceLocation } from '../core/errors.js';
import { combineLayer, deepFreeze, type VarLayer } from './combine-vars.js';
import { resolveConnection } from './host-connection.js';
import type { DeclaredGroup, InventoryBuilder } from './inventory-builder.js';
import type { Group, Host, ValueOrigin } from '../core/inventory.js';

/** Vars from group_vars/ and host_vars/, by group or host name. */
export interface VarsFromFiles {
  readonly groups: ReadonlyMap<string, VarLayer>;
  readonly hosts: ReadonlyMap<string, VarLayer>;
  /** The fleet's group_vars/ (next to the site folders), by group name: below everything the site sets itself. */
  readonly fleetGroups?: ReadonlyMap<string, VarLayer>;
}

/**
 * Resolves inheritance once, the way Ansible does: every group under `all`, hosts in no group in `ungrouped`,
 * groups ordered by depth, then `ansible_group_priority`, then name; and each host's vars stacked as
 * the fleet's group_vars/all < the fleet's other group_vars < all's inline vars < other groups' inline vars <
 * group_vars/all < other group_vars < the host's inline vars < host_vars. Problems (cycles, bad values) go to the
 * builder.
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
  for (const group of declared.values()) {
    for (const host of group.hosts) {
      const list = direct.get(host);
      if (list) list.push(group.name);
      else direct.set(host, [group.name]);
    }
  }
  // Sets, not Array.includes: this runs once per host, and an inventory may have a hundred thousand.
  const listed = new Set(ungrouped.hosts);
  const grouped = new Set<string>();
  for (const host of builder.hosts.keys()) {
    const own = (direct.get(host) ?? []).some((g) => g !== 'all' && g !== 'ungrouped');
    if (own) grouped.add(host);
    else if (!listed.has(host)) ungrouped.hosts.push(host);
  }
  if (grouped.size > 0) {
    const kept = ungrouped.hosts.filter((host) => !grouped.has(host));
    ungrouped.hosts.length = 0;
    for (const host of kept) ungrouped.hosts.push(host);
  }
  const isUngrouped = new Set(ungrouped.hosts);

  const depth = groupDepths(builder);
  const priority = new Map<string, number>();
  const groups = new Map<string, Group>();
  for (const group of declared.values()) {
    // A fleet's group_vars first, below the inventory file's group vars and the site's own group_vars files.
    const vars: VarLayer = new Map(files.fleetGroups?.get(group.name));
    combineLayer(vars, group.vars);
    const fromFiles = files.groups.get(group.name) ?? new Map();
    combineLayer(vars, fromFiles);
    const inFiles = fromFiles.get('ansible_group_priority');
    if (inFiles) {
      builder.warn(
        `ansible_group_priority of group \`${group.name}\` has no effect in a group_vars file (Ansible reads it only in the inventory file), so it is a plain variable here`,
        locate(inFiles.origin),
        "set it in the inventory file: under the group's vars: (YAML) or in its [group:vars] section (INI)",
      );
    }
    const value = groupPriority(group, builder, locate);
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

  // Hosts in the same groups share their groups' layers: computed once per set of groups (a fleet has few sets).
  const byMembership = new Map<string, { groups: string[]; vars: VarLayer }>();
  const membership = (direct: readonly string[]): { groups: string[]; vars: VarLayer } => {
    const key = direct.join('\u0000');
    let known = byMembership.get(key);
    if (known) return known;
    // An explicit stack, not recursion: a chain of groups may be as long as the inventory file allows.
    const memberOf = new Set<string>();
    const climb = [...direct];
    for (let g = climb.pop(); g !== undefined; g = climb.pop()) {
      if (memberOf.has(g)) continue;
      memberOf.add(g);
      for (const parent of declared.get(g)?.parents ?? []) climb.push(parent);
    }
    memberOf.delete('all');
    const sorted = [...memberOf].sort(order);
    const fleet = files.fleetGroups ?? new Map<string, VarLayer>();
    const layers: VarLayer[] = [
      fleet.get('all') ?? new Map(),
      ...sorted.map((g) => fleet.get(g) ?? new Map()),
      declared.get('all')?.vars ?? new Map(),
      ...sorted.map((g) => declared.get(g)?.vars ?? new Map()),
      files.groups.get('all') ?? new Map(),
      ...sorted.map((g) => files.groups.get(g) ?? new Map()),
    ];
    const vars: VarLayer = new Map();
    for (const layer of layers) combineLayer(vars, layer);
    known = { groups: ['all', ...sorted], vars };
    byMembership.set(key, known);
    return known;
  };

  const hosts = new Map<string, Host>();
  for (const declaredHost of builder.hosts.values()) {
    const name = declaredHost.name;
    const shared = membership([...(direct.get(name) ?? []), ...(isUngrouped.has(name) ? ['ungrouped'] : [])]);
    const vars: VarLayer = new Map(shared.vars);
    combineLayer(vars, declaredHost.vars);
    combineLayer(vars, files.hosts.get(name) ?? new Map());
    const connection = resolveConnection(name, vars, locate, builder.problems);
    const origins = Object.fromEntries([...vars].map(([key, entry]) => [key, entry.origin]));
    const declaredAt = declaredHost.declaredAt;
    hosts.set(
      name,
      deepFreeze({
        name,
        ...connection,
        groups: shared.groups,
        vars: toRecord(vars),
        origins,
        ...(declaredAt ? { declaredAt } : {}),
      }),
    );
  }
  return { hosts, groups };
}

/** `ansible_group_priority` as Ansible's Group.set_priority(int(value)) reads it; 1 when unset. */
function groupPriority(
  group: DeclaredGroup,
  builder: InventoryBuilder,
  locate: (origin: ValueOrigin) => SourceLocation,
): number {
  const set = group.priority;
  if (!set || set.value === null) return 1;
  const { value } = set;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'string' && /^\s*[-+]?[0-9]+(?:_[0-9]+)*\s*$/.test(value))
    return Number(value.replace(/[\s_]/g, ''));
  builder.error(
    `ansible_group_priority of group \`${group.name}\` must be an integer, got ${JSON.stringify(value)}`,
    locate(set.origin),
    'write a whole number; higher wins',
  );
  return 1;
}

function toRecord(layer: VarLayer): Record<string, unknown> {
  return Object.fromEntries([...layer].map(([key, entry]) => [key, entry.value]));
}

/**
 * Reports every group that is its own ancestor and drops the edge that closes the loop. A depth-first walk with an
 * explicit stack: chains of groups can be as deep as the inventory is long.
 */
function breakCycles(builder: InventoryBuilder): void {
  const done = new Set<string>();
  const onPath = new Set<string>();
  const path: { name: string; children: string[]; next: number }[] = [];
  const enter = (name: string): void => {
    path.push({ name, children: [...(builder.groups.get(name)?.children ?? [])], next: 0 });
    onPath.add(name);
  };
  for (const root of ['all', ...builder.groups.keys()]) {
    if (done.has(root) || !builder.groups.has(root)) continue;
    enter(root);
    while (path.length > 0) {
      const frame = path[path.length - 1]!;
      const child = frame.children[frame.next++];
      if (child === undefined) {
        path.pop();
        onPath.delete(frame.name);
        done.add(frame.name);
      } else if (onPath.has(child)) {
        reportCycle(
          builder,
          path.map((f) => f.name),
          frame.name,
          child,
        );
      } else if (!done.has(child) && builder.groups.has(child)) {
        enter(child);
      }
    }
  }
}

function reportCycle(builder: InventoryBuilder, names: string[], parent: string, child: string): void {
  const members = [...names.slice(names.indexOf(child)), child];
  const loop = (members.length > 8 ? [...members.slice(0, 4), '...', ...members.slice(-3)] : members).join(' > ');
  const group = builder.groups.get(parent)!;
  builder.error(
    `group \`${child}\` is its own ancestor (${loop})`,
    group.childAt.get(child),
    `remove \`${child}\` from the children of \`${parent}\``,
  );
  group.children.splice(group.children.indexOf(child), 1);
  const childGroup = builder.groups.get(child);
  childGroup?.parents.splice(childGroup.parents.indexOf(parent), 1);
}

/** `all` is 0; any other group is one deeper than its deepest parent (cycles are broken before this runs). */
function groupDepths(builder: InventoryBuilder): Map<string, number> {
  const depth = new Map<string, number>();
  const parentsOf = (name: string): readonly string[] =>
    name === 'all' ? [] : (builder.groups.get(name)?.parents ?? []);
  for (const start of builder.groups.keys()) {
    const stack = [start];
    const expanded = new Set<string>();
    while (stack.length > 0) {
      const name = stack[stack.length - 1]!;
      if (depth.has(name)) {
        stack.pop();
      } else if (!expanded.has(name)) {
        // First visit: compute the parents first (they sit above it on the stack).
        expanded.add(name);
        for (const parent of parentsOf(name)) if (!depth.has(parent) && !expanded.has(parent)) stack.push(parent);
      } else {
        stack.pop();
        let deepest = -1;
        for (const parent of parentsOf(name)) deepest = Math.max(deepest, depth.get(parent) ?? 0);
        depth.set(name, deepest + 1);
      }
    }
  }
  return depth;
}
