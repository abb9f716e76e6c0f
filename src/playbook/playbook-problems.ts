import type { Document, LineCounter } from 'yaml';
import type { Problem, SourceLocation } from '../core/errors.js';
import { describeIssue, formatKeyPath, type PlaceName } from '../inventory/schema-issue-text.js';
import { checkValue } from '../inventory/schema-issues.js';
import { findNode, type YamlPath } from '../inventory/yaml-path.js';
import type { CanonicalPlaybook, WrittenAt } from './canonical-playbook.js';
import { PLAYBOOK_SCHEMA } from './playbook-schema.js';

/**
 * Checks a canonical playbook against the playbook schema: every problem at once, each at the line the user wrote
 * it on (through the canonical playbook's trace and the YAML document), in the order of the file, with its fix.
 */
export function playbookProblems(playbook: CanonicalPlaybook, source: PlaybookSource): Problem[] {
  const place = playbookPlaces(playbook.value);
  // An unknown key is pointed at by its key, anything else by its value.
  const locate = (path: YamlPath, isKey: boolean) => {
    const written = playbook.writtenAt(path);
    return locateWritten(source, { path: written.path, key: written.key ?? isKey });
  };
  return checkValue(playbook.value, PLAYBOOK_SCHEMA)
    .map((issue): Problem => ({
      severity: 'error',
      location: locate(issue.path, issue.kind === 'unknown-key'),
      ...describeIssue(issue, place),
    }))
    .sort((a, b) => a.location!.line - b.location!.line || a.location!.col - b.location!.col);
}

/** The parsed playbook file a location is taken from. */
export interface PlaybookSource {
  readonly file: string;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** The file position of what was written at `written` (the deepest node on the way when it is not all there). */
export function locateWritten(source: PlaybookSource, written: WrittenAt): SourceLocation {
  const { node } = findNode(source.doc, written.path, written.key);
  const { line, col } = source.lines.linePos(node?.range?.[0] ?? source.doc.contents?.range?.[0] ?? 0);
  return { file: source.file, line: Math.max(1, line), col: Math.max(1, col) };
}

/** `play "Switch ports"`, `play 2, task 1: nmstate.timeout`, `the file arguments of play 1, task 3`. */
function playbookPlaces(playbook: unknown): PlaceName {
  const at = (value: unknown, step: string | number): unknown =>
    value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined;
  const named = (value: unknown): string | undefined => {
    const name = at(value, 'name');
    return typeof name === 'string' && name.trim() !== '' ? name : undefined;
  };
  return (path) => {
    if (path.length === 0) return 'the playbook';
    const [p, field, t, taskField, ...rest] = path;
    const play = at(playbook, p!);
    const playName = named(play);
    const playLabel = playName !== undefined ? `play ${JSON.stringify(playName)}` : `play ${Number(p) + 1}`;
    if (field === undefined) return playLabel;
    if (field !== 'tasks' || t === undefined) return `${playLabel}: ${formatKeyPath(String(field), path.slice(2))}`;
    const taskLabel = `${playLabel}, task ${Number(t) + 1}`;
    if (taskField === undefined) return taskLabel;
    const module = at(at(at(play, 'tasks'), t), 'module');
    const moduleName = typeof module === 'string' ? module : 'module';
    if (taskField === 'module') return `${taskLabel}: the module`;
    if (taskField !== 'args') return `${taskLabel}: ${formatKeyPath(String(taskField), rest)}`;
    return rest.length === 0
      ? `the ${moduleName} arguments of ${taskLabel}`
      : `${taskLabel}: ${formatKeyPath(moduleName, rest)}`;
  };
}
