/**
 * VLAN id sets: parsed from and printed to the range syntax switches use (`2003-2005,2010`).
 * Always compared as sets of ids, never as text.
 */

export const VLAN_MIN = 1;
export const VLAN_MAX = 4094;

/**
 * A VLAN list (site.vlans, node.vlans, switch.vlans) longer than this repeats ids: only this many items are read,
 * and the list is reported (checks compare items with each other, so an endless list would be slow too).
 */
export const MAX_VLAN_ITEMS = VLAN_MAX;

/** The problem text for a VLAN list past MAX_VLAN_ITEMS, and its fix. */
export function tooManyVlanItems(what: string, count: number): { message: string; fix: string } {
  return {
    message: `${what} has ${count} items, more than there are VLAN ids (${MAX_VLAN_ITEMS}); only the first ${MAX_VLAN_ITEMS} are read`,
    fix: 'list each VLAN once, or use ranges such as 2000-2005',
  };
}

/** Thrown for text that is not a VLAN list; the message says which part is wrong. */
export class VlanSetSyntaxError extends Error {}

/**
 * Parses `2003-2005,2010`, `1, 2`, `2003 - 2005` or a YAML list of ids/ranges into sorted unique ids.
 * Rejects ids outside 1-4094 and reversed ranges.
 */
export function parseVlanSet(input: string | number | readonly (string | number)[]): number[] {
  const parts: (string | number)[] = Array.isArray(input)
    ? [...input]
    : typeof input === 'number'
      ? [input]
      : String(input).split(',');
  const ids = new Set<number>();
  for (const raw of parts) {
    if (typeof raw === 'number') {
      addId(ids, raw, String(raw));
      continue;
    }
    for (const piece of String(raw).split(',')) {
      const text = piece.trim();
      if (text === '') continue;
      const range = /^(\d+)\s*-\s*(\d+)$/.exec(text);
      if (range) {
        const lo = Number(range[1]);
        const hi = Number(range[2]);
        if (lo > hi) throw new VlanSetSyntaxError(`reversed range "${text}" (write ${hi}-${lo})`);
        checkId(lo, text);
        checkId(hi, text);
        for (let id = lo; id <= hi; id++) ids.add(id);
      } else if (/^\d+$/.test(text)) {
        addId(ids, Number(text), text);
      } else {
        throw new VlanSetSyntaxError(`"${text}" is not a VLAN id or range (expected e.g. 2003 or 2003-2005)`);
      }
    }
  }
  return [...ids].sort((a, b) => a - b);
}

function checkId(id: number, text: string): void {
  if (!Number.isInteger(id) || id < VLAN_MIN || id > VLAN_MAX) {
    throw new VlanSetSyntaxError(`VLAN id ${text} is outside ${VLAN_MIN}-${VLAN_MAX}`);
  }
}

function addId(ids: Set<number>, id: number, text: string): void {
  checkId(id, text);
  ids.add(id);
}

/** Compresses ids into the shortest range text: [2003,2004,2005,2010] -> "2003-2005,2010". Empty -> "". */
export function formatVlanSet(ids: Iterable<number>): string {
  return compressRanges(ids).join(',');
}

/** Ranges as separate tokens: [2003,2004,2005,2010] -> ["2003-2005", "2010"]. Two adjacent ids stay a range. */
export function compressRanges(ids: Iterable<number>): string[] {
  const sorted = ascendingOnce(ids);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i]!;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1) {
      i++;
      end = sorted[i]!;
    }
    out.push(start === end ? String(start) : `${start}-${end}`);
    i++;
  }
  return out;
}

/**
 * The ids in ascending order, each once. A list that is so already is taken as it is: a gathered switch has a
 * 1-4094 list on every port whose allowed VLANs are the default, and sorting those again was most of its plan's time.
 */
function ascendingOnce(ids: Iterable<number>): readonly number[] {
  const list = Array.isArray(ids) ? (ids as readonly number[]) : [...ids];
  for (let i = 1; i < list.length; i++) if (!(list[i]! > list[i - 1]!)) return [...new Set(list)].sort((a, b) => a - b);
  return list;
}

/**
 * Splits a set into comma-joined range lists of at most `maxChars` characters each, for devices that reject
 * long command lines. The first chunk goes on the `allowed vlan LIST` line, the rest on `allowed vlan add LIST`.
 */
export function chunkVlanSet(ids: Iterable<number>, maxChars = 220): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const token of compressRanges(ids)) {
    const next = current === '' ? token : `${current},${token}`;
    if (next.length > maxChars && current !== '') {
      chunks.push(current);
      current = token;
    } else {
      current = next;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Set difference helpers, returning sorted arrays. */
export function vlanSetDiff(from: Iterable<number>, to: Iterable<number>): { added: number[]; removed: number[] } {
  const a = new Set(from);
  const b = new Set(to);
  return {
    added: [...b].filter((id) => !a.has(id)).sort((x, y) => x - y),
    removed: [...a].filter((id) => !b.has(id)).sort((x, y) => x - y),
  };
}

export function sameVlanSet(a: Iterable<number>, b: Iterable<number>): boolean {
  const d = vlanSetDiff(a, b);
  return d.added.length === 0 && d.removed.length === 0;
}

const ALL_VLAN_IDS: readonly number[] = Array.from({ length: VLAN_MAX }, (_, i) => i + 1);

/**
 * All VLANs 1-4094: what a trunk with no allowed-vlan line carries. A fresh copy each time (callers change their
 * port's list), copied from one list made once: a gathered switch has one such list per port.
 */
export function allVlans(): number[] {
  return ALL_VLAN_IDS.slice();
}
