#!/usr/bin/env node
// Benchmark (not a test), no root needed: the cost of reading and rendering large inventories, each measurement a
// fresh CLI process (as a user runs it), repeated and reported as the median:
//   validate  site1 plus 5,000 more nodes (5,003 nodes, one switch)
//   render    the same inventory with --out (about 10,000 files: nmstate + NNCP per node, the switch, the NADs)
//   range     `validate` of an inventory holding one 100,000-host range: refused by the default per-range cap, and
//             validated with ACP_PLAY_MAX_RANGE_HOSTS=100000
// Targets (issue 14): render of 5,000 nodes under 5 s and at least 5x faster than before; the 100,000-host range
// validated or refused in under 2 s.
// --baseline REV also builds the commit REV (git archive into a temporary folder, this node_modules, tsc) and
// renders the same inventory with it in the same run, so the speed-up is measured on the same machine and load.
// Usage: npm run bench:render [-- --repeat 3 --nodes 5000 --baseline REV]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBaseline } from './build-baseline.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    repeat: { type: 'string', default: '3' },
    nodes: { type: 'string', default: '5000' },
    baseline: { type: 'string' },
  },
});
const REPEAT = Number(args.repeat);
const NODES = Number(args.nodes);

const work = mkdtempSync(join(tmpdir(), 'acp-bench-render-'));
try {
  console.log(
    `bench:render: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const fleet = writeFleet(join(work, 'fleet'), NODES);
  const range = writeRange(join(work, 'range'), 100_000);
  const current = join(ROOT, 'bin', 'acp-play.js');
  const baseline = args.baseline
    ? buildBaseline(ROOT, args.baseline, join(work, 'baseline'), 'bench:render')
    : undefined;

  const rows = [];
  rows.push(measure(`validate ${NODES + 3} nodes`, current, ['validate', fleet]));
  const renders = measure(`render ${NODES + 3} nodes`, current, ['render', fleet, '--out', join(work, 'out')]);
  rows.push(renders);
  console.log(`  (${countFiles(join(work, 'out'))} files written)`);
  if (baseline) {
    const before = measure(`render ${NODES + 3} nodes at ${args.baseline}`, baseline, [
      'render',
      fleet,
      '--out',
      join(work, 'out-baseline'),
    ]);
    rows.push(before);
    rows.push({
      name: `render speed-up over ${args.baseline}`,
      text: `${(before.median / renders.median).toFixed(1)}x`,
    });
  }
  rows.push(measure('validate a 100,000-host range (default cap: refused)', current, ['validate', range], 3));
  rows.push(
    measure('validate a 100,000-host range (ACP_PLAY_MAX_RANGE_HOSTS=100000)', current, ['validate', range], 0, {
      ACP_PLAY_MAX_RANGE_HOSTS: '100000',
    }),
  );
  console.log('\nresults (median of each):');
  for (const row of rows) console.log(`  ${row.name}: ${row.text ?? `${row.median.toFixed(2)} s`}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Runs the CLI REPEAT times; every run must exit with `expectedExit`. */
function measure(name, cli, cliArgs, expectedExit = 0, env = {}) {
  const times = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = process.hrtime.bigint();
    // Run from an empty folder, as a user would: no templates/ of the project's own.
    const run = spawnSync(process.execPath, [cli, ...cliArgs], {
      cwd: work,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== expectedExit) {
      throw new Error(`${name}: exit ${run.status}, expected ${expectedExit}\n${run.stderr.slice(0, 2000)}`);
    }
    times.push(seconds);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  console.log(`${name}: ${times.map((t) => `${t.toFixed(2)} s`).join(', ')}`);
  return { name, median };
}

/** site1, with `count` more nodes in the nodes group (one range), each bridging the three VM VLANs. */
function writeFleet(dir, count) {
  cpSync(join(ROOT, 'inventories', 'site1'), dir, { recursive: true });
  const width = String(count).length;
  const hosts = [
    'all:',
    '  children:',
    '    nodes:',
    '      hosts:',
    '        node0:',
    '        node1:',
    '        node2:',
    `        fleet[${'1'.padStart(width, '0')}:${count}]:`,
    '    switches:',
    '      hosts:',
    '        switch1:',
    '',
  ];
  writeFileSync(join(dir, 'hosts.yaml'), hosts.join('\n'));
  return dir;
}

/** An inventory of one group holding one range of `count` hosts. */
function writeRange(dir, count) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'hosts'), `[others]\nh[${'1'.padStart(String(count).length, '0')}:${count}]\n`);
  return dir;
}

/** Builds commit `rev` into a temporary folder and returns its CLI entry point. */
function countFiles(dir) {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) n++;
  return n;
}
