import { parse as parseYaml } from 'yaml';

/** One whitespace-separated word of an INI host line, quotes removed. */
export interface IniWord {
  /** The word with quotes and escapes resolved. */
  readonly text: string;
  /** The word as written. */
  readonly raw: string;
  /** 1-based column where the word starts. */
  readonly col: number;
}

/**
 * Splits an INI host line like a POSIX shell (quotes group words, backslash escapes) and drops a comment: a
 * `#` at the start of a word (`host a=1  # note`). A `#` inside a word (`pass=a#b`) is kept.
 */
export function splitHostLine(line: string): IniWord[] {
  const words: IniWord[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i] ?? '')) i++;
    if (i >= line.length || line[i] === '#') break;
    const start = i;
    let text = '';
    let quote: string | undefined;
    for (; i < line.length; i++) {
      const c = line[i] ?? '';
      if (quote) {
        if (c === quote) quote = undefined;
        else if (c === '\\' && quote === '"' && /["\\$`]/.test(line[i + 1] ?? '')) text += line[++i];
        else text += c;
      } else if (/\s/.test(c)) break;
      else if (c === '"' || c === "'") quote = c;
      else if (c === '\\' && i + 1 < line.length) text += line[++i];
      else text += c;
    }
    if (quote) throw new Error(`unterminated ${quote} quote`);
    words.push({ text, raw: line.slice(start, i), col: start + 1 });
  }
  return words;
}

/** The value of `k=v` from a host line: quoted values stay strings, others follow {@link parseIniLiteral}. */
export function hostWordValue(word: IniWord): { key: string; value: unknown; valueCol: number } | undefined {
  const eq = word.raw.indexOf('=');
  if (eq <= 0) return undefined;
  const key = word.text.slice(0, word.text.indexOf('='));
  const rawValue = word.raw.slice(eq + 1);
  const text = word.text.slice(word.text.indexOf('=') + 1);
  const quoted = rawValue.startsWith('"') || rawValue.startsWith("'");
  return { key, value: quoted ? text : parseIniLiteral(text), valueCol: word.col + eq + 1 };
}

/**
 * The value of a `[group:vars]` line's right-hand side: a whole quoted string, or a literal with a trailing `# comment`
 * dropped.
 */
export function varsLineValue(rawValue: string): unknown {
  const value = rawValue.trim();
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const close = value.indexOf(quote, 1);
    if (close > 0 && /^\s*(#.*)?$/.test(value.slice(close + 1))) return value.slice(1, close);
  }
  return parseIniLiteral(value.replace(/\s+#.*$/, ''));
}

/**
 * Ansible evaluates unquoted INI values as Python literals: `True`/`False`/`None`, integers, floats, lists and
 * dicts; anything else (`yes`, `1.2.3.4`, `eth0`) stays a string.
 */
export function parseIniLiteral(text: string): unknown {
  if (text === 'True') return true;
  if (text === 'False') return false;
  if (text === 'None') return null;
  if (/^[-+]?(0|[1-9][0-9_]*)$/.test(text) && !text.endsWith('_')) return Number(text.replace(/_/g, ''));
  if (/^[-+]?0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)$/.test(text)) {
    const negative = text.startsWith('-');
    const magnitude = Number(text.replace(/^[-+]/, ''));
    return negative ? -magnitude : magnitude;
  }
  if (/^[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+(?=[eE]))([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^\[.*\]$|^\{.*\}$|^\(.*\)$/.test(text)) {
    try {
      return parseYaml(text.startsWith('(') ? `[${text.slice(1, -1)}]` : text, { version: '1.1' }) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
