import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph } from '../../helpers/import-graph.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * The device simulators judge the product, so they must not share its understanding of a device: nothing under
 * packages/lab/src/sim imports the product's code. The one exception is a generic helper with no device knowledge: the
 * ed25519 key maker (it works around an ssh2 key-generation quirk).
 */
const ALLOWED_OUTSIDE = new Set(['packages/lab/src/ed25519-key.ts']);

/** Imports from files under `tree` that leave it, other than the allowed ones. */
export function importsLeaving(graph: ReadonlyMap<string, readonly string[]>, tree: string): string[] {
  const out: string[] = [];
  for (const [file, targets] of graph) {
    if (!file.startsWith(tree)) continue;
    for (const target of targets)
      if (!target.startsWith(tree) && !ALLOWED_OUTSIDE.has(target)) out.push(`${file} -> ${target}`);
  }
  return out.sort();
}

describe('the device simulators are independent of the product', () => {
  const graph = importGraph(root);

  it('nothing under packages/lab/src/sim imports src/platforms, src/inventory, src/engine or any other product code', () => {
    expect([...graph.keys()].filter((f) => f.startsWith('packages/lab/src/sim/')).length).toBeGreaterThan(20);
    expect(importsLeaving(graph, 'packages/lab/src/sim/')).toEqual([]);
  });

  it('the check finds such an import when there is one (the checker itself)', () => {
    const graph = new Map([
      ['packages/lab/src/sim/a.ts', ['packages/lab/src/sim/b.ts', 'packages/lab/src/ed25519-key.ts']],
      ['packages/lab/src/sim/b.ts', ['src/platforms/switch-state.ts']],
      ['src/engine/c.ts', ['packages/lab/src/sim/a.ts']],
    ]);
    expect(importsLeaving(graph, 'packages/lab/src/sim/')).toEqual([
      'packages/lab/src/sim/b.ts -> src/platforms/switch-state.ts',
    ]);
  });
});
