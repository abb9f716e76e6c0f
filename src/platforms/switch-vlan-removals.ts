import { command, type Change, type InSync } from '../core/change.js';
import type { OwnedVlan, SwitchModel } from '../core/site.js';
import { normaliseInterfaceName } from './interface-names.js';
import type { SwitchSpec } from './switch-spec.js';
import { isAllVlans, type PortState, type SwitchState } from './switch-state.js';

/** The VLAN definitions a switch plan removes, and the ones it leaves alone on purpose. */
export interface VlanRemovals {
  readonly ids: readonly number[];
  readonly changes: readonly Change[];
  readonly inSync: readonly InSync[];
}

/**
 * Removals are desired state, but only of what acp-play can prove it owns: a VLAN defined on the switch that the
 * inventory no longer lists is removed when the ownership record says acp-play created it and, on a platform that
 * names VLANs, it still has the name acp-play gave it (a renamed VLAN has been taken over by someone). An owned VLAN
 * that an interface outside the inventory still uses (its SVI, an access or native VLAN, an explicit allowed list)
 * is kept, since someone else uses it; `prune: false` keeps every owned VLAN. Every other VLAN outside the inventory
 * is unmanaged and left alone; VLAN 1 is never mentioned.
 */
export function planVlanRemovals(
  spec: SwitchSpec,
  desired: SwitchModel,
  current: SwitchState,
  opts: {
    readonly prune?: boolean;
    readonly owned?: readonly OwnedVlan[];
    readonly inventoryPorts?: readonly string[];
  },
  wanted: ReadonlySet<number>,
): VlanRemovals {
  const ours = new Set(
    (opts.inventoryPorts ?? desired.ports.map((p) => p.name)).map((n) =>
      normaliseInterfaceName(spec.interfaceNames, n),
    ),
  );
  const others = [...current.interfaces.values()].filter((p) => !ours.has(p.name));
  const owned = new Map((opts.owned ?? []).map((v) => [v.id, v]));
  const emit = spec.kind === 'commands' ? spec.emitter : undefined;
  const named = spec.planning.unnamedVlans === undefined;
  const ids: number[] = [];
  const changes: Change[] = [];
  const inSync: InSync[] = [];
  for (const id of [...current.vlans.keys()].sort((a, b) => a - b)) {
    if (wanted.has(id) || id === 1) continue;
    const resource = `vlan ${id}`;
    const record = owned.get(id);
    const now = current.vlans.get(id)?.name;
    const where = `the inventory for ${desired.name}`;
    if (!record) {
      inSync.push({
        resource,
        leftAlone: 'unmanaged',
        reason: `not in ${where} and not created by acp-play: unmanaged, left alone`,
      });
    } else if (named && record.name !== undefined && now !== record.name) {
      inSync.push({
        resource,
        leftAlone: 'unmanaged',
        reason: `created by acp-play as ${record.name}, now named ${now ?? '(default)'} by someone else: unmanaged, left alone`,
      });
    } else if (opts.prune === false) {
      inSync.push({
        resource,
        leftAlone: 'kept',
        reason: `created by acp-play, no longer in ${where}; kept (prune: false)`,
      });
    } else if (others.some((p) => carries(p, id))) {
      const users = others.filter((p) => carries(p, id)).map((p) => p.name);
      inSync.push({
        resource,
        leftAlone: 'kept',
        reason: `created by acp-play, no longer in ${where}, but ${users.join(', ')} (not in the inventory) still ${users.length === 1 ? 'carries' : 'carry'} it; kept`,
      });
    } else {
      ids.push(id);
      const as = named && record.name !== undefined ? ` as ${record.name}` : '';
      changes.push({
        resource,
        action: 'delete',
        diff: `${resource} delete (created by acp-play${as}; no longer in ${where})`,
        commands: (emit?.removeVlan(id) ?? []).map((t) => command(t)),
      });
    }
  }
  return { ids, changes, inSync };
}

/**
 * True when an interface uses VLAN `id` on purpose: the VLAN's own SVI (`interface Vlan2005`, its gateway), a port's
 * access or native VLAN, or an explicit allowed set.
 */
function carries(port: PortState, id: number): boolean {
  if (/^vlan\s*(\d+)$/i.exec(port.name)?.[1] === String(id)) return true;
  if (port.mode === 'access') return port.accessVlan === id;
  if (port.mode !== 'trunk') return false;
  if (port.nativeVlan === id) return true;
  return !port.allowedIsDefault && !isAllVlans(port.allowedVlans) && port.allowedVlans.includes(id);
}
