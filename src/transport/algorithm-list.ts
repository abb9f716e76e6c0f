/**
 * OpenSSH's algorithm list syntax (`KexAlgorithms`, `HostKeyAlgorithms`, `Ciphers`, `MACs`): a plain list replaces
 * the default, `+list` appends to it, `-list` removes from it and `^list` puts the names at its head. Names may be
 * patterns with `*` and `?`; a `-list` may also hold negated patterns (`!name`).
 */

/** How a list value changes the default. */
export type ListForm = 'replace' | 'append' | 'remove' | 'prepend';

/** One list value, split: its form and its comma-separated items (empty items kept, for the checker). */
export interface AlgorithmSpec {
  readonly form: ListForm;
  readonly items: readonly string[];
}

const FORMS: Readonly<Record<string, ListForm>> = { '+': 'append', '-': 'remove', '^': 'prepend' };

/** Splits `+a,b` into `{ form: 'append', items: ['a', 'b'] }`. */
export function parseAlgorithmSpec(value: string): AlgorithmSpec {
  const form = FORMS[value.charAt(0)];
  const list = form ? value.slice(1) : value;
  return { form: form ?? 'replace', items: list.split(',') };
}

/** True when the item is a pattern rather than a name. */
export function isPattern(item: string): boolean {
  return /[*?]/.test(item) || item.startsWith('!');
}

/** OpenSSH's `match_pattern`: `*` matches any run of characters, `?` any one; the whole name must match. */
export function matchPattern(name: string, pattern: string): boolean {
  const regexp = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regexp}$`, 's').test(name);
}

/** OpenSSH's `match_pattern_list`: some positive pattern matches and no negated (`!`) pattern does. */
export function matchesPatternList(name: string, patterns: readonly string[]): boolean {
  let matched = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (matchPattern(name, pattern.slice(1))) return false;
    } else if (matchPattern(name, pattern)) matched = true;
  }
  return matched;
}

/**
 * The list OpenSSH's `kex_assemble_names` makes of `spec`: a `-list` filters the default; the other forms join
 * their names with the default (duplicates dropped, first place kept), then every name or pattern is expanded to the
 * `usable` names it matches. Names that are not usable drop out; the checker reports them.
 */
export function assembleAlgorithmList(
  spec: AlgorithmSpec,
  defaults: readonly string[],
  usable: readonly string[],
): string[] {
  if (spec.form === 'remove') return defaults.filter((name) => !matchesPatternList(name, spec.items));
  const joined =
    spec.form === 'append'
      ? [...defaults, ...spec.items]
      : spec.form === 'prepend'
        ? [...spec.items, ...defaults]
        : spec.items;
  const out: string[] = [];
  for (const item of new Set(joined)) {
    for (const name of usable) if (matchPattern(name, item) && !out.includes(name)) out.push(name);
  }
  return out;
}
