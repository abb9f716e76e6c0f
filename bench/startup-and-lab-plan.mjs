#!/usr/bin/env node
// Benchmark (not a test), no root needed: how long the CLI takes to start, and to plan the default lab site, each
// as a ratio to `node -e 0` (Node's own start-up) measured in the same run, interleaved, so that the machine's load
// weighs on both alike. Every measurement is a fresh process, as a user runs it; the medians are reported.
//   start-up  `acp-play --version`
//   lab plan  `acp-play plan inventories/lab` of `acp-play lab up` (an NX-OS switch simulator and 3 node
//             simulators on 127.0.0.1: 4 hosts, one SSH connection each, all gathered in parallel)
// Targets (issue 13): start-up within 2x of `node -e 0`; the 4-host lab plan under 0.6 s on an idle machine.
// Usage: npm run bench:startup [-- --repeat 15]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'acp-play.js');
const { values: args } = parseArgs({ options: { repeat: { type: 'string', default: '15' } } });
const REPEAT = Number(args.repeat);

/** Wall time of one process in seconds; throws when it exits with a code not in `ok`. */
function timed(argv, cwd, ok = [0]) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (!ok.includes(r.status)) throw new Error(`node ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return seconds;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `subject` and `node -e 0` alternately REPEAT times (after one warm-up of each); their medians. */
function versusNode(subject) {
  subject();
  timed(['-e', '0']);
  const node = [];
  const times = [];
  for (let i = 0; i < REPEAT; i++) {
    node.push(timed(['-e', '0']));
    times.push(subject());
  }
  return { node: median(node), median: median(times) };
}

function report(name, { node, median: m }, target) {
  const ratio = m / node;
  console.log(
    `  ${name.padEnd(36)} ${m.toFixed(3)} s   node -e 0 ${node.toFixed(3)} s   ${ratio.toFixed(2)}x   (${target})`,
  );
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `bench:startup: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}, ` +
    `load average ${load()}, ${REPEAT} runs each, medians`,
);

const work = mkdtempSync(join(tmpdir(), 'acp-bench-startup-'));
let labUp = false;
try {
  report(
    'start-up: acp-play --version',
    versusNode(() => timed([CLI, '--version'], work)),
    'target: within 2x',
  );
  timed([CLI, 'lab', 'up', '--dir', join(work, 'lab')], work);
  labUp = true;
  const plan = versusNode(() => timed([CLI, 'plan', join(work, 'inventories', 'lab')], work));
  report('lab plan: 4 hosts (switch + 3 nodes)', plan, 'target: under 0.6 s idle');
  console.log(`  load average at the end: ${load()}`);
} finally {
  if (labUp) timed([CLI, 'lab', 'down', '--dir', join(work, 'lab')], work, [0, 1]);
  rmSync(work, { recursive: true, force: true });
}
