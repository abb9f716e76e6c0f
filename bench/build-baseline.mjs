// The CLI of an earlier commit, for a benchmark's `--baseline REV`: `git archive REV` into `dir`, this checkout's
// node_modules linked in, the product compiled with tsc and, where REV has it, bundled by its scripts/bundle.mjs
// (the lab package is not built: the benchmarks run the product's commands). Returns the path of its
// bin/acp-play.js.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export function buildBaseline(root, rev, dir, bench) {
  mkdirSync(dir);
  const archive = execFileSync('git', ['-C', root, 'archive', rev], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  console.log(`${bench}: building ${rev} for the baseline`);
  execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.json')], { stdio: 'inherit' });
  const bundle = join(dir, 'scripts', 'bundle.mjs');
  if (existsSync(bundle)) execFileSync(process.execPath, [bundle], { stdio: 'inherit' });
  return join(dir, 'bin', 'acp-play.js');
}
