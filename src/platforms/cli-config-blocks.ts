/**
 * Splits Cisco-style configuration text (NX-OS, EOS, IOS running-config, or a list of config commands) into
 * top-level blocks: a header line and its child lines. Shared by the NX-OS, EOS and IOS parsers and apply models.
 *
 * Tolerates what real outputs contain: CRLF line ends, an echoed prompt line (`switch# show running-config`),
 * `Building configuration...` banners, `!#` default lines of `show running-config all` (kept as config: they are in
 * effect), `interface` lines indented by one space (some IOS dumps), children that are not indented at all, and
 * EOS `comment` ... `EOF` blocks (their text is free-form and never parsed).
 */

/** A child line: its text (trimmed, `!#` removed) and its depth relative to the block's first child. */
export interface ConfigChild {
  readonly text: string;
  /** 0 for a direct child; > 0 for lines nested under a child (`member vni` sub-blocks, say). */
  readonly depth: number;
  /** 1-based line number in the input. */
  readonly line: number;
}

/** One top-level block. A top-level line with no children is a block with `children: []`. */
export interface ConfigBlock {
  readonly header: string;
  readonly line: number;
  readonly children: ConfigChild[];
}

/** Headers that open a block whose unindented follow-up lines may still be its children. */
const CHILD_TAKING_HEADER = /^(interface|vlan)\s/i;

/**
 * Lines that belong to an interface or vlan block even when a device prints its children without indentation.
 * Only blocks whose children are all unindented ("flat") take them, and only lines starting with these words: the
 * ones the parsers read (switchport, description, shutdown, name, state) and common interface lines that must not
 * end a flat block (so an `add` continuation after `spanning-tree port type edge trunk` still lands on its port).
 * Anything else (router, vrf context, line, feature...) ends the block, so a `shutdown` under a later section is
 * never mis-assigned to an interface.
 */
const UNINDENTED_CHILD = new RegExp(
  '^(no\\s+|default\\s+)?(' +
    [
      'switchport',
      'description',
      'shutdown',
      'name',
      'state',
      'mtu',
      'speed',
      'duplex',
      'channel-group',
      'vpc\\s+(\\d|peer-link)',
      'encapsulation',
      'spanning-tree',
      'ip',
      'ipv6',
      'vrf\\s+member',
      'lacp',
      'storm-control',
      'priority-flow-control',
      'logging\\s+event',
      'load-interval',
      'cdp',
      'lldp',
      'udld',
      'service-policy',
      'bandwidth',
      'delay',
      'negotiation',
      'fec',
      'flowcontrol',
      'mac',
      'link',
      'medium',
      'power',
    ].join('|') +
    ')\\b',
  'i',
);

/** A prompt echoed before (or after) the output: `switch#`, `leaf1(config)#`, `sw1>`. */
const PROMPT_LINE = /^[A-Za-z0-9][\w.-]*(\([\w-]+\))?[#>]/;

interface RawLine {
  indent: number;
  text: string;
  line: number;
}

/** Splits `text` into blocks. Comment lines (`!`, `#` not followed by config) and blank lines are dropped. */
export function splitConfigBlocks(text: string): ConfigBlock[] {
  const blocks: ConfigBlock[] = [];
  let current: ConfigBlock | undefined;
  let childBase: number | undefined;
  let isFlat = false;
  let inComment = false;
  let bannerEnd: string | undefined;
  for (const raw of readLines(text)) {
    if (current && inComment) {
      if (/^EOF$/i.test(raw.text)) inComment = false;
      continue;
    }
    // A banner's text is free-form (`% Authorised access only`, even `interface ...`): never read as config.
    if (bannerEnd !== undefined) {
      if (bannerEnd === 'EOF' ? /^EOF$/.test(raw.text) : raw.text.includes(bannerEnd)) bannerEnd = undefined;
      continue;
    }
    if (raw.indent === 0 && (bannerEnd = bannerDelimiter(raw.text)) !== undefined) {
      current = undefined;
      continue;
    }
    const isHeader = raw.indent === 0 || (raw.indent === 1 && /^interface\s/i.test(raw.text));
    const unindentedChild =
      raw.indent === 0 &&
      current !== undefined &&
      isFlat &&
      CHILD_TAKING_HEADER.test(current.header) &&
      UNINDENTED_CHILD.test(raw.text);
    if (isHeader && !unindentedChild) {
      if (raw.text === '!' || raw.text.startsWith('!')) {
        // A top-level `!` closes the block (matters only when children are not indented).
        current = undefined;
        continue;
      }
      current = { header: raw.text, line: raw.line, children: [] };
      childBase = undefined;
      isFlat = true;
      blocks.push(current);
      continue;
    }
    if (!current || raw.text.startsWith('!')) continue;
    if (unindentedChild) {
      current.children.push({ text: raw.text, depth: 0, line: raw.line });
      continue;
    }
    isFlat = false;
    childBase ??= raw.indent;
    if (/^comment$/i.test(raw.text)) {
      inComment = true;
      continue;
    }
    current.children.push({ text: raw.text, depth: raw.indent > childBase ? 1 : 0, line: raw.line });
  }
  return blocks;
}

/**
 * Where the text of a banner that starts on `line` ends: IOS and NX-OS `banner motd ^C ... ^C` (running-config shows
 * the delimiter Ctrl-C as `^C`; any other character works too: `banner motd #...#`), EOS `banner login` up to a line
 * `EOF`. Undefined when the line opens no banner, or when its banner ends on the same line.
 */
function bannerDelimiter(line: string): string | undefined {
  const m = /^banner\s+[\w-]+(?:\s+(.*))?$/i.exec(line);
  if (!m) return undefined;
  const rest = m[1]?.trim() ?? '';
  if (rest === '') return 'EOF';
  const delim = rest.startsWith('^C') ? '^C' : rest[0]!;
  return rest.slice(delim.length).includes(delim) ? undefined : delim;
}

function* readLines(text: string): Generator<RawLine> {
  const lines = text.split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    let source = lines[i]!.replace(/\s+$/, '');
    // `!#` marks a default that is in effect (`show running-config all`); keep it as config at its indentation.
    source = source.replace(/^(\s*)!#\s?/, '$1');
    const text = source.trim();
    if (text === '') continue;
    const expanded = source.replace(/\t/g, '    ');
    const indent = expanded.length - expanded.trimStart().length;
    if (indent === 0 && PROMPT_LINE.test(text)) continue;
    if (indent === 0 && /^(Building configuration|Current configuration\s*:)/i.test(text)) continue;
    yield { indent, text, line: i + 1 };
  }
}
