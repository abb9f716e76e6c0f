import { ConfigError, type Problem } from '../core/errors.js';
import { suggest } from '../core/did-you-mean.js';
import type { Host, Inventory } from '../core/inventory.js';

const SUBSCRIPT = /^(.+)\[(?:(-?\d+)|(\d+)?\s*[:-]\s*(\d+)?)\]$/;

/**
 * Selects hosts with an Ansible host pattern: a host or group name, `all` or `*`, unions `a:b` / `a,b`,
 * exclusions `!g`, intersections `&g`, globs (`node*`, `switch?`), regexes (`~sw(1|2)`), and subscripts
 * (`nodes[0]`, `nodes[0:1]`). Returns hosts in inventory order. A term that names no host or group is a
 * ConfigError with a did-you-mean.
 */
export function selectHosts(inv: Inventory, pattern: string): Host[] {
  const terms = splitPattern(inv, pattern);
  const ordered = [
    ...terms.filter((t) => !t.startsWith('&') && !t.startsWith('!')),
    ...terms.filter((t) => t.startsWith('&')),
    ...terms.filter((t) => t.startsWith('!')),
  ];
  if (ordered.length === 0 || ordered[0]?.startsWith('&') || ordered[0]?.startsWith('!')) ordered.unshift('all');
  const problems: Problem[] = [];
  let selected = new Set<string>();
  for (const term of ordered) {
    const operator = term[0] === '&' || term[0] === '!' ? term[0] : '';
    const matched = matchTerm(inv, term.slice(operator.length), problems);
    if (operator === '&') selected = new Set([...selected].filter((name) => matched.has(name)));
    else if (operator === '!') selected = new Set([...selected].filter((name) => !matched.has(name)));
    else for (const name of matched) selected.add(name);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return [...inv.hosts.values()].filter((host) => selected.has(host.name));
}

/**
 * Splits on `,` when present, else on `:` outside brackets; a pattern that is itself a host name (an IPv6 address, say)
 * stays whole.
 */
function splitPattern(inv: Inventory, pattern: string): string[] {
  const whole = pattern.trim();
  if (inv.hosts.has(whole)) return [whole];
  if (whole.includes(','))
    return whole
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
  const terms: string[] = [];
  let current = '';
  let depth = 0;
  for (const c of whole) {
    if (c === '[') depth++;
    if (c === ']') depth = Math.max(0, depth - 1);
    if (c === ':' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else current += c;
  }
  terms.push(current.trim());
  return terms.filter((t) => t !== '');
}

function matchTerm(inv: Inventory, term: string, problems: Problem[]): Set<string> {
  const subscript = term.startsWith('~') ? null : SUBSCRIPT.exec(term);
  const base = subscript?.[1] ?? term;
  const { names, matchedGroup } = enumerate(inv, base, problems);
  if (names.length === 0 && !matchedGroup) {
    const candidates = [...inv.hosts.keys(), ...inv.groups.keys()];
    const hint = suggest(base.replace(/^~/, ''), candidates);
    problems.push({
      severity: 'error',
      message: `pattern ${base} matches no host`,
      fix: hint ? `did you mean \`${hint}\`?` : `groups are: ${[...inv.groups.keys()].join(', ')}`,
    });
  }
  if (!subscript) return new Set(names);
  const [, , index, start, end] = subscript;
  if (index !== undefined) {
    const i = Number(index);
    const picked = i < 0 ? names[names.length + i] : names[i];
    return new Set(picked === undefined ? [] : [picked]);
  }
  // Ansible's slice includes its end.
  return new Set(names.slice(start === undefined ? 0 : Number(start), end === undefined ? undefined : Number(end) + 1));
}

function enumerate(inv: Inventory, base: string, problems: Problem[]): { names: string[]; matchedGroup: boolean } {
  const hosts = [...inv.hosts.values()];
  if (base === 'all' || base === '*') return { names: hosts.map((h) => h.name), matchedGroup: true };
  const isRegex = base.startsWith('~');
  const isGlob = !isRegex && /[*?[]/.test(base);
  let test: (name: string) => boolean = (name) => name === base;
  if (isRegex) {
    try {
      const re = new RegExp(`^(?:${base.slice(1)})`);
      test = (name) => re.test(name);
    } catch (error) {
      problems.push({
        severity: 'error',
        message: `pattern ${base} is not a valid regular expression: ${(error as Error).message}`,
        fix: 'fix the expression after ~',
      });
      return { names: [], matchedGroup: true };
    }
  } else if (isGlob) {
    const re = globToRegExp(base);
    test = (name) => re.test(name);
  }
  const groups = [...inv.groups.keys()].filter(test);
  const selected = new Set(hosts.filter((h) => h.groups.some((g) => groups.includes(g))).map((h) => h.name));
  if (groups.length === 0 || isRegex || isGlob) for (const host of hosts) if (test(host.name)) selected.add(host.name);
  return { names: hosts.map((h) => h.name).filter((name) => selected.has(name)), matchedGroup: groups.length > 0 };
}

/** fnmatch: `*` any run, `?` one character, `[abc]` / `[!abc]` a set; the whole name must match. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[' && glob.indexOf(']', i + 2) > i) {
      const close = glob.indexOf(']', i + 2);
      let set = glob.slice(i + 1, close);
      if (set.startsWith('!')) set = `^${set.slice(1)}`;
      source += `[${set.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^(?:${source})$`);
}
