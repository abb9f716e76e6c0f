import { formatVlanSet } from '../inventory/vlan-set.js';
import type { SwitchCurrent } from './switch-driver.js';

/**
 * What a switch's plan depends on, per resource: each VLAN definition (`vlan 2003`), each interface as parsed, and a
 * document-based switch's whole document (`interfaces file`). Read from the parsed state, so the running-config's
 * timestamps (NX-OS `!Time:`, IOS `! Last configuration change at`, EOS `! Startup-config last modified`) and lines
 * acp-play does not model never make two gathers of an unchanged switch differ.
 */
export function switchFacts(current: SwitchCurrent<unknown>): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const [id, vlan] of current.state.vlans) facts[`vlan ${id}`] = vlan;
  for (const [name, port] of current.state.interfaces)
    facts[name] = { ...port, allowedVlans: formatVlanSet(port.allowedVlans) };
  if (current.document !== undefined) facts['interfaces file'] = current.document;
  return facts;
}
