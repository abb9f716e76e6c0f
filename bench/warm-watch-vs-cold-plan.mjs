#!/usr/bin/env node
// Benchmark (not a test): beyond the handshake floor. On the same real namespace hosts (packages/lab/src/hosts, one
// sshd each), measured in one run:
//   (a) cold plan:  `acp-play plan` as a fresh CLI process: start, load, dial every host, plan, exit (3 times)
//   (b) watch:      `acp-play watch` as a process; its first round dials every host (cold, in process), the
//                   following rounds plan over the connections it kept open (warm)
// The round durations are read from the watch's own histogram (acp_play_round_duration_seconds) on /metrics.
// Target: a warm round at least 5x faster than a cold plan. Needs root and a build (dist/).
// Usage: node bench/warm-watch-vs-cold-plan.mjs [--hosts N --repeat R]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'acp-play.js');
const { values: args } = parseArgs({
  options: { hosts: { type: 'string', default: '200' }, repeat: { type: 'string', default: '3' } },
});
const HOSTS = Number(args.hosts);
const REPEAT = Number(args.repeat);
const TARGET = 5;

const { labUnavailableReason } = await import(join(ROOT, 'packages/lab/dist/hosts/lab-prereqs.js'));
const { startLabHosts } = await import(join(ROOT, 'packages/lab/dist/hosts/lab-hosts.js'));

const unavailable = labUnavailableReason();
if (unavailable) {
  console.error(`bench: cannot run: ${unavailable}`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'acp-bench-watch-'));
const env = {
  PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin',
  HOME: join(work, 'home'),
  NO_COLOR: '1',
  CI: 'true',
};
mkdirSync(env.HOME);
let lab;
try {
  const started = Date.now();
  lab = await startLabHosts({ count: HOSTS, inventoryDir: join(work, 'inventory') });
  console.log(`bench: ${HOSTS} namespace hosts up in ${secs(Date.now() - started)}; load average ${load()}`);
  mkdirSync(join(work, 'playbooks'));
  mkdirSync(join(work, 'templates'));
  writeFileSync(join(work, 'templates', 'motd.njk'), 'Welcome to {{ inventory_hostname }}\n');
  writeFileSync(
    join(work, 'playbooks', 'site.yaml'),
    '- name: bench\n  hosts: linux\n  tasks:\n    - name: motd\n      file: {template: motd.njk, dest: /var/tmp/motd}\n',
  );
  const cold = [];
  for (let i = 0; i < REPEAT; i++) {
    cold.push(await coldPlan());
    console.log(`bench: cold plan ${i + 1}/${REPEAT}: ${secs(cold.at(-1))}`);
  }
  const rounds = await watchRounds(REPEAT + 1);
  const [first, ...warm] = rounds;
  console.log(`bench: watch round 1 (dials every host): ${secs(first)}; warm rounds: ${warm.map(secs).join(', ')}`);
  report(cold, first, warm);
} finally {
  await lab?.stop();
  rmSync(work, { recursive: true, force: true });
}

async function coldPlan() {
  const t0 = performance.now();
  const r = await run(['plan', 'inventory']);
  const ms = performance.now() - t0;
  if (r.code !== 0 || !r.out.includes(`Plan: ${HOSTS} change(s) on ${HOSTS} host(s).`))
    throw new Error(`acp-play plan did not plan every host (exit ${r.code}):\n${r.out.slice(-2000)}`);
  return ms;
}

/** Starts `acp-play watch`, collects the durations of its first `count` rounds from /metrics, stops it. */
async function watchRounds(count) {
  // Long enough that no round is skipped: rounds start on the interval's grid.
  const child = spawn(process.execPath, [CLI, 'watch', 'inventory', '--interval', '8s', '--listen', '127.0.0.1:0'], {
    cwd: work,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    const url = await until(
      () => /metrics on (http:\S+\/metrics)/.exec(out)?.[1],
      60_000,
      () => out,
    );
    const durations = [];
    let seen = { count: 0, sum: 0 };
    while (durations.length < count) {
      const now = await histogram(url);
      if (now.count > seen.count) {
        if (now.count > seen.count + 1) throw new Error('missed a round: poll faster');
        durations.push((now.sum - seen.sum) * 1000);
        seen = now;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const lines = out.split('\n').filter((l) => / round \d+: /.test(l));
    if (!lines.every((l) => l.includes(`${HOSTS} hosts: 0 in sync, ${HOSTS} with changes`)))
      throw new Error(`the watch did not plan every host every round:\n${lines.join('\n')}`);
    return durations;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function histogram(url) {
  const text = await (await fetch(url)).text();
  const read = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { count: read('acp_play_round_duration_seconds_count'), sum: read('acp_play_round_duration_seconds_sum') };
}

async function until(fn, limitMs, said) {
  const t0 = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - t0 > limitMs) throw new Error(`timed out:\n${said()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function run(argv) {
  return new Promise((done) => {
    const c = spawn(process.execPath, [CLI, ...argv], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (out += d));
    c.on('close', (code) => done({ code, out }));
  });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function secs(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

function load() {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

function report(cold, first, warm) {
  const c = median(cold);
  const w = median(warm);
  console.log(
    `\n${HOSTS} hosts, ${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${load()}`,
  );
  console.log(`| measurement | ${cold.map((_, i) => `run ${i + 1}`).join(' | ')} | median |`);
  console.log(`| (a) cold \`acp-play plan\` (CLI process) | ${cold.map(secs).join(' | ')} | ${secs(c)} |`);
  console.log(`| (b) warm watch round (kept connections) | ${warm.map(secs).join(' | ')} | ${secs(w)} |`);
  console.log(`first watch round (dials every host, in process): ${secs(first)}`);
  const ratio = c / w;
  console.log(
    `\ncold plan / warm round = ${ratio.toFixed(1)}x  (target >= ${TARGET}x: ${ratio >= TARGET ? 'met' : 'NOT met'})`,
  );
}
