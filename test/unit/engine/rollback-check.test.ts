import { describe, expect, it } from 'vitest';
import { applyRun } from '../../../src/engine/apply-run.js';
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

type KvModule = typeof kvModule;

/** Runs `module` once on node0, whose device starts as {a: 1}, asking for {b: x, a: POISON} (set a POISON fails). */
async function failingRun(module: KvModule, opts: { connectFails?: number } = {}) {
  const devices: Devices = new Map([['node0', new Map([['a', '1']])]]);
  const log: string[] = [];
  const { connect } = connector(devices, log);
  let connects = 0;
  const result = await applyRun({
    inventory: inventoryOf([host('node0', ['nodes'])]),
    site: emptySite,
    playbook: playbook(play('p', 'nodes', [{ args: { want: { b: 'x', a: 'POISON' } } }])),
    modules: new ModuleRegistry().register(module),
    connect: async (h) => {
      if (++connects > 1 && connects <= 1 + (opts.connectFails ?? 0)) throw new Error('connection refused');
      return connect(h);
    },
    reporter: new MemoryReporter(),
    runId: 'r1',
    forks: 5,
    signal: new AbortController().signal,
  });
  return { outcome: result.hosts[0]!, task: result.hosts[0]!.tasks[0]!, device: devices.get('node0')!, log };
}

/** A rollback that says it restored the keys and does nothing (a device ignoring its revert). */
const ignoredRollback: KvModule = { ...kvModule, rollback: async () => 'restored the saved keys' };

describe('verified rollback', () => {
  it('reads the host again after the rollback; the same state is reported as verified', async () => {
    const { outcome, task, log } = await failingRun(kvModule);
    expect(outcome.status).toBe('failed');
    expect(task.rolledBack).toBe(true);
    expect(task.message).toBe(
      'node0: apply failed: set a POISON: device said no ' +
        '(rolled back (verified: the device matches its state before the run): restored the saved keys)',
    );
    expect(log.slice(-2)).toEqual(['node0: restore {"a":"1"}', 'node0: dump']);
  });

  it('a rollback that changed nothing is ROLLBACK NOT VERIFIED, naming what differs (from the plans)', async () => {
    const { outcome, task, device } = await failingRun(ignoredRollback);
    expect(device.get('b')).toBe('x');
    expect(outcome.status).toBe('failed');
    expect(task.rolledBack).toBe(false);
    expect(task.message).toBe(
      'node0: apply failed: set a POISON: device said no (ROLLBACK NOT VERIFIED: ' +
        'b: before the run the plan was create: (none) -> x, now it is in sync; ' +
        'the rollback was: restored the saved keys; check the host)',
    );
    expect(outcome.error).toBe(task.message);
  });

  it("uses the module's own comparison of two gathered states when it has one", async () => {
    const module: KvModule = {
      ...ignoredRollback,
      compareStates: (before, after) =>
        Object.keys({ ...before, ...after })
          .filter((k) => before[k] !== after[k])
          .map((k) => `key ${k} (before the run: ${before[k] ?? 'unset'}, now: ${after[k] ?? 'unset'})`),
    };
    const { task } = await failingRun(module);
    expect(task.message).toMatch(/\(ROLLBACK NOT VERIFIED: key b \(before the run: unset, now: x\); the rollback/);
  });

  it('a host that cannot be read on its connection is read on a new one; one that cannot be read is not verified', async () => {
    let reads = 0;
    const flaky: KvModule = {
      ...kvModule,
      gather: async (conn, d, ctx) => {
        // The plan's gather works; the first read after the rollback fails.
        if (++reads === 2) throw new Error('channel closed');
        return kvModule.gather(conn, d, ctx);
      },
    };
    const again = await failingRun(flaky);
    expect(reads).toBe(3);
    expect(again.task.message).toMatch(/\(rolled back \(verified: the device matches its state before the run\)/);

    reads = 0;
    const unreadable = await failingRun(flaky, { connectFails: 1 });
    expect(unreadable.task.rolledBack).toBe(false);
    expect(unreadable.task.message).toMatch(
      /\(ROLLBACK NOT VERIFIED: could not read node0 again after the rollback: connection refused; the rollback was/,
    );
  });
});
