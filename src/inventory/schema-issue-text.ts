import { suggest } from '../core/did-you-mean.js';
import type { SchemaIssue } from './schema-issues.js';

/** Names the place at a path inside the value checked, in the user's words (`node.vlans[1].id`, `play 1`). */
export type PlaceName = (path: readonly (string | number)[]) => string;

/** `node.vlans[1].id`: a variable's key with the path inside its value. */
export function formatKeyPath(key: string, path: readonly (string | number)[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${part}`), key);
}

/**
 * The message and fix of one schema issue (inventory variables and playbooks alike): the place, what is wrong, and
 * what would fit: a did-you-mean for an unknown key or value, the type expected (with the schema's description of
 * the value), the key to add.
 */
export function describeIssue(issue: SchemaIssue, place: PlaceName): { message: string; fix: string } {
  const where = place(issue.path);
  const about = issue.description ? ` (${issue.description})` : '';
  switch (issue.kind) {
    case 'unknown-key': {
      const parent = place(issue.path.slice(0, -1));
      const hint = suggest(issue.word!, issue.candidates!);
      const known = `known keys of ${parent}: ${issue.candidates!.join(', ') || '(none)'}`;
      return {
        message: `unknown key ${issue.word} in ${parent}`,
        fix: hint ? `did you mean ${hint}? (${known})` : known,
      };
    }
    case 'wrong-type':
      return {
        message: `${where} must be ${issue.expected}, found ${issue.found}`,
        fix: `write ${issue.expected} there${about}`,
      };
    case 'missing': {
      const choice = issue.candidates ? ` (one of: ${issue.candidates.join(', ')})` : about;
      return {
        message: `${where} is missing the required key ${issue.word}`,
        fix: `add ${issue.word}: under ${where}${choice}`,
      };
    }
    case 'bad-enum': {
      const hint = suggest(issue.word!, issue.candidates!);
      return {
        message: `${where} is ${JSON.stringify(issue.word)}; allowed values: ${issue.candidates!.join(', ')}`,
        fix: hint ? `did you mean ${hint}?` : `use one of: ${issue.candidates!.join(', ')}`,
      };
    }
  }
}
