import nunjucks from 'nunjucks';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, type Problem } from '../core/errors.js';
import { registerFilters } from './filters.js';
import { GuardedFileSystemLoader } from './guarded-loader.js';
import { strictContext, strictRootFrame } from './strict-context.js';

/** The templates shipped with acp-play (`<package root>/templates`, the same from src/ and from dist/). */
export const packagedTemplatesDir = fileURLToPath(new URL('../../templates', import.meta.url));

/** Where templates are looked up, first match wins: the user's `<cwd>/templates`, then the packaged ones. */
export function templateSearchPaths(cwd: string = process.cwd()): string[] {
  return [path.resolve(cwd, 'templates'), packagedTemplatesDir];
}

/** Where a template id resolves to, and whether a user's file overrides the packaged one. */
export interface TemplateFile {
  readonly id: string;
  readonly file: string;
  readonly isOverride: boolean;
}

// Where each template id resolved, per working directory: looked up once per process, like nunjucks' own cache of
// compiled templates (not once per host).
const resolved = new Map<string, TemplateFile>();

/** Finds the file a template id loads from; a ConfigError if no search path has it. */
export function resolveTemplate(id: string, cwd: string = process.cwd()): TemplateFile {
  const [user, packaged] = templateSearchPaths(cwd) as [string, string];
  const key = `${user}\0${id}`;
  const known = resolved.get(key);
  if (known) return known;
  for (const dir of [user, packaged]) {
    const file = path.resolve(dir, id);
    if (file.startsWith(dir + path.sep) && existsSync(file)) {
      // Run from the project's own folder, the user's templates/ is the packaged one: not an override.
      const found = { id, file, isOverride: dir === user && user !== packaged };
      resolved.set(key, found);
      return found;
    }
  }
  throw new ConfigError({
    severity: 'error',
    message: `template "${id}" not found in ${user} or ${packaged}`,
    fix: 'check the template name, or restore the packaged templates/ folder',
  });
}

const environments = new Map<string, nunjucks.Environment>();

/**
 * The nunjucks Environment (one per working directory, as the user's templates folder depends on it): no HTML
 * escaping (configs and YAML, not HTML), undefined output is an error, block tags do not leave blank lines.
 */
export function templateEnv(cwd: string = process.cwd()): nunjucks.Environment {
  const key = path.resolve(cwd);
  let env = environments.get(key);
  if (!env) {
    const loader = new GuardedFileSystemLoader(templateSearchPaths(key), { noCache: false });
    env = new nunjucks.Environment(loader, {
      autoescape: false,
      throwOnUndefined: true,
      trimBlocks: true,
      lstripBlocks: true,
    });
    registerFilters(env);
    environments.set(key, env);
  }
  return env;
}

/** Options for `render`. */
export interface RenderOptions {
  /** Directory whose `templates/` folder overrides the packaged templates; default process.cwd(). */
  readonly cwd?: string;
}

type StrictRender = (context: object, frame: unknown) => string;

/**
 * Renders template `id` (a path under templates/, e.g. `switch/cisco_nxos/running-config.njk`) with `context`.
 * Every name the template reads must be in the context (see strict-context.ts); any template error becomes a
 * ConfigError pointing at the template file and, when nunjucks knows it, the line.
 */
export function render(id: string, context: object, options: RenderOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const where = resolveTemplate(id, cwd);
  const env = templateEnv(cwd);
  try {
    const template = env.getTemplate(id);
    const strict = strictContext(context);
    const globals = (env as unknown as { globals: object }).globals;
    return (template.render as unknown as StrictRender).call(template, strict, strictRootFrame(strict, globals));
  } catch (error) {
    // A template file that cannot be read is already a located ConfigError (see GuardedFileSystemLoader).
    if (error instanceof ConfigError) throw error;
    throw templateError(where, error);
  }
}

/**
 * nunjucks reports no line for a failed lookup, so for the strict context's `"name" is not in ...` errors the
 * first template line using that name is taken as the place.
 */
function findName(file: string, detail: string): { line: number; col: number } | undefined {
  const name = /^"([\w$]+)" is not in/.exec(detail)?.[1];
  if (name === undefined || !existsSync(file)) return undefined;
  const pattern = new RegExp(`(?<![\\w$])${name}(?![\\w$])`);
  const lines = readFileSync(file, 'utf8').split('\n');
  for (const [index, text] of lines.entries()) {
    const match = /\{[{%]/.test(text) ? pattern.exec(text) : null;
    if (match) return { line: index + 1, col: match.index + 1 };
  }
  return undefined;
}

function templateError(where: TemplateFile, error: unknown): ConfigError {
  const text = error instanceof Error ? error.message : String(error);
  // nunjucks: "(/path/file.njk) [Line 3, Column 5]\n  Error: message"; the innermost template's path comes first.
  const head = /^\(([^)]*)\)(?: \[Line (\d+), Column (\d+)\])?\s*/.exec(text);
  const file = head?.[1] && existsSync(head[1]) ? head[1] : where.file;
  const detail = (head ? text.slice(head[0].length) : text).replace(/^(Template render )?Error: /, '').trim();
  const problem: Problem = {
    severity: 'error',
    message: `template ${where.id}: ${detail}`,
    fix: where.isOverride
      ? `fix your copy, or delete it to use the packaged template (${packagedTemplatesDir})`
      : 'this is a packaged template: please report it',
  };
  const line = head?.[2] ? { line: Number(head[2]), col: Number(head[3] ?? 1) } : findName(file, detail);
  const located: Problem = line
    ? { ...problem, location: { file, ...line } }
    : { ...problem, message: `${file}: ${problem.message}` };
  return new ConfigError(located, { cause: error });
}

/**
 * Renders an inline template string (a module argument such as `dest: /etc/{{ inventory_hostname }}.conf`) with
 * the same environment and strictness as template files. Text without `{{`/`{%` is returned as it is.
 */
export function renderString(text: string, context: object, label: string, options: RenderOptions = {}): string {
  if (!text.includes('{{') && !text.includes('{%')) return text;
  const env = templateEnv(options.cwd ?? process.cwd());
  try {
    const strict = strictContext(context);
    const globals = (env as unknown as { globals: object }).globals;
    const template = new nunjucks.Template(text, env, label);
    return (template.render as unknown as StrictRender).call(template, strict, strictRootFrame(strict, globals));
  } catch (error) {
    throw new ConfigError({
      severity: 'error',
      message: `${label}: ${(error as Error).message
        .replace(/^\([^)]*\)\s*/, '')
        .replace(/^(Template render )?Error: /, '')
        .trim()}`,
      fix: 'every {{ name }} must be a variable of the host',
    });
  }
}
