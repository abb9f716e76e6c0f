#!/usr/bin/env node
// Benchmark (not a test), no root needed: how long the CLI takes to start, and to plan the default lab site, each
// as a ratio to `node -e 0` (Node's own start-up) measured in the same run, interleaved, so that the machine's load
// weighs on both alike. Every measurement is a fresh process, as a user runs it; the medians are reported.
//   start-up  `acp-play --version`
//   lab plan  `acp-play plan inventories/lab` of `acp-play lab up` (an NX-OS switch simulator and 3 node
//             simulators on 127.0.0.1: 4 hosts, one SSH connection each, all gathered in parallel)
// Targets (issue 13): start-up within 2x of `node -e 0`; the 4-host lab plan under 0.6 s on an idle machine.
// --baseline REV also builds the commit REV and measures its CLI the same way, in the same rounds.
// Usage: npm run bench:startup [-- --repeat 15 --baseline REV]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBaseline } from './build-baseline.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'acp-play.js');
const { values: args } = parseArgs({
  options: { repeat: { type: 'string', default: '15' }, baseline: { type: 'string' } },
});
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

/**
 * Runs `node -e 0` and each subject in turn, REPEAT rounds (after one warm-up round); the median of `node -e 0` and
 * of each subject.
 */
function versusNode(subjects) {
  for (const subject of subjects) subject();
  timed(['-e', '0']);
  const node = [];
  const times = subjects.map(() => []);
  for (let i = 0; i < REPEAT; i++) {
    node.push(timed(['-e', '0']));
    subjects.forEach((subject, s) => times[s].push(subject()));
  }
  return times.map((t) => ({ node: median(node), median: median(t) }));
}

function report(name, { node, median: m }, target) {
  const ratio = m / node;
  console.log(
    `  ${name.padEnd(40)} ${m.toFixed(3)} s   node -e 0 ${node.toFixed(3)} s   ${ratio.toFixed(2)}x   (${target})`,
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
  const clis = [['', CLI]];
  if (args.baseline)
    clis.push([` at ${args.baseline}`, buildBaseline(ROOT, args.baseline, join(work, 'baseline'), 'bench:startup')]);
  const startups = versusNode(
    clis.map(
      ([, cli]) =>
        () =>
          timed([cli, '--version'], work),
    ),
  );
  clis.forEach(([at], i) => report(`start-up: acp-play --version${at}`, startups[i], 'target: within 2x'));
  timed([CLI, 'lab', 'up', '--dir', join(work, 'lab')], work);
  labUp = true;
  const plans = versusNode(
    clis.map(
      ([, cli]) =>
        () =>
          timed([cli, 'plan', join(work, 'inventories', 'lab')], work),
    ),
  );
  clis.forEach(([at], i) => report(`lab plan: 4 hosts${at}`, plans[i], 'target: under 0.6 s idle'));
  console.log(`  load average at the end: ${load()}`);
} finally {
  if (labUp) timed([CLI, 'lab', 'down', '--dir', join(work, 'lab')], work, [0, 1]);
  rmSync(work, { recursive: true, force: true });
}
