import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Gives the lab site (inventories/lab as `acp-play lab up` writes it) another set of VM VLANs, as an operator would by
 * editing the inventory: the site's VLAN list (2000-2002 stay) and every trunk's allowed_vlans.
 */
export function setLabVmVlans(inventory: string, vmVlans: readonly number[]): void {
  const all = join(inventory, 'group_vars', 'all.yaml');
  const lines = readFileSync(all, 'utf8').split('\n');
  const kept = lines.filter((l) => !/^ {4}- \{id: 20(0[3-9]|[1-9]\d),/.test(l));
  const vm = vmVlans.map(
    (id) =>
      `    - {id: ${id}, name: virtual-machines-${id - 2002}, subnet: 172.16.${id - 1999}.0/24, gateway: 172.16.${id - 1999}.1, vm: true}`,
  );
  const at = kept.findLastIndex((l) => /^ {4}- \{id: 200[0-2],/.test(l)) + 1;
  writeFileSync(all, [...kept.slice(0, at), ...vm, ...kept.slice(at)].join('\n'));
  const sw = join(inventory, 'host_vars', 'switch1.yaml');
  const set = vmVlans.join(',');
  const text = readFileSync(sw, 'utf8')
    .replace(/allowed_vlans: "?2000(?:[-,]\d+)*"?/g, `allowed_vlans: "2000-2002,${set}"`)
    .replace(/allowed_vlans: "?2003(?:[-,]\d+)*"?/g, `allowed_vlans: "${set}"`);
  writeFileSync(sw, text);
}
