import { describe, expect, it } from 'vitest';
import type { SessionResource } from '../../../src/core/host-session.js';
import type { TaskModule } from '../../../src/core/module.js';
import { applyRun } from '../../../src/engine/apply-run.js';
import { ConnectionPool } from '../../../src/engine/connection-pool.js';
import { HostSessionSlot } from '../../../src/engine/host-session-slot.js';
import { ModuleRegistry } from '../../../src/engine/module-registry.js';
import { MemoryReporter } from '../../../src/report/plain-reporter.js';
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

/** A resource that records its own closing. */
class Resource implements SessionResource {
  isUsable = true;
  closed = false;
  constructor(readonly id: number) {}
  async close() {
    this.closed = true;
  }
}

describe('the host session the engine owns', () => {
  it('hands back the resource an earlier step opened while it is usable, and a new one after', async () => {
    const slot = new HostSessionSlot();
    let opened = 0;
    const open = async () => new Resource(++opened);
    const first = await slot.reuse(open);
    expect(await slot.reuse(open)).toBe(first);
    first.isUsable = false;
    const second = await slot.reuse(open);
    expect(second.id).toBe(2);
    expect([slot.nextSequence(), slot.nextSequence(), slot.nextSequence()]).toEqual([1, 2, 3]);
    await slot.close();
    expect(second.closed).toBe(true);
  });

  it('opens one resource when two steps ask at once', async () => {
    const slot = new HostSessionSlot();
    let opened = 0;
    const open = async () => new Resource(++opened);
    const [a, b] = await Promise.all([slot.reuse(open), slot.reuse(open)]);
    expect(a).toBe(b);
    expect(opened).toBe(1);
  });

  it('is one per host in the connection pool, and closed before the connections', async () => {
    const order: string[] = [];
    const pool = new ConnectionPool(async (h) => ({
      host: h.name,
      exec: async () => ({ command: '', stdout: '', stderr: '', exitCode: 0, durationMs: 0 }),
      shell: async () => {
        throw new Error('no shell');
      },
      upload: async () => undefined,
      close: async () => void order.push(`close connection ${h.name}`),
    }));
    const node0 = host('node0', ['nodes']);
    await pool.get(node0);
    const session = pool.session(node0);
    expect(pool.session(node0)).toBe(session);
    expect(pool.session(host('node1', ['nodes']))).not.toBe(session);
    await session.reuse(async () => ({ isUsable: true, close: async () => void order.push('close session node0') }));
    await pool.closeAll();
    expect(order).toEqual(['close session node0', 'close connection node0']);
  });
});

describe('the step object of the phases after the plan', () => {
  it('carries the desired state, the state gathered before the change, the plan and the transaction', async () => {
    const devices: Devices = new Map([['node0', new Map([['a', '1']])]]);
    const seen: Record<string, unknown> = {};
    const module: TaskModule<Record<string, string | null>, Record<string, string>, string> = {
      ...kvModule,
      async begin(step) {
        seen.begin = { desired: step.desired, current: step.current, changes: step.plan.changes.length };
        return kvModule.begin!(step);
      },
      async commit(step) {
        seen.commit = { current: step.current, txn: step.txn, host: step.ctx.host.name, conn: step.conn.host };
      },
    };
    const log: string[] = [];
    const result = await applyRun({
      inventory: inventoryOf([host('node0', ['nodes'])]),
      site: emptySite,
      playbook: playbook(play('p', 'nodes', [{ args: { want: { a: '2' } } }])),
      modules: new ModuleRegistry().register(module),
      connect: connector(devices, log).connect,
      reporter: new MemoryReporter(),
      runId: 'r1',
      forks: 5,
      signal: new AbortController().signal,
    });
    expect(result.hosts[0]!.status).toBe('changed');
    expect(seen.begin).toEqual({ desired: { a: '2' }, current: { a: '1' }, changes: 1 });
    // After the change (and the runner's re-gather), `current` is still the state before it.
    expect(seen.commit).toEqual({ current: { a: '1' }, txn: '{"a":"1"}', host: 'node0', conn: 'node0' });
  });
});
