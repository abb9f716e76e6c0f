import { describe, expect, it } from 'vitest';
import { planRun } from '../../../src/engine/plan-run.js';
import { applyRun } from '../../../src/engine/apply-run.js';
import { ModuleRegistry } from '../../../src/engine/module-registry.js';
import { MemoryReporter } from '../../../src/report/plain-reporter.js';
import type { RunOptions } from '../../../src/engine/run-options.js';
import {
  connector,
  emptySite,
  host,
  inventoryOf,
  kvModule,
  play,
  playbook,
  type Devices,
} from '../../helpers/engine-harness.js';

function setup(names: string[], opts: { unreachable?: string[]; poison?: string[] } = {}) {
  const devices: Devices = new Map(names.map((n) => [n, new Map([['a', '1']])]));
  const log: string[] = [];
  const conn = connector(devices, log, new Set(opts.unreachable ?? []));
  const hosts = names.map((n) => host(n, [n.startsWith('sw') ? 'switches' : 'nodes']));
  const base = (pb: ReturnType<typeof playbook>): RunOptions => ({
    inventory: inventoryOf(hosts),
    site: emptySite,
    playbook: pb,
    modules: new ModuleRegistry().register(kvModule),
    connect: conn.connect,
    reporter: new MemoryReporter(),
    runId: 'r1',
    forks: 50,
    signal: new AbortController().signal,
  });
  return { devices, log, conn, base };
}

describe('planRun', () => {
  it('gathers and plans every host without changing anything', async () => {
    const { devices, log, base } = setup(['node0', 'node1']);
    devices.get('node1')!.set('a', '2');
    const plan = await planRun(base(playbook(play('p', 'nodes', [{ args: { want: { a: '2' } } }]))));
    expect(plan.hosts.map((h) => [h.host, h.status])).toEqual([
      ['node0', 'changes'],
      ['node1', 'in-sync'],
    ]);
    expect(plan.hosts[0]!.tasks[0]!.changes[0]).toMatchObject({
      resource: 'a',
      diff: '1 -> 2',
      commands: [{ text: 'set a 2' }],
    });
    expect(plan.summary).toEqual({ changes: 1, hostsWithChanges: 1, failed: 0, notPlanned: 0 });
    expect(log.filter((l) => l.includes('set'))).toEqual([]);
    expect(devices.get('node0')!.get('a')).toBe('1');
  });

  it('reports an unreachable host and skips it in later plays, the others carry on', async () => {
    const { base, conn } = setup(['node0', 'node1'], { unreachable: ['node1'] });
    const pb = playbook(
      play('p1', 'nodes', [{ args: { want: { a: '2' } } }]),
      play('p2', 'nodes', [{ args: { want: { b: '3' } } }]),
    );
    const plan = await planRun(base(pb));
    expect(plan.hosts.find((h) => h.host === 'node1')).toMatchObject({
      status: 'unreachable',
      error: 'node1: connect failed: connection refused',
    });
    expect(plan.hosts.find((h) => h.host === 'node0')!.tasks).toHaveLength(2);
    expect(conn.count()).toBe(2); // one connect per host for the whole run, the failed one not retried
  });
});

describe('applyRun', () => {
  it('applies, verifies by re-planning, and a second run changes nothing', async () => {
    const { devices, base } = setup(['node0', 'node1']);
    const pb = playbook(play('p', 'nodes', [{ args: { want: { a: '2', b: 'x' } } }]));
    const first = await applyRun(base(pb));
    expect(first.hosts.map((h) => h.status)).toEqual(['changed', 'changed']);
    expect(Object.fromEntries(devices.get('node0')!)).toEqual({ a: '2', b: 'x' });
    const second = await applyRun(base(pb));
    expect(second.hosts.map((h) => h.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('rolls back a host whose apply fails and leaves the other hosts alone', async () => {
    const { devices, base } = setup(['node0', 'node1']);
    const pb = playbook(play('p', 'nodes', [{ args: { want: { b: 'x', a: 'POISON' } } }]));
    devices.get('node1')!.set('a', 'POISON');
    const result = await applyRun(base(pb));
    const node0 = result.hosts.find((h) => h.host === 'node0')!;
    expect(node0.status).toBe('failed');
    expect(node0.error).toBe(
      'node0: apply failed: set a POISON: device said no (rolled back (verified: the device matches its state before the run): restored the saved keys)',
    );
    expect(node0.tasks[0]!.rolledBack).toBe(true);
    expect(Object.fromEntries(devices.get('node0')!)).toEqual({ a: '1' });
    expect(result.hosts.find((h) => h.host === 'node1')!.status).toBe('changed');
  });

  it('runs serial batches and stops a play past max_fail_percentage, naming the hosts not touched', async () => {
    const { devices, base, log } = setup(['node0', 'node1', 'node2']);
    devices.get('node0')!.set('a', '1');
    const pb = playbook(
      play('nodes', 'nodes', [{ args: { want: { a: 'POISON' } } }], { serial: [{ count: 1 }], maxFailPercentage: 0 }),
    );
    const result = await applyRun(base(pb));
    expect(result.hosts.map((h) => [h.host, h.status])).toEqual([
      ['node0', 'failed'],
      ['node1', 'skipped'],
      ['node2', 'skipped'],
    ]);
    expect(result.notStarted).toEqual(['node1', 'node2']);
    expect(log.some((l) => l.startsWith('node1'))).toBe(false);
  });

  it('refuses to touch a host whose state moved since the approved plan', async () => {
    const { devices, base } = setup(['node0']);
    const pb = playbook(play('p', 'nodes', [{ args: { want: { a: '2' } } }]));
    const approved = await planRun(base(pb));
    devices.get('node0')!.set('a', '5'); // someone changed it behind our back
    const result = await applyRun({ ...base(pb), approved });
    expect(result.hosts[0]!.status).toBe('failed');
    expect(result.hosts[0]!.error).toMatch(
      /node0\/command changed since the plan was made \(state\); nothing was applied/,
    );
    expect(devices.get('node0')!.get('a')).toBe('5');
  });

  it('check mode reports changes and applies none', async () => {
    const { devices, base } = setup(['node0']);
    const result = await applyRun({
      ...base(playbook(play('p', 'nodes', [{ args: { want: { a: '2' } } }]))),
      check: true,
    });
    expect(result.mode).toBe('check');
    expect(result.hosts[0]!.tasks[0]).toMatchObject({ status: 'changed', message: 'check mode: not applied' });
    expect(devices.get('node0')!.get('a')).toBe('1');
  });

  it('starts no new host after an interrupt', async () => {
    const { base } = setup(['node0', 'node1']);
    const ac = new AbortController();
    ac.abort();
    const result = await applyRun({
      ...base(playbook(play('p', 'nodes', [{ args: { want: { a: '2' } } }], { serial: [{ count: 1 }] }))),
      signal: ac.signal,
    });
    expect(result.interrupted).toBe(true);
    expect(result.notStarted).toEqual(['node0', 'node1']);
    expect(result.hosts.map((h) => [h.host, h.status])).toEqual([
      ['node0', 'not-applied'],
      ['node1', 'not-applied'],
    ]);
  });
});
