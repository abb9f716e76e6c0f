import type { VlanState } from '../switch-state.js';

const STATUS = /^(active|suspended|act\/\S+|sus\/\S+)$/;

/**
 * Parses IOS `show vlan brief` into VLAN definitions. Rows are `ID NAME STATUS PORTS`; port lists wrap onto lines
 * that start with spaces (ignored). A VLAN without a configured name shows its default (`VLAN2003`), kept as shown.
 * IOS VLAN names have no spaces in this table's NAME column (up to 32 characters).
 */
export function parseIosVlanBrief(text: string): Map<number, VlanState> {
  const vlans = new Map<number, VlanState>();
  for (const line of text.split('\n')) {
    // A CRLF line's \r is after the columns read here, which the pattern does not anchor to the end.
    const m = /^(\d{1,4})\s+(\S+)\s+(\S+)/.exec(line);
    if (!m || !STATUS.test(m[3]!)) continue;
    const id = Number(m[1]);
    if (id >= 1 && id <= 4094) vlans.set(id, { id, name: m[2]! });
  }
  return vlans;
}
