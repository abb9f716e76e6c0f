import type { SimPort } from './model/switch-model.js';
import { chunkVlanList } from './model/vlan-list.js';

/**
 * The allowed-vlan lines of a port: none for all VLANs, `none` for the empty list; a list longer than `wrapAt`
 * columns goes on continuation lines with `add` (NX-OS, IOS; EOS passes Infinity and keeps one line).
 */
export function allowedLines(port: SimPort, indent: string, wrapAt: number, minRun = 2): string[] {
  const head = `${indent}switchport trunk allowed vlan`;
  if (port.allowed === 'all') return [];
  if (port.allowed.length === 0) return [`${head} none`];
  const [first, ...rest] = chunkVlanList(port.allowed, wrapAt - `${head} add `.length, minRun);
  return [`${head} ${first}`, ...rest.map((l) => `${head} add ${l}`)];
}
