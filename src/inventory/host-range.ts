import { hostLimits } from './host-limits.js';

/** A host entry of an inventory file: one or more names (ranges expanded) and an optional `:port`. */
export interface HostEntry {
  readonly names: readonly string[];
  readonly port?: number;
}

/** One `[begin:end]` or `[begin:end:step]` of a host pattern. */
interface HostRange {
  readonly text: string;
  readonly begin: string;
  readonly end: string;
  readonly step: number;
}

const RANGE_AT = /\[([0-9a-zA-Z]+):([0-9a-zA-Z]+)(?::([0-9]+))?\]/y;

/**
 * Expands an Ansible host pattern as written in an inventory: `web[01:03]`, `leaf[a:c].example`,
 * `switch1:2222` (a port), `[2001:db8::1]:2222`. Throws an Error with a user-facing message when a range is
 * malformed, or names more hosts than the per-range limit (see host-limits.ts) before expanding anything.
 * Linear in the pattern and in the names it expands to.
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
  const parts = splitRanges(pattern);
  if (parts.length === 1) return [pattern];
  let count = 1;
  for (const part of parts) if (typeof part !== 'string') count *= rangeSize(part);
  const { perRange, variable } = hostLimits();
  if (count > perRange) {
    throw new Error(
      `host range ${pattern} names ${count > 1e15 ? 'more than 10^15' : count} hosts (limit ${perRange} per range; ${variable} raises it)`,
    );
  }
  const lists = parts.map((part) => (typeof part === 'string' ? [part] : rangeValues(part)));
  let names = [''];
  for (const list of lists) {
    const next: string[] = [];
    for (const head of names) for (const value of list) next.push(head + value);
    names = next;
  }
  return names;
}

/** The pattern cut into literal text and ranges, left to right, as Ansible's leftmost match would. */
function splitRanges(pattern: string): (string | HostRange)[] {
  const parts: (string | HostRange)[] = [];
  let literal = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '[') {
      RANGE_AT.lastIndex = i;
      const match = RANGE_AT.exec(pattern);
      if (match) {
        const [text, begin = '', end = '', stepText] = match;
        const step = stepText === undefined ? 1 : Number(stepText);
        if (!(step >= 1)) throw new Error(`host range ${text} has a step below 1`);
        parts.push(literal, { text, begin, end, step });
        literal = '';
        i += text.length - 1;
        continue;
      }
    }
    literal += pattern[i];
  }
  parts.push(literal);
  return parts;
}

function rangeBounds(range: HostRange): { from: number; to: number; width: number } {
  const { text, begin, end } = range;
  if (/^[0-9]+$/.test(begin) && /^[0-9]+$/.test(end)) {
    const width = begin.length > 1 && begin.startsWith('0') ? begin.length : 0;
    if (width && end.length !== width)
      throw new Error(`host range ${text} must give begin and end with the same number of digits`);
    const from = Number(begin);
    const to = Number(end);
    if (from > to) throw new Error(`host range ${text} runs backwards`);
    return { from, to, width };
  }
  if (/^[a-zA-Z]$/.test(begin) && /^[a-zA-Z]$/.test(end)) {
    const from = begin.charCodeAt(0);
    const to = end.charCodeAt(0);
    if (from > to) throw new Error(`host range ${text} runs backwards`);
    return { from, to, width: -1 };
  }
  throw new Error(`host range ${text} must be numbers (web[01:10]) or single letters (leaf[a:d])`);
}

function rangeSize(range: HostRange): number {
  const { from, to } = rangeBounds(range);
  return Math.floor((to - from) / range.step) + 1;
}

function rangeValues(range: HostRange): string[] {
  const { from, to, width } = rangeBounds(range);
  const values: string[] = [];
  for (let i = from; i <= to; i += range.step) {
    values.push(width < 0 ? String.fromCharCode(i) : String(i).padStart(width, '0'));
  }
  return values;
}
