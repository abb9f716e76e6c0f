import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The lab package's sources (`@acp-play/lab`): its own layer, `lab`. */
export const LAB_TREE = 'packages/lab/src';

/** The source trees read by default: the product's and the lab package's. */
const TREES = ['src', LAB_TREE];

/**
 * One import of a source file; `dynamic` for `import('...')`, which loads the target only when called. Relative
 * imports and the lab package's `acp-play/...` imports of the product both count (`acp-play/core/errors.js` is
 * `src/core/errors.ts`).
 */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly dynamic: boolean;
  /** `import type` / `export type`: erased from the compiled code, so nothing is loaded at run time. */
  readonly typeOnly?: boolean;
}

/** The file an import specifier names, relative to the root; undefined for an npm package or a node: module. */
function target(root: string, file: string, spec: string): string | undefined {
  const ts = spec.replace(/\.js$/, '.ts');
  if (spec.startsWith('.')) return relative(root, resolve(dirname(file), ts));
  if (spec.startsWith('acp-play/')) return `src/${ts.slice('acp-play/'.length)}`;
  if (spec.startsWith('@acp-play/lab/')) return `${LAB_TREE}/${ts.slice('@acp-play/lab/'.length)}`;
  return undefined;
}

/**
 * Every import of the source trees between their files, read from the text of every `.ts` file: static imports and
 * re-exports (`import type` included, since a type cycle ties files together as much as a value cycle) and
 * `import()` with a literal path. Paths are relative to the root, `src/engine/plan-run.ts` style.
 */
export function importEdges(root: string, trees: readonly string[] = TREES): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of trees.flatMap((tree) => tsFiles(join(root, tree)))) {
    const text = readFileSync(file, 'utf8');
    const from = relative(root, file);
    const seen = new Set<string>();
    const specifiers = /(?:^|\n)\s*(?:import|export)\s(type\s)?[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;
    for (const m of text.matchAll(specifiers)) {
      const to = target(root, file, m[2] ?? m[3]!);
      if (to === undefined) continue;
      const dynamic = m[2] === undefined;
      const typeOnly = m[1] !== undefined;
      const key = `${to} ${dynamic} ${typeOnly}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ from, to, dynamic, ...(typeOnly ? { typeOnly } : {}) });
    }
  }
  return edges;
}

/** The import graph of the source trees: every file and the files it imports, statically or dynamically. */
export function importGraph(root: string, trees: readonly string[] = TREES): Map<string, string[]> {
  const files = trees.flatMap((tree) => tsFiles(join(root, tree)));
  const graph = new Map<string, string[]>(files.map((f) => [relative(root, f), []]));
  for (const edge of importEdges(root, trees)) {
    const targets = graph.get(edge.from)!;
    if (!targets.includes(edge.to)) targets.push(edge.to);
  }
  for (const targets of graph.values()) targets.sort();
  return graph;
}

/** Every cycle of the graph, as its strongly connected components of more than one file (or a self-import). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** The layer of a file: the top folder of `src/` (`core`, `engine`, `platforms`, ...), or `lab` for the lab package. */
export function layerOf(path: string): string {
  if (path.startsWith(`${LAB_TREE}/`)) return 'lab';
  return path.split('/')[1] ?? '';
}

/** Static imports that cross into a layer the importing layer may not use, as `from -> to` lines. */
export function layerViolations(
  edges: readonly ImportEdge[],
  mayImport: Readonly<Record<string, readonly string[]>>,
): string[] {
  return edges
    .filter((e) => !e.dynamic && layerOf(e.to) !== layerOf(e.from))
    .filter((e) => !mayImport[layerOf(e.from)]?.includes(layerOf(e.to)))
    .map((e) => `${e.from} -> ${e.to}`);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}
