import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteLabState } from '../../../packages/lab/src/site/site-lab-state.js';
import { connectHost } from '../../../src/transport/ssh-transport.js';
import { runCli, type CliRun } from '../engine/cli-harness.js';
import { prometheusMissing, startPrometheus, type TestPrometheus } from './prometheus-server.js';
import { startWatchProcess, type WatchProcess } from './watch-process.js';

// `acp-play watch` over the default lab (`acp-play lab up`), scraped by a real Prometheus (Debian's package) that
// the test starts on loopback with its own config and storage. Everything is read back through Prometheus's HTTP
// API. Needs the build (npm run build) and /usr/bin/prometheus.
const missing = prometheusMissing();
const INTERVAL_MS = 3_000;
/** How late a timer may fire on a loaded 2-core machine. */
const TIMER_SLACK_MS = 1_500;
const cwd = mkdtempSync(join(tmpdir(), 'acp-watch-'));
const cli = (...args: string[]): Promise<CliRun> => runCli(args, cwd);
const said = (r: CliRun): string => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
let state: SiteLabState;
let watch: WatchProcess | undefined;
let prom: TestPrometheus | undefined;

/** The value Prometheus holds now for a series, or undefined when it has none. */
async function value(promql: string): Promise<number | undefined> {
  const result = await prom!.query(promql);
  return result.length === 0 ? undefined : Number(result[0]!.value[1]);
}

/** Polls Prometheus until `promql` reads `want`; returns the milliseconds it took. */
async function until(promql: string, want: number | undefined, limitMs: number): Promise<number> {
  const started = Date.now();
  let last: number | undefined;
  while (Date.now() - started < limitMs) {
    last = await value(promql);
    if (last === want) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${promql} is ${last}, not ${want}, after ${limitMs} ms\nwatch said:\n${watch?.output()}`);
}

/**
 * The first round the watch started at or after `t0`, from its log lines (`<end> round N: ...; <duration>`): when it
 * started, and what it said.
 */
function firstRoundFrom(t0: number, saying: RegExp): { startedAt: number; text: string } | undefined {
  for (const line of watch!.output().split('\n')) {
    const m = /^(\S+) round \d+: (.*); ([\d.]+)(ms|s)( \(.*\))?$/.exec(line);
    if (!m) continue;
    const startedAt = Date.parse(m[1]!) - Number(m[3]) * (m[4] === 's' ? 1_000 : 1);
    if (startedAt >= t0 && saying.test(m[2]!)) return { startedAt, text: m[2]! };
  }
  return undefined;
}

/** Waits (up to 30 s) for the first round started at or after `t0` whose log line says `saying`. */
async function roundFrom(t0: number, saying: RegExp): Promise<{ startedAt: number; text: string }> {
  const limit = Date.now() + 30_000;
  for (;;) {
    const round = firstRoundFrom(t0, saying);
    if (round) return round;
    if (Date.now() > limit) throw new Error(`no round from ${t0} says ${saying}\nwatch said:\n${watch?.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const inSync = (host: string): string => `acp_play_host_in_sync{host="${host}"}`;
const up = (host: string): string => `acp_play_host_up{host="${host}"}`;

beforeAll(async () => {
  if (missing) return;
  const lab = await cli('lab', 'up');
  if (lab.code !== 0) throw new Error(said(lab));
  state = JSON.parse(readFileSync(join(cwd, '.acp-play', 'lab', 'lab.json'), 'utf8')) as SiteLabState;
  const apply = await cli('apply', 'inventories/lab', '--yes');
  if (apply.code !== 0) throw new Error(said(apply));
  watch = await startWatchProcess(cwd, ['inventories/lab', '--interval', '3s', '--listen', '127.0.0.1:0']);
  prom = await startPrometheus(join(cwd, 'prometheus'), watch.target);
}, 180_000);

afterAll(async () => {
  await watch?.stop();
  await prom?.stop();
  if (existsSync(join(cwd, '.acp-play', 'lab', 'lab.json'))) await cli('lab', 'down');
  rmSync(cwd, { recursive: true, force: true });
});

describe.skipIf(missing)(`acp-play watch scraped by Prometheus${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('reports every host of the applied lab up and in sync', async () => {
    for (const host of ['switch1', 'node0', 'node1', 'node2']) {
      await until(up(host), 1, 30_000);
      await until(inSync(host), 1, 30_000);
    }
    expect(await value('acp_play_last_round_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(await value('acp_play_round_duration_seconds_count')).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("a change behind the tool's back flips in_sync to 0 within one interval; apply flips it back", async () => {
    const sw = state.devices.find((d) => d.name === 'switch1')!;
    const conn = await connectHost(
      {
        name: 'switch1',
        address: '127.0.0.1',
        port: sw.port,
        user: 'admin',
        auth: { identityFiles: [state.keyFile], agentSocket: false },
        hostKeyCheck: (blob) => `ssh-ed25519 ${blob.toString('base64')}` === sw.hostKeyPublic || 'not the lab key',
        hostKeyAlgorithms: ['ssh-ed25519'],
      },
      { sshConfigPath: false, connectAttempts: 1, keepaliveIntervalMs: 0 },
    );
    const session = await conn.shell();
    // Taken before the change: a round that starts while the commands are still being sent may see it already.
    const changedAt = Date.now();
    const prompt = /^switch1(\([\w-]+\))?# $/;
    await session.readUntil(prompt, 5_000);
    for (const line of [
      'configure terminal',
      'interface Ethernet1/7',
      'switchport trunk allowed vlan 2003,2005',
      'end',
    ])
      await session.send(line, { prompt, timeoutMs: 5_000 });
    await session.close();
    await conn.close();
    const sentAt = Date.now();
    await until(inSync('switch1'), 0, 30_000);
    // Within one interval: the first round that reported the change started within an interval of its last command.
    const seen = await roundFrom(changedAt, /1 with changes \(switch1: 1\)/);
    expect(seen.startedAt - sentAt).toBeLessThanOrEqual(INTERVAL_MS + TIMER_SLACK_MS);
    expect(await value('acp_play_host_changes{host="switch1",task="Access and trunk ports"}')).toBe(1);
    expect(await value(inSync('node0'))).toBe(1);

    const applyStartedAt = Date.now();
    const apply = await cli('apply', 'inventories/lab', '--yes');
    expect(apply.code, said(apply)).toBe(0);
    const appliedAt = Date.now();
    await until(inSync('switch1'), 1, 30_000);
    const after = await roundFrom(applyStartedAt, /4 hosts: 4 in sync$/);
    expect(after.startedAt - appliedAt).toBeLessThanOrEqual(INTERVAL_MS + TIMER_SLACK_MS);
  }, 90_000);

  it('keeps each connection open between rounds: one dial per host so far', async () => {
    for (const host of ['switch1', 'node0', 'node1', 'node2'])
      expect(await value(`acp_play_host_connects_total{host="${host}",result="ok"}`)).toBe(1);
    expect(await value('acp_play_round_duration_seconds_count')).toBeGreaterThanOrEqual(4);
  });

  it('a stopped simulator shows as up 0 while the other hosts keep being watched', async () => {
    const stop = await cli('lab', 'stop', 'node1');
    expect(stop.code, said(stop)).toBe(0);
    await until(up('node1'), 0, 30_000);
    // Nothing is claimed about a host that could not be planned.
    expect(await value(inSync('node1'))).toBeUndefined();
    const before = (await value('acp_play_last_round_timestamp_seconds'))!;
    await new Promise((r) => setTimeout(r, 2 * INTERVAL_MS));
    expect(await value('acp_play_last_round_timestamp_seconds')).toBeGreaterThan(before);
    for (const host of ['switch1', 'node0', 'node2']) {
      expect(await value(up(host))).toBe(1);
      expect(await value(inSync(host))).toBe(1);
    }
    expect(watch!.output()).toMatch(/1 down \(node1: 127\.0\.0\.1:\d+: connection refused/);
  }, 60_000);

  it('re-checks the host key on every dial: a node back with a key known_hosts does not pin stays down', async () => {
    const knownHosts = join(cwd, 'inventories', 'lab', 'known_hosts');
    const pinned = readFileSync(knownHosts, 'utf8');
    const port = state.devices.find((d) => d.name === 'node1')!.port;
    const other = state.devices.find((d) => d.name === 'node0')!.hostKeyPublic; // a key, but not node1's
    const line = pinned.split('\n').find((l) => l.startsWith(`[127.0.0.1]:${port} `))!;
    writeFileSync(knownHosts, pinned.replace(line, `[127.0.0.1]:${port} ${other}`));
    const start = await cli('lab', 'start', 'node1');
    expect(start.code, said(start)).toBe(0);
    await new Promise((r) => setTimeout(r, 3 * INTERVAL_MS));
    expect(await value(up('node1'))).toBe(0);
    expect(watch!.output()).toMatch(/node1: .*host key/i);
    writeFileSync(knownHosts, pinned);
    await until(up('node1'), 1, 30_000);
    await until(inSync('node1'), 1, 30_000);
  }, 90_000);

  it('exits 0 on SIGTERM, after saying so', async () => {
    const code = await watch!.stop();
    expect(code).toBe(0);
    expect(watch!.output()).toMatch(/stopping \(SIGTERM\)[^\n]*\n[^\n]*stopped after \d+ round\(s\)\n$/);
    watch = undefined;
  });
});
