/**
 * Test helper: a CLI config text as blocks, normalised for comparison: a block is a non-indented line and the
 * indented lines under it, each trimmed; `!` comment lines and blank lines are dropped.
 */
export function cliBlocks(text: string): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of text.replace(/\r\n/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '' || line.trim().startsWith('!')) continue;
    if (/^\S/.test(line)) {
      current = [];
      blocks.set(line, current);
    } else if (current) {
      current.push(line.trim());
    }
  }
  return blocks;
}

/**
 * Test helper: ifupdown2 stanzas as `{iface: {keyword: value}}` (indentation and `auto` lines ignored).
 */
export function ifupdownStanzas(text: string): Record<string, Record<string, string>> {
  const stanzas: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('auto ')) continue;
    const iface = /^iface (\S+)/.exec(line);
    if (iface) {
      current = {};
      stanzas[iface[1]!] = current;
    } else if (current) {
      const [key, ...rest] = line.split(/\s+/);
      current[key!] = rest.join(' ');
    }
  }
  return stanzas;
}
