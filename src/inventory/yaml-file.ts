import { readFile } from 'node:fs/promises';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type ScalarTag,
} from 'yaml';
import type { Problem, SourceLocation } from '../core/errors.js';
import { VaultValue } from '../core/vault-value.js';

/** YAML path: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

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
  readonly problems: Problem[] = [];

  private constructor(
    readonly file: string,
    readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {
    for (const error of doc.errors)
      this.problems.push(this.yamlProblem('error', error.pos[0], error.message, error.code));
    for (const warning of doc.warnings)
      this.problems.push(this.yamlProblem('warning', warning.pos[0], warning.message, warning.code));
  }

  /** Parses `text` as the content of `file` (the path as the user gave it). */
  static parse(file: string, text: string): YamlFile {
    const lines = new LineCounter();
    const doc = parseDocument(text, {
      lineCounter: lines,
      version: '1.1',
      prettyErrors: false,
      uniqueKeys: true,
      customTags: ansibleTags,
    });
    return new YamlFile(file, doc, lines);
  }

  static async read(file: string): Promise<YamlFile> {
    return YamlFile.parse(file, await readFile(file, 'utf8'));
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  /** True when the document's structure can be trusted: no errors, or only duplicate keys (already reported). */
  get isReadable(): boolean {
    return this.doc.errors.every((e) => e.code === 'DUPLICATE_KEY');
  }

  /** The document as plain JavaScript values (maps become objects). */
  toJS(): unknown {
    return this.doc.toJS({ maxAliasCount: 1000 });
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
    let node = this.doc.contents as Node | null;
    for (const step of path) {
      const next = childNode(this.doc, node, step);
      if (next === undefined) return { node, exact: false };
      node = next;
    }
    return { node, exact: true };
  }

  /** Location of the value at `path`, falling back to the deepest existing node. */
  locate(path: YamlPath): SourceLocation {
    return this.nodeLocation(this.find(path).node);
  }

  private yamlProblem(severity: Problem['severity'], offset: number, message: string, code: string): Problem {
    const fix =
      code === 'DUPLICATE_KEY'
        ? 'remove or rename one of the two keys (the later one would silently win in Ansible)'
        : yamlFix(code);
    return { severity, location: this.at(offset), message: `YAML: ${message}`, ...(fix ? { fix } : {}) };
  }
}

function yamlFix(code: string): string | undefined {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BAD_INDENT':
      return 'line up keys of one map at the same indentation';
    case 'TAG_RESOLVE_FAILED':
      return 'check the tag and its value';
    default:
      return undefined;
  }
}

function childNode(doc: Document, parent: Node | null, step: string | number): Node | null | undefined {
  const node = isAlias(parent) ? (parent.resolve(doc) as Node | undefined) : parent;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (key === step || (key !== null && key !== undefined && String(key) === String(step))) {
        return (pair.value as Node | null) ?? (pair.key as Node | null);
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof step === 'number') return (node.items[step] as Node | undefined) ?? undefined;
  return undefined;
}
