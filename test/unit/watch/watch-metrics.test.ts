import { describe, expect, it } from 'vitest';
import { PLAN_FORMAT, type RunPlan, type TaskPlan } from '../../../src/core/run.js';
import { reportSite } from '../../../src/watch/host-report.js';
import { formatRoundLine } from '../../../src/watch/round-log.js';
import { WatchMetrics } from '../../../src/watch/watch-metrics.js';

const change = { resource: 'vlan 2004', action: 'create', diff: '+ vlan 2004', commands: [] } as never;
const task = (name: string, changes: number): TaskPlan => ({
  play: 'p',
  task: name,
  module: 'm',
  address: `h/${name}`,
  changes: Array.from({ length: changes }, () => change),
  inSync: [],
});

function plan(hosts: RunPlan['hosts']): RunPlan {
  return {
    format: PLAN_FORMAT,
    toolVersion: '0',
    inputs: { inventory: {}, playbook: {}, templates: {} },
    order: [],
    interrupted: false,
    runId: 'r',
    createdAt: '',
    inventory: 'inv',
    playbook: 'pb',
    hosts,
    summary: { changes: 0, hostsWithChanges: 0, failed: 0, notPlanned: 0 },
  };
}

async function series(m: WatchMetrics): Promise<string[]> {
  return (await m.registry.metrics())
    .split('\n')
    .filter((l) => /^acp_play_host_(in_sync|changes|up|plan_failed)\{/.test(l));
}

describe('watch metrics from a round', () => {
  const drifted = plan([
    { host: 'switch1', status: 'changes', tasks: [task('VLANs', 1), task('Ports', 0)] },
    { host: 'node0', status: 'in-sync', tasks: [task('Bridges', 0)] },
    { host: 'node1', status: 'unreachable', tasks: [], error: 'node1: connect failed: ECONNREFUSED' },
    { host: 'node2', status: 'failed', tasks: [], error: 'node2: gather failed: nmstatectl: not found' },
  ]);

  it('sets in_sync, changes per task, up and plan_failed per host; a host not planned has no in_sync', async () => {
    const m = new WatchMetrics();
    m.recordSite(reportSite('site1', drifted, (h) => h === 'node2'));
    expect(await series(m)).toEqual([
      'acp_play_host_in_sync{site="site1",host="switch1"} 0',
      'acp_play_host_in_sync{site="site1",host="node0"} 1',
      'acp_play_host_changes{site="site1",host="switch1",task="VLANs"} 1',
      'acp_play_host_changes{site="site1",host="switch1",task="Ports"} 0',
      'acp_play_host_changes{site="site1",host="node0",task="Bridges"} 0',
      'acp_play_host_up{site="site1",host="switch1"} 1',
      'acp_play_host_up{site="site1",host="node0"} 1',
      'acp_play_host_up{site="site1",host="node1"} 0',
      'acp_play_host_up{site="site1",host="node2"} 1',
      'acp_play_host_plan_failed{site="site1",host="switch1"} 0',
      'acp_play_host_plan_failed{site="site1",host="node0"} 0',
      'acp_play_host_plan_failed{site="site1",host="node1"} 0',
      'acp_play_host_plan_failed{site="site1",host="node2"} 1',
    ]);
  });

  it('a host a cut-short round did not plan gets no in_sync and no changes, and is not a failed plan', async () => {
    const m = new WatchMetrics();
    const cut = plan([{ host: 'node0', status: 'not-planned', tasks: [task('Bridges', 0)] }]);
    m.recordSite(reportSite('site1', cut, () => true));
    expect(await series(m)).toEqual([
      'acp_play_host_up{site="site1",host="node0"} 1',
      'acp_play_host_plan_failed{site="site1",host="node0"} 0',
    ]);
  });

  it('a host whose connection was lost mid-round counts as down', () => {
    const r = reportSite('site1', drifted, () => false);
    expect(r.hosts.find((h) => h.host === 'node2')).toMatchObject({ up: false });
  });

  it('drops the series of a host that goes down, and keeps the label sets bounded round after round', async () => {
    const m = new WatchMetrics();
    m.recordSite(reportSite('site1', drifted, () => true));
    const down = plan([{ host: 'switch1', status: 'unreachable', tasks: [], error: 'x' }]);
    m.recordSite(reportSite('site1', down, () => false));
    const lines = await series(m);
    expect(lines.filter((l) => l.includes('host="switch1"'))).toEqual([
      'acp_play_host_up{site="site1",host="switch1"} 0',
      'acp_play_host_plan_failed{site="site1",host="switch1"} 0',
    ]);
    for (let i = 0; i < 50; i++) m.recordSite(reportSite('site1', drifted, () => true));
    expect(await series(m)).toHaveLength(13);
  });

  it('records the round: last round time and the duration histogram', async () => {
    const m = new WatchMetrics();
    m.recordRound(300, new Date(1_700_000_000_000));
    const text = await m.registry.metrics();
    expect(text).toContain('acp_play_last_round_timestamp_seconds 1700000000\n');
    expect(text).toContain('acp_play_round_duration_seconds_bucket{le="0.25"} 0\n');
    expect(text).toContain('acp_play_round_duration_seconds_bucket{le="0.5"} 1\n');
    expect(text).toContain('acp_play_round_duration_seconds_count 1\n');
  });
});

describe('the round log line', () => {
  it('says in one line what is in sync, drifted, down and failed, and how long the round took', () => {
    const line = formatRoundLine(
      { round: 7, durationMs: 120, skippedTicks: 1, at: new Date('2026-11-29T10:41:05.123Z') },
      [reportSite('site1', drifted(), (h) => h === 'node2')],
    );
    expect(line).toBe(
      '2026-11-29T10:41:05.123Z round 7: site1: 4 hosts: 1 in sync, 1 with changes (switch1: 1), 1 down (node1: ECONNREFUSED), 1 failed (node2: gather failed: nmstatectl: not found); 120ms (1 round skipped: the previous round ran past the interval)',
    );
  });

  function drifted(): RunPlan {
    return plan([
      { host: 'switch1', status: 'changes', tasks: [task('VLANs', 1)] },
      { host: 'node0', status: 'in-sync', tasks: [task('Bridges', 0)] },
      { host: 'node1', status: 'unreachable', tasks: [], error: 'node1: connect failed: ECONNREFUSED' },
      { host: 'node2', status: 'failed', tasks: [], error: 'node2: gather failed: nmstatectl: not found' },
    ]);
  }
});
