import { InternalError } from '../core/errors.js';
import type { Host, Inventory } from '../core/inventory.js';
import { Secret } from '../transport/secret.js';

/**
 * A module's desired state as the saved plan keeps it: JSON, with the inventory's host objects (a switch model holds
 * its host) as `{"$host": NAME}`, so the plan file carries no host variables. A desired state that holds a secret
 * cannot be saved: the plan file never holds secret text.
 */
export function snapshotDesired(desired: unknown, inventory: Inventory): unknown {
  const hosts = new Set<Host>(inventory.hosts.values());
  return JSON.parse(
    JSON.stringify(desired, function (this: Record<string, unknown>, key, value: unknown) {
      // `value` has been through toJSON already (a Secret's gives its mask): look at the holder's own value.
      if (this[key] instanceof Secret)
        throw new InternalError('a desired state holds a secret; it cannot be saved in a plan file');
      if (value instanceof Map) return Object.fromEntries(value);
      if (hosts.has(value as Host)) return { $host: (value as Host).name };
      return value;
    }),
  ) as unknown;
}

/** The desired state a module runs with, from its snapshot: the `{"$host": NAME}` markers become the hosts again. */
export function restoreDesired(snapshot: unknown, inventory: Inventory): unknown {
  if (Array.isArray(snapshot)) return snapshot.map((v) => restoreDesired(v, inventory));
  if (snapshot === null || typeof snapshot !== 'object') return snapshot;
  const entries = Object.entries(snapshot);
  if (entries.length === 1 && entries[0]![0] === '$host') {
    const host = inventory.hosts.get(String(entries[0]![1]));
    if (!host) throw new InternalError(`the saved plan names host ${String(entries[0]![1])}, not in the inventory`);
    return host;
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, restoreDesired(v, inventory)]));
}
