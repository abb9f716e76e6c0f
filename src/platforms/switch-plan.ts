import type { SwitchPlatform } from '../core/inventory.js';
import type { SwitchModel } from '../core/site.js';
import { formatVlanSet } from '../inventory/vlan-set.js';
import { EOS_COMMANDS } from './arista-eos/eos-commands.js';
import { command, type Change, type InSync } from '../core/change.js';
import { IOS_COMMANDS } from './cisco-ios/ios-commands.js';
import { NXOS_COMMANDS } from './cisco-nxos/nxos-commands.js';
import { CUMULUS_COMMANDS } from './cumulus/cumulus-commands.js';
import type { EniDocument } from './cumulus/cumulus-eni.js';
import { renderCumulusInterfaces } from './cumulus/cumulus-render.js';
import type { SwitchCommandEmitter } from './switch-command-emitter.js';
import { describeVlanSet, planPort, targetAllowed, type PortDelta } from './switch-port-plan.js';
import { defaultPortState, normaliseInterfaceName, type PortState, type SwitchState } from './switch-state.js';

/**
 * The switch planner: desired SwitchModel vs gathered SwitchState -> Changes (with exact commands) and InSync
 * reasons. Pure and set-based. Order of Changes: VLAN definitions (create / rename) first, so ports can use them;
 * then ports in inventory order; then VLAN removals (only with `prune`), after no planned port uses them.
 */

export interface PlanSwitchOptions {
  /** Remove VLAN definitions the site manages (managedVlans) that this switch's inventory no longer lists. */
  readonly prune?: boolean;
  /** The site's VLAN ids: what `merge` ports may add/remove and what `prune` may delete. Others are never touched. */
  readonly managedVlans: readonly number[];
  /** Cumulus only: the current interfaces file; when given, `document` holds the file to write. */
  readonly cumulusDocument?: EniDocument;
}

export interface SwitchPlan {
  readonly changes: Change[];
  readonly inSync: InSync[];
  /**
   * Cumulus: the desired `/etc/network/interfaces` (present when `cumulusDocument` was given and there are changes).
   */
  readonly document?: string;
}

const EMITTERS: Record<SwitchPlatform, SwitchCommandEmitter> = {
  cisco_nxos: NXOS_COMMANDS,
  arista_eos: EOS_COMMANDS,
  cisco_ios: IOS_COMMANDS,
  cumulus: CUMULUS_COMMANDS,
};

export function planSwitch(desired: SwitchModel, current: SwitchState, opts: PlanSwitchOptions): SwitchPlan {
  const emit = EMITTERS[desired.platform];
  const isCumulus = desired.platform === 'cumulus';
  const changes: Change[] = [];
  const inSync: InSync[] = [];
  const commands = (lines: string[]) => lines.map((t) => command(t));

  for (const vlan of desired.vlans) {
    const resource = `vlan ${vlan.id}`;
    const have = current.vlans.get(vlan.id);
    if (!have) {
      changes.push({
        resource,
        action: 'create',
        diff: `${resource} create${isCumulus ? '' : ` name: ${vlan.name}`}`,
        commands: commands(emit.vlan(vlan.id, vlan.name)),
      });
    } else if (!isCumulus && have.name !== vlan.name) {
      changes.push({
        resource,
        action: 'update',
        diff: `${resource} name: ${have.name ?? '(default)'} -> ${vlan.name}`,
        commands: commands(emit.vlan(vlan.id, vlan.name)),
      });
    } else {
      inSync.push({
        resource,
        reason: isCumulus
          ? `${resource} already on the bridge (Cumulus has no VLAN names)`
          : `${resource} already defined (name ${vlan.name})`,
      });
    }
  }

  const ctx = { managedVlans: opts.managedVlans, ignoreNativeInAllowed: isCumulus };
  const deltas: PortDelta[] = [];
  for (const port of desired.ports) {
    const name = normaliseInterfaceName(desired.platform, port.name);
    const want = name === port.name ? port : { ...port, name };
    const have: PortState = current.interfaces.get(name) ?? missingPort(name, current, isCumulus);
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
      commands: commands(emit.port(delta)),
    });
  }

  const wanted = new Set(desired.vlans.map((v) => v.id));
  const managed = new Set(opts.managedVlans);
  const removals: number[] = [];
  for (const id of [...current.vlans.keys()].sort((a, b) => a - b)) {
    if (wanted.has(id) || !managed.has(id) || id === 1) continue;
    const resource = `vlan ${id}`;
    if (opts.prune) {
      removals.push(id);
      changes.push({
        resource,
        action: 'delete',
        diff: `${resource} delete (prune; not in the inventory for ${desired.name})`,
        commands: commands(emit.removeVlan(id)),
      });
    } else {
      inSync.push({
        resource,
        reason: `${resource} is defined but not in the inventory for ${desired.name}; kept (prune is off)`,
      });
    }
  }

  if (!isCumulus || !opts.cumulusDocument || changes.length === 0) return { changes, inSync };
  const vlanIds = [...new Set([...current.vlans.keys(), ...wanted])].filter((id) => !removals.includes(id));
  const document = renderCumulusInterfaces(opts.cumulusDocument, {
    vlanIds: vlanIds.sort((a, b) => a - b),
    ports: deltas,
  });
  return { changes, inSync, document };
}

/**
 * A port the gathered state does not list. Cisco-style: a default port (mode unknown, ALL VLANs allowed). Cumulus: a
 * port not yet in the bridge, which once added inherits the bridge's VLANs (`bridge-vids`), not ALL.
 */
function missingPort(name: string, current: SwitchState, isCumulus: boolean): PortState {
  const port = defaultPortState(name);
  if (isCumulus) port.allowedVlans = [...current.vlans.keys()].sort((a, b) => a - b);
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
