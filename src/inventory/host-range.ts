import { parseHostAddress } from './host-address.js';
import { hostLimits } from './host-limits.js';

/** A host entry of an inventory file: the names it expands to (ranges expanded) and an optional `:port`. */
export interface HostEntry {
  readonly names: readonly string[];
  readonly port?: number;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Expands a host entry as Ansible's inventory plugins do (`_expand_hostpattern`, `expand_hostname_range`):
 * `web[01:03]`, `www[01:50:2]`, `db-[a:f]`, `h[:5]` (from 0), `x[a:C]` (through the capitals), `switch1:2222`,
 * `[2001:db8::1]:2222`. Ranges expand leftmost first. Throws an Error with a user-facing message for a range
 * Ansible refuses, for one that runs backwards (Ansible expands `[5:1]` to no host at all), and for one naming more
 * hosts than the per-range limit (host-limits.ts), counted before anything is expanded.
 */
export function expandHostEntry(entry: string): HostEntry {
  const address = parseHostAddress(entry);
  const pattern = address?.pattern ?? entry;
  if (!pattern.includes('[')) return withPort([pattern], address?.port);
  const count = countNames(pattern);
  const { perRange, variable } = hostLimits();
  if (count > perRange) {
    throw new Error(
      `host range ${pattern} names ${count > 1e15 ? 'more than 10^15' : count} hosts (limit ${perRange} per range; ${variable} raises it)`,
    );
  }
  const names: string[] = [];
  expandInto(pattern, names);
  return withPort(names, address?.port);
}

function withPort(names: string[], port: number | undefined): HostEntry {
  // As Ansible: port 0 is no port.
  return port ? { names, port } : { names };
}

interface Range {
  readonly head: string;
  readonly tail: string;
  readonly values: () => string[];
  /** The first value (when size > 0), without expanding the range. */
  readonly first: string;
  readonly size: number;
  readonly text: string;
}

/** The first `[...]` of `line`, as Ansible cuts it: before the first `[`, up to the first `]`, the rest. */
function firstRange(line: string): Range {
  const marked = line.replace('[', '|').replace(']', '|');
  const parts = marked.split('|');
  if (parts.length !== 3) {
    throw new Error(`host range in ${line}: a \`[\` without its \`]\` (or a \`|\` in the name)`);
  }
  const [head, inner, tail] = parts as [string, string, string];
  const text = `[${inner}]`;
  const bounds = inner.split(':');
  if (bounds.length !== 2 && bounds.length !== 3)
    throw new Error(`host range ${text} must be [begin:end] or [begin:end:step]`);
  const begin = bounds[0] || '0';
  const end = bounds[1] ?? '';
  if (end === '') throw new Error(`host range ${text} must give its end`);
  const step = bounds.length === 3 ? pythonInt(bounds[2]!, text) : 1;
  if (step === 0) throw new Error(`host range ${text} has a step of 0`);
  const width = begin[0] === '0' && begin.length > 1 ? begin.length : 0;
  if (width && end.length !== width)
    throw new Error(`host range ${text} must give begin and end with the same number of digits`);
  const letterBegin = LETTERS.indexOf(begin);
  const letterEnd = LETTERS.indexOf(end);
  if (letterBegin >= 0 && letterEnd >= 0) {
    if (letterBegin > letterEnd) throw new Error(`host range ${text} runs backwards`);
    const letters = step > 0 ? LETTERS.slice(letterBegin, letterEnd + 1) : '';
    const picked = [...letters].filter((_, i) => i % step === 0);
    if (picked.length === 0) throw new Error(`host range ${text} names no host (its step runs backwards)`);
    return { head, tail, text, size: picked.length, first: picked[0]!, values: () => picked };
  }
  const from = pythonInt(begin, text);
  const to = pythonInt(end, text);
  // Python's range(from, to + 1, step).
  const size = Math.max(0, Math.ceil((to + 1 - from) / step));
  if (size === 0) throw new Error(`host range ${text} runs backwards (it would name no host)`);
  const values = (): string[] => {
    const out: string[] = [];
    for (let i = from; step > 0 ? i < to + 1 : i > to + 1; i += step) out.push(zfill(String(i), width));
    return out;
  };
  return { head, tail, text, size, first: zfill(String(from), width), values };
}

/** Names a pattern expands to, without expanding it (each range is the same whatever the ranges before it give). */
function countNames(line: string): number {
  let count = 1;
  let rest = line;
  while (rest.includes('[') && count <= 1e15) {
    const range = firstRange(rest);
    count *= range.size;
    rest = range.head + range.first + range.tail;
  }
  return count;
}

function expandInto(line: string, names: string[]): void {
  const range = firstRange(line);
  for (const value of range.values()) {
    const name = range.head + value + range.tail;
    if (name.includes('[')) expandInto(name, names);
    else names.push(name);
  }
}

/** Python's `int(text)`: optional spaces and sign, digits with single underscores between them. */
function pythonInt(text: string, range: string): number {
  if (!/^\s*[-+]?[0-9]+(?:_[0-9]+)*\s*$/.test(text))
    throw new Error(`host range ${range} must be numbers (web[01:10]) or letters (leaf[a:d])`);
  return Number(text.replace(/[\s_]/g, ''));
}

/** Python's `str.zfill`. */
function zfill(text: string, width: number): string {
  const sign = text.startsWith('-') ? '-' : '';
  return sign + text.slice(sign.length).padStart(width - sign.length, '0');
}
