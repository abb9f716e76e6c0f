import { evalPythonLiteral } from './python-literal.js';

/** One whitespace-separated word of an INI host line, quotes removed. */
export interface IniWord {
  /** The word with quotes and escapes resolved. */
  readonly text: string;
  /** The word as written. */
  readonly raw: string;
  /** 1-based column where the word starts. */
  readonly col: number;
}

const SPACE = new Set([' ', '\t', '\r', '\n']);

/**
 * Splits an INI host line as Ansible does, with Python's `shlex.split(line, comments=True)`: quotes group words and
 * are removed, a backslash escapes the next character (inside double quotes only `\"` and `\\`; inside single
 * quotes nothing), and a `#` outside quotes ends the line, even inside a word (`pass=a#b` is `pass=a`).
 */
export function splitHostLine(line: string): IniWord[] {
  const words: IniWord[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && SPACE.has(line[i]!)) i++;
    if (i >= line.length || line[i] === '#') break;
    const start = i;
    let text = '';
    let quoted = false;
    let ended = false;
    while (i < line.length) {
      const c = line[i]!;
      if (SPACE.has(c)) break;
      if (c === '#') {
        ended = true;
        break;
      }
      if (c === '\\') {
        if (i + 1 >= line.length) throw new Error('no character after the backslash');
        text += line[i + 1];
        i += 2;
      } else if (c === '"' || c === "'") {
        quoted = true;
        const close = readQuoted(line, i, c);
        text += close.text;
        i = close.end;
      } else {
        text += c;
        i++;
      }
    }
    if (text !== '' || quoted) words.push({ text, raw: line.slice(start, i), col: start + 1 });
    if (ended) break;
  }
  return words;
}

function readQuoted(line: string, open: number, quote: string): { text: string; end: number } {
  let text = '';
  let i = open + 1;
  for (;;) {
    if (i >= line.length) throw new Error(`unterminated ${quote} quote`);
    const c = line[i]!;
    if (c === quote) return { text, end: i + 1 };
    if (c === '\\' && quote === '"') {
      const next = line[i + 1];
      if (next === undefined) throw new Error(`unterminated ${quote} quote`);
      text += next === '"' || next === '\\' ? next : c + next;
      i += 2;
    } else {
      text += c;
      i++;
    }
  }
}

/**
 * The `k=v` of a host line word, split at its first `=` after quotes are removed; the value read as Ansible reads it
 * ({@link iniValue}). Undefined when the word has no `=` or an empty name.
 */
export function hostWordValue(word: IniWord): { key: string; value: unknown; valueCol: number } | undefined {
  const eq = word.text.indexOf('=');
  if (eq <= 0) return undefined;
  const rawEq = word.raw.indexOf('=');
  return {
    key: word.text.slice(0, eq),
    value: iniValue(word.text.slice(eq + 1)),
    valueCol: word.col + (rawEq < 0 ? eq : rawEq) + 1,
  };
}

/** The value of a `[group:vars]` line's right-hand side, read as Ansible reads it ({@link iniValue}). */
export function varsLineValue(rawValue: string): unknown {
  return iniValue(rawValue.trim());
}

/**
 * An INI value as Ansible's INI plugin reads it: a Python literal when it is one (`2222`, `True`, `'quoted'`,
 * `['/dev/sda']`, `{'a': 1}`, `5  # comment`), else the text as it is (`yes`, `10.0.0.1`, `[a, b]`, `FALSE`).
 */
export function iniValue(text: string): unknown {
  const literal = evalPythonLiteral(text);
  return literal ? literal.value : text;
}
