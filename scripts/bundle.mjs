#!/usr/bin/env node
// The last step of `npm run build`, after tsc: bundles the compiled CLI (dist/cli/main.js) with its dependencies
// into dist/bundle/, which bin/acp-play.js runs, and the node simulator's fake nmstatectl into one file.
//
// Why: a plan loads about 330 compiled modules and 190 dependency files; resolving and reading them one by one was
// most of the CLI's own CPU time (bench/startup-and-lab-plan.mjs). The bundle keeps the lazy loading of commands
// (code splitting: each command's action is a chunk loaded when it runs) and leaves out:
//   - ssh2, whose optional native crypto binding is found next to its own files;
//   - the lab package, which the CLI imports by a computed name only for `lab` commands, and which runs on dist/.
// dist/ stays as tsc wrote it: the lab package and the `acp-play/*` exports use it.
// The chunks sit one level under dist/, as the compiled modules do, so that the paths they resolve from their own
// location (package.json, templates/, playbooks/) are the same.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outdir = join(root, 'dist', 'bundle');
// Dependencies written as CommonJS call `require`, which an ES module bundle does not have.
const requireBanner =
  "import { createRequire as __acpCreateRequire } from 'node:module';\n" +
  'const require = __acpCreateRequire(import.meta.url);';
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.11',
  // Class and function names stay as written: error classes are recognised by name across the bundle and dist/.
  keepNames: true,
  sourcemap: 'linked',
  banner: { js: requireBanner },
  logLevel: 'warning',
  legalComments: 'linked',
};

rmSync(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { main: join(root, 'dist', 'cli', 'main.js') },
  outdir,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  external: ['ssh2'],
});

// The fake nmstatectl runs once per `nmstatectl` call on a simulated node: bundled, it starts in about 60% of the time.
// Only where the lab is built: the container image (deploy/Containerfile) builds the product alone.
const nodeSim = join(root, 'packages', 'lab', 'dist', 'node-sim');
if (existsSync(join(nodeSim, 'fake-nmstatectl-main.js'))) {
  await build({
    ...common,
    entryPoints: [join(nodeSim, 'fake-nmstatectl-main.js')],
    outfile: join(nodeSim, 'fake-nmstatectl.bundle.js'),
  });
}
