import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import type { Problem, SourceLocation } from '../core/errors.js';
import { MAX_USER_FILE_BYTES } from './user-file.js';

/**
 * The limits every user YAML document is parsed under. An inventory never comes near them; a document that does is
 * a mistake or an attack (an alias "billion laughs", a thousand nested brackets), refused with a located message.
 */
export const YAML_LIMITS = {
  /** Characters in one document. */
  maxChars: MAX_USER_FILE_BYTES,
  /** Nesting of maps and lists, counting what aliases bring in. */
  maxDepth: 64,
  /** Values that aliases add to the document once expanded (each `*name` copies its anchor's whole value). */
  maxAliasValues: 100_000,
} as const;

/** Syntax errors told per document; a broken file can have thousands, and the first ones are the ones to fix. */
const MAX_SYNTAX_PROBLEMS = 50;

/** A parsed YAML document, its line table, and every problem in plain words, each with its place. */
export interface ParsedYaml {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly problems: Problem[];
  /** False when the structure cannot be trusted (a syntax error other than a duplicate key, or a limit passed). */
  readonly isReadable: boolean;
}

export type YamlParseOptions = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * Parses one user YAML document under {@link YAML_LIMITS}. A lone CR is a line break, as YAML 1.2 (and PyYAML,
 * which Ansible uses) say: it becomes LF before parsing, which keeps every offset, so positions stay exact. An
 * alias to an undefined anchor, an alias inside its own anchor, a merge key (`<<`) on something other than a map
 * and every limit passed are located problems, never exceptions.
 */
export function parseYaml(file: string, text: string, options: YamlParseOptions = {}): ParsedYaml {
  const lines = new LineCounter();
  const at = (offset: number): SourceLocation => {
    const { line, col } = lines.linePos(offset);
    return { file, line: Math.max(1, line), col: Math.max(1, col) };
  };
  if (text.length > YAML_LIMITS.maxChars) {
    const doc = parseDocument('', { lineCounter: lines });
    const problem = yamlError(
      { file, line: 1, col: 1 },
      `document too large (limit ${YAML_LIMITS.maxChars} characters, this one has ${text.length})`,
      'split it into smaller files',
    );
    return { doc, lines, problems: [problem], isReadable: false };
  }
  const doc = parseDocument(text.replace(/\r(?!\n)/g, '\n'), {
    ...options,
    lineCounter: lines,
    prettyErrors: false,
    logLevel: 'error',
  });
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) {
    // The parser ran out of stack: what follows is noise (hundreds of indentation errors), so only this is said.
    const problem = yamlError(
      at(exhausted.pos[0]),
      `nested too deeply (limit ${YAML_LIMITS.maxDepth} levels of maps and lists)`,
      'flatten the structure; no inventory needs this depth',
    );
    return { doc, lines, problems: [problem], isReadable: false };
  }
  const problems: Problem[] = [];
  for (const e of doc.errors.slice(0, MAX_SYNTAX_PROBLEMS))
    problems.push(syntaxProblem('error', at(e.pos[0]), e.message, e.code));
  for (const w of doc.warnings.slice(0, MAX_SYNTAX_PROBLEMS))
    problems.push(syntaxProblem('warning', at(w.pos[0]), w.message, w.code));
  const untold = doc.errors.length - MAX_SYNTAX_PROBLEMS;
  if (untold > 0) {
    const last = doc.errors[MAX_SYNTAX_PROBLEMS]!;
    problems.push(
      yamlError(at(last.pos[0]), `${untold} more syntax errors from here on`, 'fix the errors above first'),
    );
  }
  let isReadable = doc.errors.every((e) => e.code === 'DUPLICATE_KEY');
  if (isReadable) {
    const limit = checkStructure(doc, (node) => at(node.range?.[0] ?? 0));
    if (limit) {
      problems.push(limit);
      isReadable = false;
    }
  }
  return { doc, lines, problems, isReadable };
}

function yamlError(location: SourceLocation, message: string, fix: string): Problem {
  return { severity: 'error', location, message: `YAML: ${message}`, fix };
}

function syntaxProblem(severity: Problem['severity'], location: SourceLocation, message: string, code: string) {
  const fix = syntaxFix(code);
  // The parser's message may carry a second line (a context excerpt); the position already says where.
  const first = message.split('\n')[0] ?? message;
  return { severity, location, message: `YAML: ${first}`, ...(fix ? { fix } : {}) } satisfies Problem;
}

function syntaxFix(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'remove or rename one of the two keys (the later one would silently win in Ansible)';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BAD_INDENT':
      return 'line up keys of one map at the same indentation';
    case 'TAG_RESOLVE_FAILED':
      return 'check the tag and its value';
    default:
      return 'fix the YAML syntax at this position';
  }
}

interface Measure {
  /** Values in the node once every alias in it is expanded (the node itself included). */
  readonly values: number;
  /** Levels of maps and lists, the node's own included, once expanded. */
  readonly depth: number;
}

const NOTHING: Measure = { values: 0, depth: 0 };

/**
 * Walks the document once (anchors are measured once and reused, so the walk is linear in the text), checking
 * depth, aliases and merge keys. Returns the first problem, or undefined.
 */
function checkStructure(doc: Document.Parsed, at: (node: Node) => SourceLocation): Problem | undefined {
  const measured = new Map<Node, Measure>();
  const open = new Set<Node>();
  const isMergeKey = mergeKeyTest(doc);
  let aliasValues = 0;
  let problem: Problem | undefined;
  const fail = (node: Node, message: string, fix: string): Measure => {
    problem ??= yamlError(at(node), message, fix);
    return NOTHING;
  };
  const visit = (node: unknown, depth: number): Measure => {
    if (problem || node === null || node === undefined || typeof node !== 'object') return NOTHING;
    const current = node as Node;
    if (isAlias(current)) {
      const target = current.resolve(doc) as Node | undefined;
      if (target === undefined) {
        return fail(
          current,
          `alias *${current.source} refers to no anchor`,
          `define &${current.source} on a value before this alias uses it`,
        );
      }
      if (open.has(target)) {
        return fail(current, `alias *${current.source} is inside the value it refers to (a loop)`, 'remove the alias');
      }
      const measure = measured.get(target) ?? visit(target, depth);
      aliasValues += measure.values;
      if (aliasValues > YAML_LIMITS.maxAliasValues) {
        return fail(
          current,
          `too many aliases (limit ${YAML_LIMITS.maxAliasValues} values): the anchors expanded so far add ${aliasValues} values`,
          'write the values out, or use fewer levels of aliases',
        );
      }
      if (depth + measure.depth > YAML_LIMITS.maxDepth) {
        return fail(
          current,
          `nested too deeply through aliases (limit ${YAML_LIMITS.maxDepth} levels of maps and lists)`,
          'use fewer levels of aliases inside aliases',
        );
      }
      return measure;
    }
    const known = measured.get(current);
    if (known) return known;
    if (!isMap(current) && !isSeq(current)) return { values: 1, depth: 0 };
    if (depth >= YAML_LIMITS.maxDepth) {
      return fail(
        current,
        `nested too deeply (limit ${YAML_LIMITS.maxDepth} levels of maps and lists)`,
        'flatten the structure; no inventory needs this depth',
      );
    }
    open.add(current);
    let values = 1;
    let deepest = 0;
    const add = (child: unknown): void => {
      const m = visit(child, depth + 1);
      values += m.values;
      deepest = Math.max(deepest, m.depth);
    };
    if (isMap(current)) {
      for (const pair of current.items) {
        add(pair.key);
        add(pair.value);
        if (isMergeKey(pair.key) && !isMergeSource(doc, pair.value)) {
          fail(
            (pair.value as Node | null) ?? (pair.key as Node),
            'a merge key (<<) must be followed by a map, an alias to a map, or a list of them',
            'give `<<:` an alias such as *defaults, or rename the key',
          );
        }
      }
    } else {
      for (const item of current.items) add(item);
    }
    open.delete(current);
    const measure = { values, depth: deepest + 1 };
    measured.set(current, measure);
    return measure;
  };
  visit(doc.contents, 0);
  return problem;
}

function mergeKeyTest(doc: Document.Parsed): (key: unknown) => boolean {
  const merges = doc.schema.tags.some((tag) => tag.tag === 'tag:yaml.org,2002:merge' && tag.default);
  return (key) =>
    merges &&
    isScalar(key) &&
    (key.value === '<<' || (typeof key.value === 'symbol' && key.value.description === '<<'));
}

function isMergeSource(doc: Document.Parsed, value: unknown): boolean {
  const resolved = isAlias(value) ? (value.resolve(doc) as unknown) : value;
  if (isMap(resolved)) return true;
  if (!isSeq(resolved)) return false;
  return resolved.items.every((item) => isMap(isAlias(item) ? (item.resolve(doc) as unknown) : item));
}
