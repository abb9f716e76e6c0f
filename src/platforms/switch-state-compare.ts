import { describeVlanSet } from './switch-port-plan.js';
import { defaultPortState, type PortState, type SwitchState } from './switch-state.js';

/**
 * "The same switch": two gathered SwitchStates compared as the device behaves, the way the planner compares desired
 * and current. VLANs by id and name; ports field by field with the device defaults filled in (access and native VLAN
 * 1), allowed lists as sets (no allowed-vlan line and `1-4094` are the same). What is not configuration (counters,
 * checkpoints, sessions, timers) is never in a SwitchState. Returns one line per difference, empty when the same.
 */
export function compareSwitchStates(before: SwitchState, after: SwitchState): string[] {
  const out: string[] = [];
  const was = (a: string, b: string) => `(before the run: ${a}, now: ${b})`;
  for (const id of union(before.vlans.keys(), after.vlans.keys()).sort((a, b) => a - b)) {
    const a = before.vlans.get(id);
    const b = after.vlans.get(id);
    if (!a || !b) out.push(`vlan ${id} ${was(a ? 'defined' : 'not defined', b ? 'defined' : 'not defined')}`);
    else if ((a.name ?? '') !== (b.name ?? '')) out.push(`vlan ${id} name ${was(shown(a.name), shown(b.name))}`);
  }
  for (const name of union(before.interfaces.keys(), after.interfaces.keys()).sort()) {
    const a = before.interfaces.get(name) ?? defaultPortState(name);
    const b = after.interfaces.get(name) ?? defaultPortState(name);
    for (const [field, show] of Object.entries(PORT_FIELDS)) {
      const x = show(a);
      const y = show(b);
      if (x !== y) out.push(`${name} ${field} ${was(x, y)}`);
    }
  }
  return out;
}

/** The port fields a switch behaves by, each as text for the message. */
const PORT_FIELDS: Readonly<Record<string, (p: PortState) => string>> = {
  mode: (p) => p.mode ?? 'unknown',
  'access vlan': (p) => String(p.accessVlan ?? 1),
  'native vlan': (p) => String(p.nativeVlan ?? 1),
  allowed: (p) => describeVlanSet(p.allowedVlans),
  description: (p) => shown(p.description),
  shutdown: (p) => (p.shutdown ? 'yes' : 'no'),
};

function shown(text: string | undefined): string {
  return text === undefined ? '(none)' : JSON.stringify(text);
}

function union<T>(a: Iterable<T>, b: Iterable<T>): T[] {
  return [...new Set([...a, ...b])];
}
