import { parseVlanList } from './model/vlan-list.js';

/**
 * The command-line grammar of the simulated CLIs: commands are patterns of keywords and typed parameters, and a
 * typed line is matched the way Cisco-style parsers do it: every keyword may be abbreviated to a unique prefix
 * (`conf t`, `sw tr al vl add 10`), a parameter is checked for its range, and a failure reports the token where
 * parsing stopped (for the `^` marker), or that the line is incomplete or ambiguous.
 */

/** Parameter types a pattern can hold (`<vlan>` in a pattern string). */
export type ParamType = 'vlan' | 'vlans' | 'iface' | 'word' | 'rest' | 'num' | 'hms';

/** A token of the typed line with its column (for the caret). */
export interface LineToken {
  readonly text: string;
  readonly col: number;
}

/** What a matched line gives its handler: parameters by name (`vlans`, `iface`, ...) and `no` for `[no]` patterns. */
export interface MatchedArgs {
  readonly no: boolean;
  readonly params: Record<string, string>;
}

/** One command of a mode: its pattern (`[no] switchport access vlan <vlan>`) and what it does. */
export interface CommandSpec<H> {
  readonly pattern: string;
  readonly handler: H;
}

export type MatchResult<H> =
  | { readonly kind: 'ok'; readonly handler: H; readonly args: MatchedArgs; readonly expanded: string }
  | { readonly kind: 'invalid'; readonly col: number; readonly token: number; readonly text: string }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'ambiguous'; readonly text: string; readonly col: number }
  | { readonly kind: 'empty' };

interface PatternToken {
  readonly keyword?: string;
  readonly param?: ParamType;
  readonly name?: string;
}

/** A compiled command (see compileCommands). */
export interface Compiled<H> {
  readonly tokens: readonly PatternToken[];
  readonly handler: H;
  readonly no: boolean;
}

/** Splits a typed line into tokens with their columns. */
export function tokenize(line: string): LineToken[] {
  const out: LineToken[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push({ text: m[0], col: m.index });
  return out;
}

/** Compiles command specs once; `[no] x` becomes two patterns. */
export function compileCommands<H>(specs: readonly CommandSpec<H>[]): Compiled<H>[] {
  const out: Compiled<H>[] = [];
  for (const spec of specs) {
    const optionalNo = spec.pattern.startsWith('[no] ');
    const body = optionalNo ? spec.pattern.slice(5) : spec.pattern;
    const tokens = body.split(/\s+/).map((t): PatternToken => {
      const p = /^<(\w+)(?::(\w+))?>$/.exec(t);
      return p ? { param: p[1] as ParamType, name: p[2] ?? p[1]! } : { keyword: t.toLowerCase() };
    });
    out.push({ tokens, handler: spec.handler, no: false });
    if (optionalNo) out.push({ tokens: [{ keyword: 'no' }, ...tokens], handler: spec.handler, no: true });
  }
  return out;
}

/** Matches `line` against compiled commands. */
export function matchLine<H>(line: string, commands: readonly Compiled<H>[]): MatchResult<H> {
  const tokens = tokenize(line);
  if (tokens.length === 0) return { kind: 'empty' };
  type Alive = { c: Compiled<H>; pos: number; params: Record<string, string>; skip: number; words: string[] };
  let alive: Alive[] = commands.map((c) => ({ c, pos: 0, params: {}, skip: 0, words: [] }));
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const lower = tok.text.toLowerCase();
    const keywords = new Set<string>();
    for (const a of alive) {
      const pt = a.c.tokens[a.pos];
      if (pt?.keyword?.startsWith(lower)) keywords.add(pt.keyword);
    }
    // An exact keyword wins over longer ones it is a prefix of; otherwise two candidates are ambiguous.
    const chosen = keywords.has(lower) ? lower : keywords.size === 1 ? [...keywords][0] : undefined;
    if (keywords.size > 1 && chosen === undefined && !alive.some((a) => paramAccepts(a.c.tokens[a.pos], tokens, i))) {
      return {
        kind: 'ambiguous',
        col: tok.col,
        text: tokens
          .slice(0, i + 1)
          .map((t) => t.text)
          .join(' '),
      };
    }
    const next: Alive[] = [];
    for (const a of alive) {
      const pt = a.c.tokens[a.pos];
      if (!pt) continue;
      if (pt.keyword !== undefined) {
        if (pt.keyword === chosen) next.push({ ...a, pos: a.pos + 1, skip: 0, words: [...a.words, pt.keyword] });
        continue;
      }
      const taken = takeParam(pt.param!, tokens, i, line);
      if (taken)
        next.push({
          c: a.c,
          pos: a.pos + 1,
          params: { ...a.params, [pt.name!]: taken.value },
          skip: taken.used - 1,
          words: [...a.words, taken.value],
        });
    }
    if (next.length === 0) return { kind: 'invalid', col: tok.col, token: i, text: tok.text };
    // Multi-token parameters (`ethernet 1/3`, `rest` of line) consume extra tokens: advance only the alive ones that
    // used them; the others must agree on the same count, which holds for the grammars here.
    const skip = Math.min(...next.map((a) => a.skip));
    alive = next.filter((a) => a.skip === skip);
    i += skip;
  }
  const done = alive.find((a) => a.pos === a.c.tokens.length);
  if (done)
    return {
      kind: 'ok',
      handler: done.c.handler,
      args: { no: done.c.no, params: done.params },
      expanded: done.words.join(' '),
    };
  return { kind: 'incomplete' };
}

function paramAccepts(pt: PatternToken | undefined, tokens: readonly LineToken[], i: number): boolean {
  return pt?.param !== undefined && takeParam(pt.param, tokens, i, '') !== undefined;
}

function takeParam(
  type: ParamType,
  tokens: readonly LineToken[],
  i: number,
  line: string,
): { value: string; used: number } | undefined {
  const t = tokens[i]!.text;
  switch (type) {
    case 'vlan':
      return /^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 4094 ? { value: String(Number(t)), used: 1 } : undefined;
    case 'vlans':
      return parseVlanList(t) !== undefined ? { value: t, used: 1 } : undefined;
    case 'num':
      return /^\d+$/.test(t) ? { value: t, used: 1 } : undefined;
    case 'hms':
      return /^\d{1,2}:\d{2}:\d{2}$/.test(t) ? { value: t, used: 1 } : undefined;
    case 'word':
      return { value: t, used: 1 };
    case 'rest':
      return { value: line.slice(tokens[i]!.col).trimEnd(), used: tokens.length - i };
    case 'iface': {
      if (/^[A-Za-z-]+\d[\d/.:]*$/.test(t)) return { value: t, used: 1 };
      const n = tokens[i + 1]?.text;
      if (/^[A-Za-z-]+$/.test(t) && n !== undefined && /^\d[\d/.:]*$/.test(n)) return { value: `${t}${n}`, used: 2 };
      return undefined;
    }
  }
}
