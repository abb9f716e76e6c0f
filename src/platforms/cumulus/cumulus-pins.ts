import { formatVlanSet } from '../../inventory/vlan-set.js';
import type { SwitchState } from '../switch-state.js';
import { inheritingPorts } from './cumulus-render.js';

/**
 * Says in the first VLAN change which bridge ports the rendered file pins to their current VLANs (see
 * inheritingPorts): on Cumulus a port without its own `bridge-vids` follows the bridge's list, so the file written
 * for a VLAN definition change touches those port stanzas too, and the plan must show it.
 */
export function withCumulusPins<P extends { readonly changes: readonly { diff: string }[] }>(
  plan: P,
  current: SwitchState,
): P {
  const [first, ...rest] = plan.changes;
  if (!first || !current.interfacesFile) return plan;
  const ids = [...current.vlans.keys()];
  const finalIds = new Set(ids);
  for (const c of plan.changes) {
    const m = /^vlan (\d+) (create|delete)/.exec(c.diff);
    if (m?.[2] === 'create') finalIds.add(Number(m[1]));
    else if (m) finalIds.delete(Number(m[1]));
  }
  const pins = inheritingPorts(current.interfacesFile, [...finalIds]).filter((p) => p.vids.length > 0);
  if (pins.length === 0) return plan;
  const line = pins
    .map(
      (p) =>
        `${p.name} follows the bridge's bridge-vids: pinned to bridge-vids ${formatVlanSet(p.vids)} (what it carries now)`,
    )
    .join('\n');
  return { ...plan, changes: [{ ...first, diff: `${first.diff}\n${line}` }, ...rest] };
}
