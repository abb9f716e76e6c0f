#!/usr/bin/env node
// Mutation fuzzer (not in CI): copies inventories/site1, mutates each copy 1-4 times (structure, values, plausible
// site edits, files, links, encodings), and runs the built CLI's `validate` and `render --out` on it. A case is a
// finding when a run exits with anything but 0 or 3, exits 3 with an error line that does not start with
// `FILE:LINE:COL: ` inside the copy, prints an internal error, or takes longer than 10 s (it is then killed).
// Findings are kept in .acp-play/fuzz/, with the last run's summary in .acp-play/fuzz/last-run.txt.
// Usage: npm run fuzz [-- --minutes 10 --jobs 2 --seed N]; replay one case: npm run fuzz -- --replay SEED
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { inventoryFiles, mutateFiles } from './mutate-files.mjs';
import { mutateSite } from './mutate-site.mjs';
import { mutateText } from './mutate-text.mjs';
import { mutateYaml } from './mutate-yaml.mjs';
import { RandomSource } from './random-source.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'acp-play.js');
const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    jobs: { type: 'string', default: '2' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    replay: { type: 'string' },
    timeout: { type: 'string', default: '10' },
  },
});
const TIMEOUT_MS = Number(args.timeout) * 1000;
const FINDINGS = join(ROOT, '.acp-play', 'fuzz');
const work = mkdtempSync(join(tmpdir(), 'acp-fuzz-'));

/** Builds case `seed` in a fresh copy of site1; returns its folder and the list of mutations. */
function buildCase(seed) {
  const rnd = new RandomSource(seed);
  const dir = join(work, `case-${seed}`, 'site1');
  cpSync(join(ROOT, 'inventories', 'site1'), dir, { recursive: true });
  const log = [];
  const count = 1 + rnd.int(4);
  for (let i = 0; i < count; i++) {
    const kind = rnd.pick(['yaml', 'yaml', 'site', 'site', 'text', 'files']);
    if (kind === 'files') {
      log.push(mutateFiles(dir, rnd));
      continue;
    }
    if (kind === 'site') {
      log.push(mutateSite(dir, rnd));
      continue;
    }
    const file = rnd.pick(inventoryFiles(dir).filter((f) => !f.endsWith('.other')));
    if (!file) continue;
    const path = join(dir, file);
    const bytes = readFileSync(path);
    if (kind === 'yaml') {
      const { text, what } = mutateYaml(bytes.toString('utf8'), rnd);
      writeFileSync(path, text);
      log.push(`${file}: ${what}`);
    } else {
      const { buf, what } = mutateText(bytes, rnd);
      writeFileSync(path, buf);
      log.push(`${file}: ${what}`);
    }
  }
  return { dir, log };
}

/** site1's day-0 keys read the pull secret and SSH key from these: test values, so render gets to write. */
const SECRETS_ENV = {
  ACP_PLAY_PULL_SECRET: '{"auths":{"example.test":{"auth":"dGVzdDp0ZXN0"}}}',
  ACP_PLAY_SSH_KEY: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRlc3Qtb25seS1ub3QtYS1yZWFsLWtleS0xMjM0NTY fuzz',
};

/** Runs the CLI with a time limit; resolves with its exit code (null when killed), output and duration. */
function runCli(cliArgs) {
  return new Promise((done) => {
    const started = Date.now();
    const env = { ...process.env, ...SECRETS_ENV };
    const child = spawn(process.execPath, [CLI, ...cliArgs], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out.length < 1e6 ? (out += d) : undefined));
    child.stderr.on('data', (d) => (err.length < 1e6 ? (err += d) : undefined));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out, err, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** Why a run is a finding, or undefined when it is fine. */
function verdict(run, dir) {
  if (run.code === null) return `hang: killed after ${TIMEOUT_MS / 1000} s`;
  if (/internal error|\n\s+at \S+ \(/.test(run.err)) return `crash: exit ${run.code} with an internal error`;
  if (run.code === 0) return undefined;
  if (run.code !== 3) return `crash: exit ${run.code}`;
  const lines = run.err.split('\n').filter((l) => l !== '' && !/^\d+ errors?; nothing was contacted\.$/.test(l));
  const errors = lines.filter((l) => !/^\S.*?:\d+:\d+: warning: /.test(l));
  if (errors.length === 0) return 'exit 3 without a message';
  const unlocated = errors.find(
    (l) => !(l.startsWith(`${dir}/`) || l.startsWith(`${dir}:`)) || !/^[^:]+:\d+:\d+: /.test(l),
  );
  return unlocated === undefined ? undefined : `unlocated exit 3: ${unlocated.slice(0, 300)}`;
}

async function fuzzCase(seed) {
  const { dir, log } = buildCase(seed);
  const results = [];
  for (const cliArgs of [
    ['validate', dir],
    ['render', dir, '--out', join(dir, '..', 'out')],
  ]) {
    const run = await runCli(cliArgs);
    results.push({ command: cliArgs[0], ...run, finding: verdict(run, dir) });
  }
  const findings = results.filter((r) => r.finding);
  if (findings.length > 0) {
    const keep = join(FINDINGS, `case-${seed}`);
    rmSync(keep, { recursive: true, force: true });
    mkdirSync(keep, { recursive: true });
    writeFileSync(
      join(keep, 'report.txt'),
      [
        `seed ${seed}`,
        ...log,
        ...results.map(
          (r) => `\n== ${r.command}: exit ${r.code} in ${r.seconds} s ${r.finding ?? 'ok'}\n${r.err.slice(0, 5000)}`,
        ),
      ].join('\n'),
    );
  }
  rmSync(join(dir, '..'), { recursive: true, force: true });
  return { seed, log, results, findings };
}

if (args.replay !== undefined) {
  const outcome = await fuzzCase(Number(args.replay));
  console.log(outcome.log.join('\n'));
  for (const r of outcome.results)
    console.log(`${r.command}: exit ${r.code} in ${r.seconds} s ${r.finding ?? 'ok'}\n${r.err}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(outcome.findings.length > 0 ? 1 : 0);
}

const deadline = Date.now() + Number(args.minutes) * 60_000;
const base = Number(args.seed);
let next = 0;
const tally = { cases: 0, runs: 0, exit0: 0, exit3: 0, findings: [], slowest: 0 };
async function worker() {
  while (Date.now() < deadline) {
    const seed = base + next++;
    const outcome = await fuzzCase(seed);
    tally.cases++;
    for (const r of outcome.results) {
      tally.runs++;
      if (r.code === 0) tally.exit0++;
      if (r.code === 3) tally.exit3++;
      tally.slowest = Math.max(tally.slowest, r.seconds);
    }
    for (const f of outcome.findings) {
      tally.findings.push(`seed ${seed} ${f.command}: ${f.finding}`);
      console.log(`FINDING seed ${seed} ${f.command}: ${f.finding}\n  ${outcome.log.join('\n  ')}`);
    }
  }
}
console.log(`fuzz: ${args.minutes} min, ${args.jobs} jobs, seeds from ${base}; findings go to ${FINDINGS}`);
await Promise.all(Array.from({ length: Number(args.jobs) }, worker));
const summary = [
  `fuzz: ${tally.cases} cases, ${tally.runs} CLI runs (${tally.exit0} exit 0, ${tally.exit3} exit 3), seeds ${base}-${base + next - 1}`,
  `slowest run: ${tally.slowest.toFixed(2)} s; findings: ${tally.findings.length}`,
  ...tally.findings,
];
console.log(summary.join('\n'));
mkdirSync(FINDINGS, { recursive: true });
writeFileSync(join(FINDINGS, 'last-run.txt'), `${new Date().toISOString()}\n${summary.join('\n')}\n`);
rmSync(work, { recursive: true, force: true });
process.exit(tally.findings.length > 0 ? 1 : 0);
