/**
 * Output modifiers after `|` on a show command, as the devices implement them: `include`/`exclude` (regex per line),
 * `begin` (from the first matching line), `section` (every top-level block with a line matching, whole), and the
 * platform's extras: `json` / `json-pretty` (NX-OS, EOS), `no-more` (NX-OS). Keywords may be abbreviated.
 */

/** A parsed modifier, or the reason it is not one. */
export type OutputFilter =
  | { readonly apply: (text: string) => string }
  | { readonly json: 'json' | 'json-pretty' }
  | { readonly error: 'invalid' | 'incomplete'; readonly word: string };

const TEXT_KINDS = ['include', 'exclude', 'begin', 'section'] as const;

/** Parses the text after `|` (e.g. `section interface Ethernet1/3`); `extras` are the platform's other modifiers. */
export function parseOutputFilter(spec: string, extras: readonly string[]): OutputFilter {
  const m = /^\s*(\S+)\s*(.*)$/.exec(spec);
  const word = m?.[1]?.toLowerCase() ?? '';
  const known = [...TEXT_KINDS, ...extras];
  const exact = known.find((k) => k === word);
  const kinds = exact ? [exact] : known.filter((k) => k.startsWith(word));
  if (word === '' || kinds.length !== 1) return { error: word === '' ? 'incomplete' : 'invalid', word };
  const kind = kinds[0]!;
  // A quoted pattern (`| incl 'system default switchport'`) is matched without its quotes.
  const pattern = (m?.[2]?.trim() ?? '').replace(/^(['"])(.*)\1$/, '$2');
  if (kind === 'json' || kind === 'json-pretty') return pattern === '' ? { json: kind } : { error: 'invalid', word };
  if (kind === 'no-more') return { apply: (t) => t };
  if (pattern === '') return { error: 'incomplete', word };
  let re: RegExp;
  try {
    re = new RegExp(pattern);
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
  return { apply: (t) => filterText(t, kind as (typeof TEXT_KINDS)[number], re) };
}

function filterText(text: string, kind: (typeof TEXT_KINDS)[number], re: RegExp): string {
  const lines = text.split('\n');
  switch (kind) {
    case 'include':
      return lines.filter((l) => re.test(l)).join('\n');
    case 'exclude':
      return lines.filter((l) => !re.test(l)).join('\n');
    case 'begin': {
      const at = lines.findIndex((l) => re.test(l));
      return at < 0 ? '' : lines.slice(at).join('\n');
    }
    default:
      return sections(lines)
        .filter((block) => block.some((l) => re.test(l)))
        .map((block) => block.join('\n'))
        .join('\n');
  }
}

/** Top-level blocks: a line starting in column 0 and the indented lines under it. */
function sections(lines: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const line of lines) {
    if (line.trim() === '' || line.startsWith('!')) continue;
    if (/^\S/.test(line) || out.length === 0) out.push([line]);
    else out[out.length - 1]!.push(line);
  }
  return out;
}
