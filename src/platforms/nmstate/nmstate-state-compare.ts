import { findDifferences } from './nmstate-compare.js';
import { isNmstateObject, type NmstateInterface, type NmstateState, type NmstateValue } from './nmstate-state.js';

/**
 * Keys of `nmstatectl show` that are not configuration and move on their own: the Linux bridge's timers (`gc-timer`
 * counts down between two reads: recorded on nmstate 2.2.62, test/fixtures/nmstate/recorded), address lifetimes, and
 * the LLDP neighbours a port hears.
 */
const NOISE_KEYS = new Set([
  'gc-timer',
  'hello-timer',
  'tcn-timer',
  'topology-change-timer',
  'valid-life-time',
  'preferred-life-time',
  'neighbors',
]);

/**
 * "The same node" for the nmstate module: the interfaces gathered before and after (the ones the desired state
 * names, their base interfaces and acp-play's marked ones), each compared in both directions with nmstate's own
 * rules (named lists by name, ports as sets, `1500` = `"1500"`), noise left out. As nmstate's verification does,
 * the addresses of an IP stack run by DHCP or autoconf are not compared: the server hands them out. Returns one line
 * per difference, empty when the same.
 */
export function compareNmstateStates(before: NmstateState, after: NmstateState): string[] {
  const key = (i: NmstateInterface) => `${i.name}${i.type ? ` (${i.type})` : ''}`;
  const was = new Map(before.interfaces.map((i) => [key(i), i]));
  const now = new Map(after.interfaces.map((i) => [key(i), i]));
  const out: string[] = [];
  for (const name of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const a = was.get(name);
    const b = now.get(name);
    if (!a || !b) {
      out.push(`${name} (before the run: ${a ? 'present' : 'absent'}, now: ${b ? 'present' : 'absent'})`);
      continue;
    }
    const x = withoutNoise(a);
    const y = withoutNoise(b);
    const paths = [...new Set([...findDifferences(x, y), ...findDifferences(y, x)])];
    for (const path of paths.sort()) out.push(`${name} ${path} (before the run: ${at(x, path)}, now: ${at(y, path)})`);
  }
  return out;
}

function withoutNoise(value: NmstateValue): NmstateValue {
  if (Array.isArray(value)) return (value as readonly NmstateValue[]).map(withoutNoise);
  if (!isNmstateObject(value)) return value;
  const dynamic = value['dhcp'] === true || value['autoconf'] === true;
  const out: Record<string, NmstateValue> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || NOISE_KEYS.has(k) || (dynamic && k === 'address')) continue;
    out[k] = withoutNoise(v);
  }
  return out;
}

/** The value at a findDifferences path (`bridge.port[enp4s0f0.2004]`, `mtu`), as short text. */
function at(value: NmstateValue, path: string): string {
  let here: NmstateValue | undefined = value;
  // Segments are `key` or `key[name]`; a name may hold dots (`enp4s0f0.2004`), so brackets are read whole.
  for (const m of path.matchAll(/([^.[\]]+)(?:\[([^\]]+)\])?/g)) {
    here = isNmstateObject(here) ? here[m[1]!] : undefined;
    if (m[2] !== undefined && Array.isArray(here))
      here = (here as readonly NmstateValue[]).find((item) => isNmstateObject(item) && item['name'] === m[2]);
  }
  if (here === undefined) return 'absent';
  const text = JSON.stringify(here);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
