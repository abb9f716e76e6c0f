import YAML from 'yaml';
import { ConfigError, InternalError } from '../core/errors.js';
import { render, resolveTemplate } from './template-env.js';

/** A rendered YAML document: its text and the data it parses back to. */
export interface RenderedYaml {
  readonly text: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Renders a YAML template and parses the result back, checking it is a mapping with `requiredKeys`, so a template
 * that emits broken YAML fails here and not on a node. A packaged template that does so is a bug (InternalError);
 * a user's override is bad input (ConfigError).
 */
export function renderYaml(id: string, context: object, requiredKeys: readonly string[], cwd?: string): RenderedYaml {
  const text = render(id, context, cwd === undefined ? {} : { cwd });
  const problem = checkYaml(text, requiredKeys);
  if (typeof problem !== 'string') return { text, data: problem };
  const where = resolveTemplate(id, cwd);
  const message = `template ${id} rendered invalid YAML: ${problem}`;
  if (where.isOverride) {
    throw new ConfigError({
      severity: 'error',
      message: `${where.file}: ${message}`,
      fix: 'fix your copy of the template',
    });
  }
  throw new InternalError(`${message} (${where.file})`);
}

/** The parsed mapping, or a sentence saying what is wrong with the text. */
function checkYaml(text: string, requiredKeys: readonly string[]): Record<string, unknown> | string {
  let data: unknown;
  try {
    data = YAML.parse(text, { uniqueKeys: true });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'the document is not a mapping';
  const missing = requiredKeys.filter((key) => !(key in data));
  if (missing.length > 0) return `missing top-level key${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
  return data as Record<string, unknown>;
}
