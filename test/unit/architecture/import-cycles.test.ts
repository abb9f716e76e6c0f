import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importEdges, importGraph, layerOf, layerViolations } from '../../helpers/import-graph.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The product's source files (src/), relative to the root. */
const productFiles = (): string[] => [...importGraph(root, ['src']).keys()];

/**
 * The layers of src/, and the lab package (packages/lab/src), and what each may import statically, besides itself
 * (see the README's Development section). Imports point down: core at the bottom, cli at the top; nothing but cli
 * imports cli, except the lab's commands, which implement the CLI's command contract. No product layer imports the
 * lab: the CLI reaches it only through lab-entry.ts's import() of the lab package.
 */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: [],
  transport: ['core'],
  inventory: ['core', 'transport'],
  template: ['core', 'inventory'],
  playbook: ['core', 'inventory'],
  report: ['core', 'transport'],
  cabling: ['core'],
  platforms: ['core', 'transport', 'inventory', 'template', 'playbook', 'cabling'],
  install: ['core', 'transport', 'inventory', 'template'],
  init: ['core', 'transport', 'inventory', 'template', 'platforms'],
  engine: ['core', 'transport', 'inventory', 'platforms'],
  lab: ['core', 'transport', 'inventory', 'platforms', 'cli'],
  gitops: ['core', 'inventory', 'template'],
  fleet: ['core', 'inventory'],
  watch: ['core', 'transport', 'inventory', 'playbook', 'platforms', 'engine'],
  import: ['core', 'transport', 'inventory', 'platforms', 'cabling', 'engine'],
  cli: [
    'core',
    'transport',
    'inventory',
    'template',
    'install',
    'init',
    'playbook',
    'report',
    'platforms',
    'cabling',
    'engine',
    'watch',
    'gitops',
    'import',
    'fleet',
  ],
};

describe('import graph of src/ and the lab package', () => {
  const graph = importGraph(root);
  const edges = importEdges(root);

  it('reads the imports of every source file', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/cli/commands.ts')).toContain('src/cli/plan-command.ts');
    expect(graph.get('packages/lab/src/site/start-site-lab.ts')).toContain('src/platforms/platform-list.ts');
    expect(edges).toContainEqual({
      from: 'packages/lab/src/simulator-list.ts',
      to: 'packages/lab/src/sim/start-simulator.ts',
      dynamic: true,
    });
  });

  it('has no cycle, type-only imports included', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('has every file in a known layer', () => {
    expect([...graph.keys()].filter((f) => !(layerOf(f) in MAY_IMPORT))).toEqual([]);
  });

  it('imports only downwards: core imports nothing outside core, nothing but cli imports cli', () => {
    expect(layerViolations(edges, MAY_IMPORT)).toEqual([]);
  });

  it('the product imports nothing from the lab package, not even through import()', () => {
    const intoLab = edges.filter((e) => layerOf(e.from) !== 'lab' && layerOf(e.to) === 'lab');
    expect(edges.filter((e) => layerOf(e.from) === 'lab').length).toBeGreaterThan(50);
    expect(intoLab).toEqual([]);
  });

  it('names the lab package in one product file only: the CLI lab entry, which imports it when `lab` runs', () => {
    const naming = productFiles().filter((f) => readFileSync(join(root, f), 'utf8').includes('@acp-play/lab'));
    expect(naming).toEqual(['src/cli/lab-entry.ts']);
  });

  it('loads no lab code for plan and apply', () => {
    const reached = new Set<string>();
    const visit = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const e of edges) if (e.from === file && !e.dynamic) visit(e.to);
    };
    for (const entry of ['src/engine/plan-run.ts', 'src/engine/apply-run.ts', 'src/engine/default-modules.ts'])
      visit(entry);
    visit('src/platforms/platform-list.ts');
    expect(reached.has('src/platforms/cisco-nxos/nxos-driver.ts')).toBe(true);
    expect([...reached].filter((f) => layerOf(f) === 'lab')).toEqual([]);
  });

  it('starts the CLI on commander and the command registrations alone: --help and --version load no engine', () => {
    const reached = new Set<string>();
    const visit = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const e of edges) if (e.from === file && !e.dynamic && !e.typeOnly) visit(e.to);
    };
    visit('src/cli/main.ts');
    expect(reached).toContain('src/cli/plan-command.ts');
    expect([...reached].filter((f) => !/^src\/(cli|core)\//.test(f))).toEqual([]);
    const packages = [...reached].flatMap((f) =>
      [...readFileSync(join(root, f), 'utf8').matchAll(/^import (?!type )[^;]*?from '([^.'][^']*)'/gm)].map(
        (m) => m[1],
      ),
    );
    expect(new Set(packages.filter((p) => !p!.startsWith('node:')))).toEqual(new Set(['commander']));
  });

  it('registers the CLI commands without a cycle: only main imports the command list, no command imports main', () => {
    const importers = (file: string) => edges.filter((e) => e.to === file).map((e) => e.from);
    expect(importers('src/cli/commands.ts')).toEqual(['src/cli/main.ts']);
    expect(importers('src/cli/main.ts')).toEqual([]);
  });

  it('finds an upward import when there is one (the checker itself)', () => {
    const upward = [
      { from: 'src/core/change.ts', to: 'src/engine/plan-run.ts', dynamic: false },
      { from: 'src/engine/plan-run.ts', to: 'src/core/change.ts', dynamic: false },
      { from: 'src/platforms/x.ts', to: 'src/lab/sim/y.ts', dynamic: true },
      { from: 'src/engine/x.ts', to: 'packages/lab/src/sim/y.ts', dynamic: false },
      { from: 'packages/lab/src/cli/x.ts', to: 'src/cli/register-command.ts', dynamic: false },
    ];
    expect(layerViolations(upward, MAY_IMPORT)).toEqual([
      'src/core/change.ts -> src/engine/plan-run.ts',
      'src/engine/x.ts -> packages/lab/src/sim/y.ts',
    ]);
  });

  it('finds a cycle when there is one (the checker itself)', () => {
    const cyclic = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCycles(cyclic)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
