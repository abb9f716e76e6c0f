import type { SourceLocation } from '../core/errors.js';
import { didYouMean } from '../core/did-you-mean.js';
import { expandHostEntry } from './host-range.js';
import { hostWordValue, splitHostLine, varsLineValue } from './ini-value.js';
import type { InventoryBuilder } from './inventory-builder.js';

type SectionKind = 'hosts' | 'vars' | 'children' | 'invalid';

const SECTION = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(#.*)?$/u;
const GROUP_NAME = /^([^:\]\s=]+)\s*(#.*)?$/;

/**
 * Reads an Ansible INI inventory into `builder`, with Ansible's rules: hosts before any section are ungrouped;
 * `[g]`, `[g:vars]` and `[g:children]` sections (a section may name a group declared further down); inline
 * `k=v` host vars; `#` and `;` comment lines; host ranges such as `web[01:03]`. CR, LF and CRLF all end a line
 * (Ansible splits with Python's splitlines). `hasInvalidUtf8` says the file had bytes that are not UTF-8 (shown as
 * U+FFFD): as in Ansible, that is an error on any line but a comment.
 */
export function readIniInventory(file: string, text: string, builder: InventoryBuilder, hasInvalidUtf8 = false): void {
  // Groups earlier sources of the same inventory declared count as declared, as in Ansible.
  const declared = new Set(['all', 'ungrouped', ...builder.groups.keys()]);
  const references: { name: string; at: SourceLocation; why: string }[] = [];
  let group = 'ungrouped';
  let kind: SectionKind = 'hosts';
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    const lineNo = index + 1;
    const at = (col: number): SourceLocation => ({ file, line: lineNo, col });
    if (hasInvalidUtf8 && line.includes('\ufffd')) {
      builder.error(
        `${file} is not UTF-8 text (an invalid byte here)`,
        at(line.indexOf('\ufffd') + 1),
        'save the file as UTF-8',
      );
      return;
    }
    const indent = line.length - line.trimStart().length + 1;
    // As Ansible: a line that starts with `[` but is no section header and does not end with `]` is a host line
    // (`[2001:db8::1]:2222`, `[a:f][0:9].example.org`).
    const match = trimmed.startsWith('[') ? SECTION.exec(trimmed) : null;
    if (match || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
      const suffix = match?.[2] ?? 'hosts';
      if (!match || !['hosts', 'vars', 'children'].includes(suffix)) {
        builder.error(
          match ? `unknown section type \`:${suffix}\`` : `invalid section header \`${trimmed}\``,
          at(indent),
          match
            ? `use [${match[1]}], [${match[1]}:vars] or [${match[1]}:children]`
            : 'write [name], [name:vars] or [name:children], with no spaces in the name',
        );
        kind = 'invalid';
        return;
      }
      group = match[1] ?? '';
      kind = suffix as SectionKind;
      if (kind === 'vars') {
        if (!declared.has(group))
          references.push({ name: group, at: at(indent), why: `section [${group}:vars] is for` });
      } else {
        declared.add(group);
        builder.group(group, at(indent + 1));
      }
      return;
    }
    if (kind === 'invalid') return;
    if (kind === 'children') {
      const match = GROUP_NAME.exec(trimmed);
      if (!match) {
        builder.error(
          `[${group}:children] expects one group name per line, got \`${trimmed}\``,
          at(indent),
          'list child groups one per line; put hosts in a [group] section',
        );
        return;
      }
      const child = match[1] ?? '';
      builder.addChild(group, child, at(indent));
      if (!declared.has(child))
        references.push({ name: child, at: at(indent), why: `section [${group}:children] lists` });
      return;
    }
    if (kind === 'vars') {
      const eq = line.indexOf('=');
      const key = eq < 0 ? '' : line.slice(0, eq).trim();
      if (key === '') {
        builder.error(
          `expected key=value in [${group}:vars], got \`${trimmed}\``,
          at(indent),
          'write one `name=value` per line',
        );
        return;
      }
      const valueText = line.slice(eq + 1);
      const valueCol = eq + 2 + (valueText.length - valueText.trimStart().length);
      builder.setGroupVar(group, key, varsLineValue(valueText), { file, line: lineNo, col: valueCol });
      return;
    }
    readHostLine(line, group, at, builder);
  });
  for (const ref of references) {
    if (declared.has(ref.name)) continue;
    const hint = didYouMean(ref.name, declared);
    builder.error(
      `${ref.why} group \`${ref.name}\`, which no section declares`,
      ref.at,
      hint ?? `add a [${ref.name}] section (it may be empty)`,
    );
  }
}

function readHostLine(
  line: string,
  group: string,
  at: (col: number) => SourceLocation,
  builder: InventoryBuilder,
): void {
  let words;
  try {
    words = splitHostLine(line);
  } catch (error) {
    builder.error(`host line: ${(error as Error).message}`, at(1), 'close the quote');
    return;
  }
  const [first, ...rest] = words;
  if (!first) return;
  let entry;
  try {
    entry = expandHostEntry(first.text);
  } catch (error) {
    builder.error((error as Error).message, at(first.col));
    return;
  }
  if (first.text.trim().endsWith(':') && entry.port === undefined) {
    builder.error(
      `host \`${first.text}\` ends in \`:\`, which only comes before a port`,
      at(first.col),
      'remove the `:`, or give the port after it (host:2222)',
    );
    return;
  }
  if (entry.names.some((name) => name.trim() === '---')) {
    builder.error('`---` is not a host: this looks like a YAML file', at(first.col), 'name the file hosts.yaml');
    return;
  }
  const vars: { key: string; value: unknown; col: number }[] = [];
  for (const word of rest) {
    const parsed = hostWordValue(word);
    if (!parsed) {
      builder.error(
        `expected key=value after host \`${first.text}\`, got \`${word.raw}\``,
        at(word.col),
        'write host variables as name=value, quoting values that contain spaces',
      );
      continue;
    }
    vars.push({ key: parsed.key, value: parsed.value, col: parsed.valueCol });
  }
  for (const name of entry.names) {
    const host = builder.addHostWithPort(group, name, entry.port, at(first.col));
    for (const v of vars) builder.setVar(host.vars, v.key, v.value, at(v.col));
  }
}
