import { command, type Change, type InSync } from '../core/change.js';
import { InternalError } from '../core/errors.js';
import type { OwnedVlan, SwitchModel } from '../core/site.js';
import { formatVlanSet, vlanSetDiff } from '../inventory/vlan-set.js';
import { normaliseInterfaceName } from './interface-names.js';
import type { SwitchCurrent, SwitchPlan } from './switch-driver.js';
import type { DocumentTarget, SwitchPlanning, SwitchSpec } from './switch-spec.js';
import { describeVlanSet, planPort, targetAllowed, type PortDelta } from './switch-port-plan.js';
import { memberOnDevice, planMembers } from './switch-member-plan.js';
import { defaultPortState, isAllVlans, type PortState, type SwitchState } from './switch-state.js';
import { planVlanRemovals } from './switch-vlan-removals.js';

/**
 * The switch planner: desired SwitchModel vs gathered SwitchState -> Changes (with exact commands on a command-based
 * platform) and InSync reasons. Pure and set-based. Order of Changes: VLAN definitions (create / rename) first, so
 * ports can use them; then ports in inventory order, port-channel members last (only their own description and
 * admin state: switch-member-plan.ts); then VLAN removals (see switch-vlan-removals.ts).
 * Throws when a port cannot be planned: one the device has in a port-channel, or a member it does not.
 */

export interface PlanSwitchOptions {
  /** Remove the VLAN definitions acp-play owns that this switch's inventory no longer lists (default true). */
  readonly prune?: boolean;
  /** The site's VLAN ids: with `owned`, the only ones `merge` ports may add and remove. Others are never touched. */
  readonly managedVlans: readonly number[];
  /**
   * VLAN definitions acp-play created on this switch (the ownership record): the only ones it removes, and merge
   * ports give them up too once they leave the site.
   */
  readonly owned?: readonly OwnedVlan[];
  /** A plan of ports only (`switch_ports`): VLAN definitions outside the inventory are neither removed nor listed. */
  readonly portsOnly?: boolean;
  /** Every port the inventory configures on the switch, when `desired` holds only the VLAN half of the model. */
  readonly inventoryPorts?: readonly string[];
}

export interface PlannedSwitch {
  readonly changes: Change[];
  readonly inSync: InSync[];
  /** What a document-based platform renders its desired document from. */
  readonly target: DocumentTarget;
}

export function planSwitch(
  spec: SwitchSpec,
  desired: SwitchModel,
  current: SwitchState,
  opts: PlanSwitchOptions,
): PlannedSwitch {
  const { planning } = spec;
  const emit = spec.kind === 'commands' ? spec.emitter : undefined;
  const changes: Change[] = [];
  const inSync: InSync[] = [];
  const commands = (lines: string[] | undefined) => (lines ?? []).map((t) => command(t));

  for (const vlan of desired.vlans) {
    const resource = `vlan ${vlan.id}`;
    const have = current.vlans.get(vlan.id);
    if (!have) {
      changes.push({
        resource,
        action: 'create',
        diff: `${resource} create${planning.unnamedVlans ? '' : ` name: ${vlan.name}`}`,
        commands: commands(emit?.vlan(vlan.id, vlan.name)),
      });
    } else if (!planning.unnamedVlans && have.name !== vlan.name) {
      changes.push({
        resource,
        action: 'update',
        diff: `${resource} name: ${have.name ?? '(default)'} -> ${vlan.name}`,
        commands: commands(emit?.vlan(vlan.id, vlan.name)),
      });
    } else {
      inSync.push({
        resource,
        reason: planning.unnamedVlans
          ? `${resource} ${planning.unnamedVlans.inSync}`
          : `${resource} already defined (name ${vlan.name})`,
      });
    }
  }

  // A VLAN acp-play created stays its own to take off merge trunks after it leaves the site.
  const managedVlans = [...new Set([...opts.managedVlans, ...(opts.owned ?? []).map((v) => v.id)])];
  const ctx = { managedVlans, ignoreNativeInAllowed: planning.nativeAlwaysAllowed };
  const deltas: PortDelta[] = [];
  const refused: string[] = [];
  for (const port of desired.ports) {
    const name = normaliseInterfaceName(spec.interfaceNames, port.name);
    const want = name === port.name ? port : { ...port, name };
    const have: PortState = current.interfaces.get(name) ?? unlistedPort(name, current, planning);
    const member = memberOnDevice(name, have);
    if (member) {
      refused.push(member);
      continue;
    }
    const delta = planPort(want, have, ctx);
    if (!delta) {
      inSync.push({ resource: name, reason: `${name} already matches (${describePort(want, have, ctx)})` });
      continue;
    }
    deltas.push(delta);
    changes.push({
      resource: name,
      action: current.interfaces.has(name) ? 'update' : 'create',
      diff: delta.diff.join('\n'),
      commands: commands(emit?.port(delta)),
      ...allowedDelta(have, delta),
    });
  }

  const members = planMembers(desired.members ?? [], current, spec.interfaceNames, emit);
  changes.push(...members.changes);
  inSync.push(...members.inSync);
  refused.push(...members.refused);
  // A port the device has in a port-channel is never configured on its own: the plan stops, naming the port-channel.
  if (refused.length > 0) throw new Error(`${desired.name}: plan failed: ${refused.join('; ')}`);

  const wanted = new Set(desired.vlans.map((v) => v.id));
  const removals = opts.portsOnly
    ? { ids: [], changes: [], inSync: [] }
    : planVlanRemovals(spec, desired, current, opts, wanted);
  changes.push(...removals.changes);
  inSync.push(...removals.inSync);

  const vlanIds = [...new Set([...current.vlans.keys(), ...wanted])].filter((id) => !removals.ids.includes(id));
  return { changes, inSync, target: { vlanIds: vlanIds.sort((a, b) => a - b), ports: deltas } };
}

/**
 * The plan a driver applies: a command-based platform's changes as planned; a document-based platform's plus the
 * whole desired document (when there are changes), whose notes (what it changes beyond the planned changes) join the
 * first change's diff.
 */
export function completeSwitchPlan(spec: SwitchSpec, planned: PlannedSwitch, current: SwitchCurrent<any>): SwitchPlan {
  const { changes, inSync } = planned;
  if (spec.kind === 'commands' || changes.length === 0) return { changes, inSync };
  if (current.document === undefined)
    throw new InternalError('a document-based switch was gathered without its document');
  const { text, notes } = spec.renderDocument(current.document, planned.target);
  const [first, ...rest] = changes;
  const noted = notes.length > 0 ? [{ ...first!, diff: `${first!.diff}\n${notes.join('\n')}` }, ...rest] : changes;
  return { changes: noted, inSync, document: text };
}

/** The VLANs a trunk change adds and removes, for pictures of the site; none when the port carried ALL. */
function allowedDelta(have: PortState, delta: PortDelta): Pick<Change, 'vlans'> {
  if (!delta.allowedTarget || isAllVlans(have.allowedVlans)) return {};
  return { vlans: vlanSetDiff(have.allowedVlans, delta.allowedTarget) };
}

/**
 * A port the gathered state does not list: a default port (mode unknown, ALL VLANs allowed), or on a platform whose
 * new ports join a bridge (Cumulus), a port that inherits the VLANs defined on the switch.
 */
function unlistedPort(name: string, current: SwitchState, planning: SwitchPlanning): PortState {
  const port = defaultPortState(name);
  if (planning.unlistedPortCarries === 'defined-vlans')
    port.allowedVlans = [...current.vlans.keys()].sort((a, b) => a - b);
  return port;
}

function describePort(
  want: SwitchModel['ports'][number],
  have: PortState,
  ctx: { managedVlans: readonly number[] },
): string {
  if (want.mode === 'access') return `access vlan ${want.accessVlan ?? have.accessVlan ?? 1}`;
  const native = want.nativeVlan !== undefined ? `native ${want.nativeVlan}, ` : '';
  const wantedSet = formatVlanSet(want.allowedVlans ?? []) || 'none';
  if (want.policy === 'merge' && targetAllowed(want, have, ctx).length !== (want.allowedVlans ?? []).length) {
    return `trunk, ${native}allowed includes ${wantedSet}; merge keeps the others: ${describeVlanSet(have.allowedVlans)}`;
  }
  return `trunk, ${native}allowed ${wantedSet}`;
}
