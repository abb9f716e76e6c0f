import type { Document, LineCounter, Node, ScalarTag } from 'yaml';
import type { Problem, SourceLocation } from '../core/errors.js';
import type { VaultKeyring } from '../transport/vault-keyring.js';
import { readInventoryText } from './inventory-text.js';
import { VaultValue } from '../core/vault-value.js';
import { pyyamlTags } from './pyyaml-scalars.js';
import { parseYaml } from './yaml-document.js';
import { findNode, type YamlPath } from './yaml-path.js';

export type { YamlPath } from './yaml-path.js';

// Ansible's tags: `!vault` keeps the encrypted text, `!unsafe` marks a string Jinja must not template.
const ansibleTags: ScalarTag[] = [
  { tag: '!vault', resolve: (text: string) => new VaultValue(text.trim()) },
  { tag: '!unsafe', resolve: (text: string) => text },
];

/**
 * One parsed YAML (or JSON) file with its positions kept, so any value in it can be pointed at later.
 * Ansible reads YAML 1.1 (PyYAML), so `yes`/`no`/`on`/`off` are booleans here too.
 */
export class YamlFile {
  private constructor(
    readonly file: string,
    readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    /** Syntax errors and warnings, and any limit passed (see parseYaml), each located. */
    readonly problems: Problem[],
    /** True when the document's structure can be trusted: no errors, or only duplicate keys (already reported). */
    readonly isReadable: boolean,
    /** The length of the text parsed (characters). */
    readonly size: number,
  ) {}

  /**
   * Parses `text` as the content of `file` (the path as the user gave it), under parseYaml's limits. Like Ansible's
   * loader, text that is valid JSON is read as JSON (so `1e3` there is a number), anything else as YAML 1.1 the way
   * PyYAML reads it.
   */
  static parse(file: string, text: string): YamlFile {
    const options = isJson(text)
      ? ({ version: '1.2', schema: 'json', uniqueKeys: true } as const)
      : { version: '1.1' as const, uniqueKeys: true, customTags: pyyamlTags(ansibleTags) };
    const { doc, lines, problems, isReadable } = parseYaml(file, text, options);
    return new YamlFile(file, doc, lines, problems, isReadable, text.length);
  }

  /**
   * Reads `file` with the guarded reader (a ConfigError unless it is a regular file of sane size), decrypting a file
   * vaulted whole with `keyring`, and parses it.
   */
  static read(file: string, keyring: VaultKeyring): YamlFile {
    const { text, invalidAt } = readInventoryText(file, 'file', keyring);
    return YamlFile.fromText(file, text, invalidAt);
  }

  /** Parses text read from `file`; `invalidAt` is where its bytes stopped being UTF-8 (an error there). */
  static fromText(file: string, text: string, invalidAt?: number): YamlFile {
    const source = YamlFile.parse(file, text);
    if (invalidAt !== undefined) {
      source.problems.unshift({
        severity: 'error',
        location: source.at(invalidAt),
        message: `${file} is not UTF-8 text (an invalid byte here)`,
        fix: 'save the file as UTF-8',
      });
      return new YamlFile(file, source.doc, source.lines, source.problems, false, source.size);
    }
    return source;
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  /**
   * A node as plain JavaScript values (maps become objects with own keys only, `__proto__` included). Aliases were
   * bounded by parseYaml, so expanding them here is safe; a value the YAML library still refuses is a problem pushed
   * to `problems`, and null.
   */
  toValue(node: Node | null | undefined, problems: Problem[]): unknown {
    if (node === null || node === undefined) return null;
    try {
      return (node.toJS(this.doc, { maxAliasCount: -1 }) as unknown) ?? null;
    } catch (error) {
      problems.push({
        severity: 'error',
        location: this.nodeLocation(node),
        message: `YAML: this value cannot be read: ${(error as Error).message}`,
        fix: 'check the value, its tag and the aliases in it',
      });
      return null;
    }
  }

  /** Position of a character offset in this file. */
  at(offset: number): SourceLocation {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line: Math.max(1, line), col: Math.max(1, col) };
  }

  /** Position of a node (its first character); the document start when absent. */
  nodeLocation(node: Node | null | undefined): SourceLocation {
    return this.at(node?.range?.[0] ?? this.doc.contents?.range[0] ?? 0);
  }

  /** The node at `path`, or the deepest node that exists on the way there (`exact` says which). */
  find(path: YamlPath): { node: Node | null; exact: boolean } {
    return findNode(this.doc, path);
  }

  /** Location of the value at `path`, falling back to the deepest existing node. */
  locate(path: YamlPath): SourceLocation {
    return this.nodeLocation(this.find(path).node);
  }
}

function isJson(text: string): boolean {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[' && first !== '"') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
