import type { Change } from '../core/change.js';
import { ApplyError } from '../core/errors.js';
import type { TaskContext } from '../core/module.js';
import type { OwnedVlan, SwitchModel } from '../core/site.js';
import { updateOwnershipRecord, type OwnershipUpdate } from '../inventory/ownership-record.js';
import type { SwitchState } from './switch-state.js';

const VLAN_RESOURCE = /^vlan (\d+)$/;

/**
 * What a committed `switch_vlans` change does to the ownership record: the VLANs it created become acp-play's (with
 * the name they were given, on platforms that name VLANs), renamed owned VLANs keep their entry under the new name,
 * and removed VLANs, or owned ones found gone from the switch, leave the record. Pure.
 */
export function ownershipUpdate(
  model: SwitchModel,
  before: SwitchState,
  changes: readonly Change[],
  named: boolean,
): Omit<OwnershipUpdate, 'runId' | 'at'> {
  const nameOf = (id: number): Pick<OwnedVlan, 'name'> => {
    const name = named ? model.vlans.find((v) => v.id === id)?.name : undefined;
    return name === undefined ? {} : { name };
  };
  const byAction = (action: Change['action']): number[] =>
    changes.flatMap((c) => {
      const m = c.action === action ? VLAN_RESOURCE.exec(c.resource) : null;
      return m ? [Number(m[1])] : [];
    });
  const owned = new Set((model.ownedVlans ?? []).map((v) => v.id));
  const created = byAction('create');
  const gone = [...owned].filter((id) => !before.vlans.has(id) && !created.includes(id));
  return {
    switchName: model.name,
    created: created.map((id) => ({ id, ...nameOf(id) })),
    renamed: byAction('update')
      .filter((id) => owned.has(id))
      .map((id) => ({ id, ...nameOf(id) })),
    released: [...byAction('delete'), ...gone],
  };
}

/**
 * Writes the ownership update of a committed change to the site's record. A record that cannot be written fails
 * the host without a rollback: the switch change itself is good, but acp-play would not know to remove these VLANs
 * later, and the operator must hear that.
 */
export function recordOwnership(
  ctx: TaskContext,
  model: SwitchModel,
  before: SwitchState,
  changes: readonly Change[],
  named: boolean,
): void {
  const file = ctx.site.ownershipFile;
  if (file === undefined) return;
  const update = ownershipUpdate(model, before, changes, named);
  if (update.created.length + update.renamed.length + update.released.length === 0) return;
  try {
    updateOwnershipRecord(file, { ...update, runId: ctx.runId, at: new Date(ctx.clock.now()) });
  } catch (error) {
    const ids = update.created.map((v) => v.id).join(', ');
    throw new ApplyError(
      ctx.host.name,
      'record',
      `the change is committed, but the ownership record ${file} could not be written (${(error as Error).message})` +
        (ids
          ? `; add VLANs ${ids} to it by hand, or acp-play will leave them alone once they leave the inventory`
          : ''),
      false,
      { cause: error },
    );
  }
}
