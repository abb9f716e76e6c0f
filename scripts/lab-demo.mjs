#!/usr/bin/env node
// `npm run lab`: the pattern working end to end on the embedded default site, no root needed.
// Starts the simulated site (`acp-play lab up`), shows the plan from an empty site, applies it, proves the site is
// in sync (`plan --detailed-exitcode` must exit 0), and always ends with `acp-play lab down`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'acp-play.js');
const extra = process.argv.slice(2); // e.g. --nodes 2 --platform arista_eos, passed to `lab up`
// A --dir given to `lab up` must reach `lab down` too, or the lab would be left running.
const dirAt = extra.findIndex((a) => a === '--dir' || a.startsWith('--dir='));
const dirArgs = dirAt < 0 ? [] : extra[dirAt].includes('=') ? [extra[dirAt]] : extra.slice(dirAt, dirAt + 2);

function banner(text) {
  console.log(`\n=== ${text}`);
}

/** Runs the CLI with inherited output; returns its exit code. */
function acp(args) {
  console.log(`$ acp-play ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env } });
  return r.status ?? 1;
}

const steps = [];
let failed = false;
function step(title, args, okCodes) {
  if (failed) return;
  banner(title);
  const code = acp(args);
  const ok = okCodes.includes(code);
  steps.push(`${ok ? 'ok  ' : 'FAIL'} ${title} (exit ${code})`);
  if (!ok) failed = true;
}

try {
  step('1/4 start the simulated site: an NX-OS switch with an empty config and 3 nodes', ['lab', 'up', ...extra], [0]);
  step(
    '2/4 plan: what the empty site lacks (exit 2 = changes present)',
    ['plan', 'inventories/lab', '--detailed-exitcode'],
    [2],
  );
  step(
    '3/4 apply: the switch first, then the nodes one at a time, each commit-confirmed',
    ['apply', 'inventories/lab', '--yes'],
    [0],
  );
  step(
    '4/4 plan again: the site must now be in sync (exit 0)',
    ['plan', 'inventories/lab', '--detailed-exitcode'],
    [0],
  );
} finally {
  // A lab that did not start (e.g. one is already up) is not ours to stop.
  if (steps[0]?.startsWith('ok')) stopLab();
  banner(failed ? 'the lab run FAILED' : 'the lab run worked: from an empty site to in sync, and cleaned up');
  for (const s of steps) console.log(`  ${s}`);
  process.exitCode = failed ? 1 : 0;
}

function stopLab() {
  banner('stop the lab');
  const down = acp(['lab', 'down', ...dirArgs]);
  steps.push(`${down === 0 ? 'ok  ' : 'FAIL'} lab down (exit ${down})`);
  if (down !== 0) failed = true;
}
