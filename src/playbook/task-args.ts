import { is } from 'valibot';
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { SourceLocation } from '../core/errors.js';
import { didYouMean } from '../core/did-you-mean.js';
import type { ModuleName } from '../core/playbook.js';
import { freeFormArgument, splitFreeForm } from './ansible-task-forms.js';
import { ARG_TYPE_SCHEMAS, MODULE_ARGS, type ArgSpec } from './module-args.js';

/**
 * A task's module arguments as written (a mapping, or a free-form command line, and `args:` beside), each checked
 * against its argument type's valibot schema (module-args.ts) and reported at its node.
 */

/** Where the loader reports problems (every one, at its node). */
export interface Ctx {
  fail(node: Node | Pair | null | undefined, message: string, fix?: string): void;
  at(node: Node | Pair | null | undefined): SourceLocation;
}

/** One argument as written: its key, its value, and the nodes to point at. */
interface ArgEntry {
  readonly key: string;
  readonly value: unknown;
  readonly keyAt: Node | Pair;
  readonly valueAt: Node | Pair;
}

/** The arguments written in `node`: a mapping, or a free-form line for the modules that take one. */
function argEntries(module: ModuleName, node: Node | undefined, label: string, ctx: Ctx): ArgEntry[] {
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  const freeForm = freeFormArgument(module);
  if (freeForm && isScalar(node) && typeof node.value === 'string') {
    const { command, params } = splitFreeForm(node.value);
    const entries = Object.entries(params).map(([key, value]) => ({ key, value, keyAt: node, valueAt: node }));
    return [{ key: freeForm, value: command, keyAt: node, valueAt: node }, ...entries];
  }
  if (!isMap(node)) {
    const specs = Object.keys(MODULE_ARGS[module]);
    ctx.fail(
      node,
      `${label}: the arguments of ${module} must be a mapping${freeForm ? ' or a command line' : ''}`,
      freeForm ? `e.g. ${module}: echo hi` : `e.g. ${module}: {${specs[0] ?? ''}: ...}`,
    );
    return [];
  }
  return (node as YAMLMap).items.map((pair) => ({
    key: String((pair.key as Node).toJSON()),
    value: (pair.value as Node | null)?.toJSON() as unknown,
    keyAt: pair,
    valueAt: (pair.value as Node | null) ?? pair,
  }));
}

export function readArgs(
  module: ModuleName,
  nodes: readonly (Node | undefined)[],
  label: string,
  ctx: Ctx,
): Record<string, unknown> {
  const specs = MODULE_ARGS[module];
  const args: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const { key, value, keyAt, valueAt } of nodes.flatMap((n) => argEntries(module, n, label, ctx))) {
    const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
    if (!spec) {
      ctx.fail(
        keyAt,
        `${label}: ${module} has no argument "${key}"`,
        didYouMean(key, Object.keys(specs)) ?? `its arguments: ${Object.keys(specs).join(', ') || 'none'}`,
      );
      continue;
    }
    seen.add(key);
    const problem = checkArg(spec, value);
    if (problem) ctx.fail(valueAt, `${label}: ${module}.${key} ${problem}`, spec.description);
    else if (!(key in args)) args[key] = value;
  }
  for (const [key, spec] of Object.entries(specs)) {
    if (spec.required && !seen.has(key))
      ctx.fail(nodes.find(Boolean) ?? null, `${label}: ${module} needs "${key}"`, `add ${key}: (${spec.description})`);
  }
  return args;
}

// What each argument type must be, said in the user's terms (the check itself is the type's valibot schema).
const ARG_TYPE_WORDS: Readonly<Record<ArgSpec['type'], string>> = {
  string: 'must be a string',
  boolean: 'must be true or false',
  integer: 'must be a positive whole number',
  'string-list': 'must be a list of strings',
  'object-list': 'must be a list of mappings',
  mode: "must be an octal mode in quotes such as '0644'",
};

function checkArg(spec: ArgSpec, value: unknown): string | undefined {
  if (is(ARG_TYPE_SCHEMAS[spec.type], value)) return undefined;
  const words = ARG_TYPE_WORDS[spec.type];
  return spec.type.endsWith('-list') ? words : `${words}, found ${JSON.stringify(value)}`;
}
