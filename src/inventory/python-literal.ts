/**
 * Python's `ast.literal_eval` for one INI value, as Ansible's INI plugin applies it: strings (any quote, prefix and
 * escape; adjacent ones joined), numbers (underscores, hex, octal, binary), True/False/None, lists, tuples, sets and
 * dicts of those, `set()`, a sign on a number, a trailing `# comment`. Tuples and sets become lists, bytes become
 * text, `...` becomes the string "...", as Ansible turns them. Anything else (a name, a call, a complex number, bad
 * syntax) is not a literal: undefined, and the caller keeps the text as it is.
 */
export function evalPythonLiteral(text: string): { value: unknown } | undefined {
  const reader = new LiteralReader(text.replace(/^[ \t]+/, ''));
  try {
    const value = reader.expression();
    reader.end();
    return { value };
  } catch (error) {
    if (error instanceof NotLiteral) return undefined;
    throw error;
  }
}

class NotLiteral extends Error {}

const NUMBER =
  /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:[0-9](?:_?[0-9])*)?\.(?:[0-9](?:_?[0-9])*)?|[0-9](?:_?[0-9])*)(?:[eE][-+]?[0-9](?:_?[0-9])*)?)[jJ]?/;
const ESCAPES: Readonly<Record<string, string>> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

class LiteralReader {
  private i = 0;

  constructor(private readonly s: string) {}

  private fail(): never {
    throw new NotLiteral();
  }

  private skipBlanks(): void {
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === ' ' || c === '\t' || c === '\f') this.i++;
      else if (c === '#') this.i = this.s.length;
      else break;
    }
  }

  private peek(): string {
    this.skipBlanks();
    return this.s[this.i] ?? '';
  }

  private eat(c: string): boolean {
    if (this.peek() !== c) return false;
    this.i++;
    return true;
  }

  end(): void {
    if (this.peek() !== '') this.fail();
  }

  /** A whole value: one item, or items separated by commas (a tuple without brackets). */
  expression(): unknown {
    const first = this.item();
    if (this.peek() !== ',') return first;
    const items = [first];
    while (this.eat(',')) {
      const next = this.peek();
      if (next === '' || next === ')' || next === ']' || next === '}' || next === ':') break;
      items.push(this.item());
    }
    return items;
  }

  private item(): unknown {
    const c = this.peek();
    if (c === '[') return this.sequence(']');
    if (c === '(') return this.parenthesised();
    if (c === '{') return this.braces();
    if (c === '-' || c === '+') {
      this.i++;
      const n = this.peek() === '(' ? this.parenthesised() : this.number();
      if (typeof n !== 'number') this.fail();
      return c === '-' ? -n : n;
    }
    if (c === '.' && this.s.startsWith('...', this.i)) {
      this.i += 3;
      return '...';
    }
    if (/[0-9.]/.test(c)) return this.number();
    if (c === "'" || c === '"') return this.strings();
    return this.word();
  }

  private number(): number {
    this.skipBlanks();
    const m = NUMBER.exec(this.s.slice(this.i));
    if (!m || m[0] === '.' || /[jJ]$/.test(m[0])) this.fail();
    const text = m[0].replace(/_/g, '');
    this.i += m[0].length;
    if (/^[0-9a-zA-Z_.]/.test(this.s[this.i] ?? '')) this.fail();
    if (/^0[xXoObB]/.test(text)) return parseInt(text.slice(2), { x: 16, o: 8, b: 2 }[text[1]!.toLowerCase()]);
    if (/^0[0-9]+$/.test(text) && /[1-9]/.test(text)) this.fail(); // 012 is a syntax error in Python 3
    return Number(text);
  }

  private word(): unknown {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    if (!m) this.fail();
    const name = m[0];
    if (this.s[this.i + name.length] === "'" || this.s[this.i + name.length] === '"') return this.strings();
    this.i += name.length;
    if (name === 'True') return true;
    if (name === 'False') return false;
    if (name === 'None') return null;
    if (name === 'set' && this.eat('(') && this.eat(')')) return [];
    return this.fail();
  }

  /** One or more adjacent string literals, joined; bytes decoded as UTF-8 (as Ansible's to_text does). */
  private strings(): string {
    let text = '';
    let kind: 'str' | 'bytes' | undefined;
    for (;;) {
      const c = this.peek();
      const prefix = /^[A-Za-z]{0,2}(?=['"])/.exec(this.s.slice(this.i))?.[0];
      if (prefix === undefined || (prefix === '' && c !== "'" && c !== '"')) break;
      const lower = prefix.toLowerCase();
      if (!['', 'r', 'u', 'b', 'br', 'rb'].includes(lower)) this.fail();
      const isBytes = lower.includes('b');
      if (kind !== undefined && (kind === 'bytes') !== isBytes) this.fail();
      kind = isBytes ? 'bytes' : 'str';
      this.i += prefix.length;
      text += this.stringBody(lower.includes('r'), isBytes);
    }
    if (kind === undefined) this.fail();
    return kind === 'bytes' ? Buffer.from(text, 'latin1').toString('utf8') : text;
  }

  private stringBody(raw: boolean, isBytes: boolean): string {
    const quote = this.s.startsWith(this.s[this.i]!.repeat(3), this.i) ? this.s[this.i]!.repeat(3) : this.s[this.i]!;
    this.i += quote.length;
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) this.fail();
      if (this.s.startsWith(quote, this.i)) {
        this.i += quote.length;
        return out;
      }
      const c = this.s[this.i++]!;
      if (isBytes && c.charCodeAt(0) > 127) this.fail();
      if (c !== '\\') {
        out += c;
        continue;
      }
      const next = this.s[this.i] ?? '';
      if (raw) {
        out += c + next;
        this.i++;
        continue;
      }
      out += this.escape(next, isBytes);
    }
  }

  private escape(next: string, isBytes: boolean): string {
    this.i++;
    if (Object.hasOwn(ESCAPES, next)) return ESCAPES[next]!;
    const hex = (width: number): string => {
      const digits = this.s.slice(this.i, this.i + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(digits)) this.fail();
      this.i += width;
      const code = parseInt(digits, 16);
      if (code > 0x10ffff) this.fail();
      return String.fromCodePoint(code);
    };
    if (/[0-7]/.test(next)) {
      const digits = next + (/^[0-7]{0,2}/.exec(this.s.slice(this.i))?.[0] ?? '');
      this.i += digits.length - 1;
      return String.fromCharCode(parseInt(digits, 8) & (isBytes ? 0xff : 0x1ff));
    }
    if (next === 'x') return hex(2);
    if (!isBytes && next === 'u') return hex(4);
    if (!isBytes && next === 'U') return hex(8);
    if (!isBytes && next === 'N') return this.fail(); // \N{NAME}: the Unicode name table is not carried
    return `\\${next}`;
  }

  private sequence(close: string): unknown[] {
    this.i++;
    const items: unknown[] = [];
    while (!this.eat(close)) {
      items.push(this.item());
      if (!this.eat(',') && this.peek() !== close) this.fail();
    }
    return items;
  }

  private parenthesised(): unknown {
    this.i++;
    if (this.eat(')')) return [];
    const value = this.expression();
    if (!this.eat(')')) this.fail();
    return value;
  }

  /** `{}` is a dict; `{a, b}` a set (a list here); `{k: v}` a dict (keys as Python's JSON encoder writes them). */
  private braces(): unknown {
    this.i++;
    const entries = new Map<string, unknown>();
    const items: unknown[] = [];
    let isDict: boolean | undefined;
    while (!this.eat('}')) {
      const key = this.item();
      const hasValue = this.eat(':');
      if (isDict !== undefined && isDict !== hasValue) this.fail();
      isDict = hasValue;
      if (hasValue)
        entries.set(
          jsonKey(key, () => this.fail()),
          this.item(),
        );
      else items.push(key);
      if (!this.eat(',') && this.peek() !== '}') this.fail();
    }
    return isDict === false ? [...new Set(items)] : Object.fromEntries(entries);
  }
}

function jsonKey(key: unknown, fail: () => never): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number') return String(key);
  if (typeof key === 'boolean') return String(key);
  if (key === null) return 'null';
  return fail(); // a list as a key is not hashable in Python
}
