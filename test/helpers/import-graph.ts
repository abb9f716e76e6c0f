import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One relative import of a source file; `dynamic` for `import('...')`, which loads the target only when called. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly dynamic: boolean;
}

/**
 * Every relative import of a source tree, read from the text of every `.ts` file: static imports and re-exports
 * (`import type` included, since a type cycle ties files together as much as a value cycle) and `import()` with a
 * literal path. Paths are relative to the tree's root, `src/engine/plan-run.ts` style.
 */
export function importEdges(root: string, tree = 'src'): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of tsFiles(join(root, tree))) {
    const text = readFileSync(file, 'utf8');
    const from = relative(root, file);
    const seen = new Set<string>();
    const specifiers = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;
    for (const m of text.matchAll(specifiers)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith('.')) continue;
      const to = relative(root, resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      const dynamic = m[1] === undefined;
      if (seen.has(`${to} ${dynamic}`)) continue;
      seen.add(`${to} ${dynamic}`);
      edges.push({ from, to, dynamic });
    }
  }
  return edges;
}

/** The import graph of a source tree: every file and the files it imports, statically or dynamically. */
export function importGraph(root: string, tree = 'src'): Map<string, string[]> {
  const graph = new Map<string, string[]>(tsFiles(join(root, tree)).map((f) => [relative(root, f), []]));
  for (const edge of importEdges(root, tree)) {
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

/** The top folder of `src/` a file belongs to (`core`, `engine`, `platforms`, ...). */
export function layerOf(path: string): string {
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
