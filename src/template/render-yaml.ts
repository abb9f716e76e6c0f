import YAML from 'yaml';
import { deepFreeze } from '../inventory/combine-vars.js';
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
 * a user's override is bad input (ConfigError). The data is deeply frozen and may be shared between hosts.
 */
export function renderYaml(id: string, context: object, requiredKeys: readonly string[], cwd?: string): RenderedYaml {
  return checkedYaml(id, render(id, context, cwd === undefined ? {} : { cwd }), requiredKeys, cwd);
}

/**
 * Renders a YAML template whose data nobody reads (a GitOps manifest wrapping data that was parsed already):
 * a user's override is parsed back and checked as in {@link renderYaml}; a packaged one is not, as its output is
 * built only from `to_yaml` of checked data, and the tests parse it back for every kind of input.
 */
export function renderYamlText(id: string, context: object, requiredKeys: readonly string[], cwd?: string): string {
  const text = render(id, context, cwd === undefined ? {} : { cwd });
  if (resolveTemplate(id, cwd).isOverride) checkedYaml(id, text, requiredKeys, cwd);
  return text;
}

function checkedYaml(id: string, text: string, requiredKeys: readonly string[], cwd: string | undefined): RenderedYaml {
  const checked = checkYaml(text, requiredKeys);
  if (checked.ok) return { text, data: checked.data };
  // Parsed again whole, so the line is that of the rendered text.
  const problem = parseMapping(text, requiredKeys);
  const line = !problem.ok && problem.line ? ` (line ${problem.line} of its output)` : '';
  const message = `template ${id} rendered invalid YAML: ${problem.ok ? checked.message : problem.message}${line}`;
  const where = resolveTemplate(id, cwd);
  if (where.isOverride) {
    throw new ConfigError({
      severity: 'error',
      location: { file: where.file, line: 1, col: 1 },
      message,
      fix: 'fix your copy of the template',
    });
  }
  throw new InternalError(`${message} (${where.file})`);
}

/** The parsed mapping, or what is wrong with the text (and the line of the output where the parser saw it). */
type Checked =
  | { readonly ok: true; readonly data: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly message: string; readonly line?: number };

// Hosts rendered from one template mostly differ only in the comment lines at the top ("desired state of node7"),
// so the parse of the rest is kept: a fleet of 5,000 nodes parses its nmstate state once, not 5,000 times.
const MEMO_ENTRIES = 1_000;
const parsed = new Map<string, Checked>();

function checkYaml(text: string, requiredKeys: readonly string[]): Checked {
  // Comment and blank lines before the first content line cannot be part of any value: dropping them keeps the data.
  const body = text.replace(/^(?:[ \t]*(?:#[^\n]*)?\n)+/, '');
  const key = `${requiredKeys.join(',')}\n${body}`;
  let result = parsed.get(key);
  if (result === undefined) {
    result = parseMapping(body, requiredKeys);
    if (parsed.size >= MEMO_ENTRIES) parsed.clear();
    parsed.set(key, result);
  }
  return result;
}

function parseMapping(text: string, requiredKeys: readonly string[]): Checked {
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  const [error] = doc.errors;
  if (error)
    return { ok: false, message: error.message.split('\n')[0] ?? error.message, line: error.linePos?.[0].line };
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (failure) {
    return { ok: false, message: (failure as Error).message };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: 'the document is not a mapping' };
  }
  const missing = requiredKeys.filter((key) => !Object.hasOwn(data, key));
  if (missing.length > 0) {
    return { ok: false, message: `missing top-level key${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` };
  }
  return { ok: true, data: deepFreeze(data as Record<string, unknown>) };
}
