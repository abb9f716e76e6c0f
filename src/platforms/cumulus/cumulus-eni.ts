/**
 * A minimal model of an ifupdown2 `/etc/network/interfaces` file: iface stanzas with their option lines, and the
 * lines between stanzas (comments, `source`, `auto` lines for interfaces that have no stanza). Enough to read a
 * Cumulus switch's bridge and ports and to write the file back in a regular layout.
 */

/** One option line inside a stanza (`bridge-vids 2003-2005`), or a comment kept in place (`key` = `#`). */
export interface EniOption {
  key: string;
  value: string;
}

/** `auto NAME` + `iface NAME [inet METHOD]` + options. */
export interface EniStanza {
  readonly kind: 'iface';
  readonly name: string;
  auto: boolean;
  /** What follows the name on the iface line (`inet loopback`), if anything. */
  readonly method?: string;
  options: EniOption[];
}

/** A line outside any stanza, kept verbatim. */
export interface EniOther {
  readonly kind: 'other';
  readonly text: string;
}

export interface EniDocument {
  items: (EniStanza | EniOther)[];
}

const TOP_LEVEL = /^(auto|iface|source|source-directory|mapping|allow-[\w-]+)\b/;

/** Parses an interfaces file. Options may be indented by any amount (or not at all, as ifupdown allows). */
export function parseEni(text: string): EniDocument {
  const lines = text.split(/\r?\n/);
  const autos = new Set<string>();
  for (const line of lines) {
    const m = /^\s*auto\s+(.+)$/.exec(line);
    if (m)
      m[1]!
        .trim()
        .split(/\s+/)
        .forEach((n) => autos.add(n));
  }
  const ifaceNames = new Set(lines.map((l) => /^\s*iface\s+(\S+)/.exec(l)?.[1]).filter((n): n is string => !!n));
  const items: (EniStanza | EniOther)[] = [];
  let current: EniStanza | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const indented = /^\s/.test(raw);
    const iface = /^iface\s+(\S+)(?:\s+(.*))?$/.exec(line);
    if (iface) {
      current = { kind: 'iface', name: iface[1]!, auto: autos.has(iface[1]!), options: [] };
      if (iface[2]) Object.assign(current, { method: iface[2] }); // the line is trimmed: no spaces around it
      items.push(current);
      continue;
    }
    if (/^auto\s/.test(line)) {
      const orphans = line
        .split(/\s+/)
        .slice(1)
        .filter((n) => !ifaceNames.has(n));
      if (orphans.length) items.push({ kind: 'other', text: `auto ${orphans.join(' ')}` });
      current = undefined;
      continue;
    }
    if (TOP_LEVEL.test(line) || (line.startsWith('#') && !indented)) {
      current = undefined;
      items.push({ kind: 'other', text: line });
      continue;
    }
    if (!current) {
      items.push({ kind: 'other', text: line });
      continue;
    }
    if (line.startsWith('#')) current.options.push({ key: '#', value: line.slice(1).trim() });
    else {
      const [key, ...rest] = line.split(/\s+/);
      current.options.push({ key: key!, value: rest.join(' ') });
    }
  }
  return { items };
}

/** Prints the document in a regular layout: 4-space options, a blank line after each stanza. */
export function formatEni(doc: EniDocument): string {
  const out: string[] = [];
  for (const item of doc.items) {
    if (item.kind === 'other') {
      out.push(item.text);
      continue;
    }
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    if (item.auto) out.push(`auto ${item.name}`);
    out.push(item.method ? `iface ${item.name} ${item.method}` : `iface ${item.name}`);
    for (const o of item.options) out.push(`    ${o.key} ${o.value}`.trimEnd()); // a comment's key is `#`
    out.push('');
  }
  return out.join('\n').replace(/\n*$/, '\n');
}

/** The values of every `key` line across the stanzas named `name` (ifupdown2 merges repeated stanzas). */
export function eniValues(doc: EniDocument, name: string, key: string): string[] {
  return stanzasNamed(doc, name).flatMap((s) => s.options.filter((o) => o.key === key).map((o) => o.value));
}

export function stanzasNamed(doc: EniDocument, name: string): EniStanza[] {
  return doc.items.filter((i): i is EniStanza => i.kind === 'iface' && i.name === name);
}
