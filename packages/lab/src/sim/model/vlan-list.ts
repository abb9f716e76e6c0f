/**
 * VLAN lists as switches type and print them (`2003-2005,2010`). The simulators keep their own copy of this
 * arithmetic on purpose: a device model must not share its understanding of a list with the tool it judges.
 */

/** Lowest and highest VLAN id a switch port can carry (802.1Q). */
export const VLAN_LOW = 1;
export const VLAN_HIGH = 4094;

/** Parses a device VLAN list (`1-5,7`); undefined for text the device would refuse (bad syntax, out of range). */
export function parseVlanList(text: string): number[] | undefined {
  if (!/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(text)) return undefined;
  const ids = new Set<number>();
  for (const part of text.split(',')) {
    const [lo, hi = lo] = part.split('-').map(Number) as [number, number?];
    if (lo < VLAN_LOW || hi! > VLAN_HIGH || lo > hi!) return undefined;
    for (let id = lo; id <= hi!; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/**
 * Runs of consecutive ids as device text tokens: [1,2,3,7] -> ["1-3", "7"]. `minRun` = the shortest run written as
 * a range: 2 on NX-OS and EOS (`10-11`), 3 on IOS, which keeps pairs apart (`674,675`).
 */
export function vlanRanges(ids: Iterable<number>, minRun = 2): string[] {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i + 1 >= minRun) out.push(`${sorted[i]}-${sorted[j]}`);
    else for (let k = i; k <= j; k++) out.push(String(sorted[k]));
    i = j + 1;
  }
  return out;
}

/** The device's text for a list: `2003-2005,2010`. */
export function formatVlanList(ids: Iterable<number>, minRun = 2): string {
  return vlanRanges(ids, minRun).join(',');
}

/** Splits a list into comma-joined chunks of at most `width` characters (ranges are never cut). */
export function chunkVlanList(ids: Iterable<number>, width: number, minRun = 2): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const range of vlanRanges(ids, minRun)) {
    const next = current === '' ? range : `${current},${range}`;
    if (next.length > width && current !== '') {
      chunks.push(current);
      current = range;
    } else current = next;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Every VLAN 1-4094. */
export function everyVlan(): number[] {
  return Array.from({ length: VLAN_HIGH }, (_, i) => i + 1);
}
