import { ConfigError } from '../core/errors.js';
import { didYouMean } from '../core/did-you-mean.js';
import { selectHosts } from './host-pattern.js';
import type { Inventory } from '../core/inventory.js';
import { maskSecretVars } from './secret-vars.js';

/** Options of `acp-play inventory --list`. */
export interface ListOptions {
  /** Host pattern narrowing the hosts shown. */
  readonly limit?: string;
  /** Also print each group's own vars (ansible-inventory's `--export`). */
  readonly export?: boolean;
}

type ListedGroup = { hosts?: string[]; children?: string[]; vars?: unknown };

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The inventory in ansible-inventory `--list` shape: `_meta.hostvars` (merged vars, secrets masked) and one
 * entry per non-empty group with its `hosts` and `children` in the order the inventory gave them, as Ansible lists
 * them.
 */
export function listInventory(inv: Inventory, options: ListOptions = {}): Record<string, unknown> {
  const shown = visibleHosts(inv, options.limit);
  // Maps, not objects: a host or group may be named `__proto__` (Object.fromEntries makes it an own key).
  const result = new Map<string, unknown>();
  const hostvars = new Map<string, unknown>();
  for (const host of inv.hosts.values()) {
    if (shown.has(host.name) && Object.keys(host.vars).length > 0) hostvars.set(host.name, maskSecretVars(host.vars));
  }
  const seen = new Set<string>();
  const visit = (name: string): void => {
    const group = inv.groups.get(name);
    if (!group || seen.has(name)) return;
    seen.add(name);
    const entry: ListedGroup = {};
    const hosts = name === 'all' ? [] : group.hosts.filter((h) => shown.has(h));
    if (hosts.length > 0) entry.hosts = hosts;
    const children = [...group.children];
    if (children.length > 0) entry.children = children;
    if (options.export && Object.keys(group.vars).length > 0) entry.vars = maskSecretVars(group.vars);
    if (Object.keys(entry).length > 0) result.set(name, entry);
    for (const child of children) visit(child);
  };
  visit('all');
  return sortKeys(Object.fromEntries([['_meta', { hostvars: Object.fromEntries(hostvars) }], ...result])) as Record<
    string,
    unknown
  >;
}

/** ansible-inventory `--graph`: `@group:` lines with `|--` indentation, children then hosts, in inventory order. */
export function graphInventory(inv: Inventory, root = 'all', limit?: string): string {
  const shown = visibleHosts(inv, limit);
  const lines: string[] = [];
  const line = (text: string, depth: number): void => {
    lines.push(depth === 0 ? text : `${'  |'.repeat(depth)}--${text}`);
  };
  const walk = (name: string, depth: number): void => {
    const group = inv.groups.get(name);
    if (!group) return;
    line(`@${name}:`, depth);
    for (const child of group.children) walk(child, depth + 1);
    if (name !== 'all') for (const host of group.hosts.filter((h) => shown.has(h))) line(host, depth + 1);
  };
  walk(root, 0);
  return `${lines.join('\n')}\n`;
}

/** One host's merged vars with secrets masked (ansible-inventory `--host`). */
export function hostVarsListing(inv: Inventory, name: string): Record<string, unknown> {
  const host = inv.hosts.get(name);
  if (!host) {
    const hint = didYouMean(name, inv.hosts.keys());
    throw new ConfigError({
      severity: 'error',
      message: `host ${name} is not in the inventory ${inv.dir}`,
      fix: hint ?? `hosts are: ${[...inv.hosts.keys()].join(', ')}`,
    });
  }
  return sortKeys(maskSecretVars(host.vars)) as Record<string, unknown>;
}

function visibleHosts(inv: Inventory, limit: string | undefined): Set<string> {
  return new Set((limit ? selectHosts(inv, limit) : [...inv.hosts.values()]).map((h) => h.name));
}

/**
 * Keys sorted at every depth, as ansible-inventory prints them; YAML's `!!set` and `!!omap` as the lists Python's
 * JSON encoder makes of them.
 */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Set) return [...value].map(sortKeys);
  if (value instanceof Map) return [...value].map(([k, v]) => [k, sortKeys(v)]);
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => byName(a, b))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}
