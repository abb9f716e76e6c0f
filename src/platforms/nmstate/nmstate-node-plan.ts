import { parse } from 'yaml';
import type { ModulePlan } from '../../core/module.js';
import type { Change, InSync } from '../../core/change.js';
import type { NmstateDesired } from './nmstate-desired.js';
import { baseOf, findLeftovers } from './nmstate-leftovers.js';
import { planNmstate } from './nmstate-plan.js';
import type { NmstateInterface, NmstateState } from './nmstate-state.js';

/**
 * The nmstate module's pure plan: {@link planNmstate} of the desired state against `show`. Removals are desired
 * state for what acp-play can prove it owns: interfaces carrying its mark that the inventory no longer names are
 * removed (kept, and said so, with `prune: false`); unmarked VLAN interfaces and bridges on the trunk NIC are listed
 * as unmanaged and left alone. Throws when a VLAN's base interface is missing (nmstate would otherwise fail half-way
 * with its own, vaguer message).
 */
export function planNode(desired: NmstateDesired, current: NmstateState): ModulePlan {
  const have = new Set(current.interfaces.map((i) => i.name));
  const named = new Set(desired.state.interfaces.map((i) => i.name));
  for (const iface of desired.state.interfaces) {
    const base = baseOf(iface);
    if (base && !have.has(base) && !named.has(base) && iface.state !== 'absent') {
      throw new Error(
        `${iface.name} needs the base interface ${base}, which ${desired.node} does not have (check node.trunk_nic)`,
      );
    }
  }
  const leftovers = findLeftovers(current.interfaces, named, new Set(desired.trunkNics));
  const why = 'created by acp-play, no longer in the inventory';
  const plan = planNmstate(desired.state, current, desired.prune ? { prune: { managed: leftovers.owned, why } } : {});
  const inSync: InSync[] = [...plan.inSync];
  if (!desired.prune) {
    for (const name of leftovers.owned)
      inSync.push({ resource: name, leftAlone: 'kept', reason: `${why}; kept (prune: false)` });
  }
  for (const name of leftovers.unmanaged) {
    inSync.push({
      resource: name,
      leftAlone: 'unmanaged',
      reason: `on ${desired.trunkNics.join(', ')} but without acp-play's mark: unmanaged, left alone`,
    });
  }
  return { changes: plan.changes, inSync };
}

/**
 * The document to upload: the desired state plus `state: absent` for every interface the plan deletes that the
 * desired state does not name (pruned ones). Read from the plan's changes, so an approved plan applies as reviewed:
 * a removal the desired state names (`state: absent`) is left out unless its delete is among the changes, so the
 * forward pass of an apply, which holds the removals back, removes nothing.
 */
export function documentFor(desired: NmstateDesired, changes: readonly Change[]): NmstateState {
  const deleted = new Set(changes.filter((c) => c.action === 'delete').map((c) => c.resource));
  const kept = desired.state.interfaces.filter((i) => i.state !== 'absent' || deleted.has(i.name));
  const named = new Set(kept.map((i) => i.name));
  const absent = changes
    .filter((c) => c.action === 'delete' && !named.has(c.resource))
    .map((c): NmstateInterface => {
      const type = deletedType(c.diff);
      return type ? { name: c.resource, type, state: 'absent' } : { name: c.resource, state: 'absent' };
    });
  return { ...desired.state, interfaces: [...kept, ...absent] };
}

function deletedType(diff: string): string | undefined {
  try {
    const doc = parse(diff) as { before?: { type?: unknown } } | null;
    return typeof doc?.before?.type === 'string' ? doc.before.type : undefined;
  } catch {
    return undefined;
  }
}
