/** A host entry of an inventory file: one or more names (ranges expanded) and an optional `:port`. */
export interface HostEntry {
  readonly names: readonly string[];
  readonly port?: number;
}

const RANGE = /^(.*?)\[([0-9a-zA-Z]+):([0-9a-zA-Z]+)(?::([0-9]+))?\](.*)$/;

/**
 * Expands an Ansible host pattern as written in an inventory: `web[01:03]`, `leaf[a:c].example`,
 * `switch1:2222` (a port), `[2001:db8::1]:2222`. Throws an Error with a user-facing message when a range is
 * malformed.
 */
export function expandHostEntry(pattern: string): HostEntry {
  const v6WithPort = /^\[([0-9a-fA-F:.]+)\]:([0-9]+)$/.exec(pattern);
  if (v6WithPort) return { names: [v6WithPort[1] ?? ''], port: Number(v6WithPort[2]) };
  const outsideBrackets = pattern.replace(/\[[^\]]*\]/g, '');
  const colons = outsideBrackets.split(':').length - 1;
  if (colons === 1) {
    const withPort = /^(.+):([0-9]+)$/.exec(pattern);
    if (withPort) return { names: expandRanges(withPort[1] ?? ''), port: Number(withPort[2]) };
  }
  // Several colons outside brackets: a bare IPv6 address, kept whole.
  return { names: colons > 1 ? [pattern] : expandRanges(pattern) };
}

function expandRanges(pattern: string): string[] {
  const match = RANGE.exec(pattern);
  if (!match) return [pattern];
  const [, head = '', begin = '', end = '', stepText, tail = ''] = match;
  const step = stepText === undefined ? 1 : Number(stepText);
  if (step < 1) throw new Error(`host range [${begin}:${end}:${stepText}] has a step below 1`);
  const tails = expandRanges(tail);
  const middles: string[] = [];
  if (/^[0-9]+$/.test(begin) && /^[0-9]+$/.test(end)) {
    const width = begin.length > 1 && begin.startsWith('0') ? begin.length : 0;
    if (width && end.length !== width)
      throw new Error(`host range [${begin}:${end}] must give begin and end with the same number of digits`);
    const from = Number(begin);
    const to = Number(end);
    if (from > to) throw new Error(`host range [${begin}:${end}] runs backwards`);
    for (let i = from; i <= to; i += step) middles.push(String(i).padStart(width, '0'));
  } else if (/^[a-zA-Z]$/.test(begin) && /^[a-zA-Z]$/.test(end)) {
    const from = begin.charCodeAt(0);
    const to = end.charCodeAt(0);
    if (from > to) throw new Error(`host range [${begin}:${end}] runs backwards`);
    for (let c = from; c <= to; c += step) middles.push(String.fromCharCode(c));
  } else {
    throw new Error(`host range [${begin}:${end}] must be numbers (web[01:10]) or single letters (leaf[a:d])`);
  }
  return middles.flatMap((middle) => tails.map((rest) => `${head}${middle}${rest}`));
}
