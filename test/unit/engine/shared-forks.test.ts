import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../../src/core/inventory.js';
import type { Transport } from '../../../src/core/transport.js';
import { applyRun } from '../../../src/engine/apply-run.js';
import { sharedForkLimit } from '../../../src/engine/fork-limit.js';
import { ModuleRegistry } from '../../../src/engine/module-registry.js';
import { planRun } from '../../../src/engine/plan-run.js';
import type { RunOptions } from '../../../src/engine/run-options.js';
import { MemoryReporter } from '../../../src/report/plain-reporter.js';
import {
  emptySite,
  fakeTransport,
  host,
  inventoryOf,
  kvModule,
  play,
  playbook,
  type Devices,
} from '../../helpers/engine-harness.js';

/** Devices whose every command takes a while, counting the commands running at once across every site. */
function busyDevices() {
  const devices: Devices = new Map();
  let running = 0;
  let most = 0;
  const connect = async (h: Host): Promise<Transport> => {
    const inner = fakeTransport(h.name, devices, []);
    return {
      ...inner,
      async exec(cmd, opts) {
        running++;
        most = Math.max(most, running);
        try {
          await sleep(15);
          return await inner.exec(cmd, opts);
        } finally {
          running--;
        }
      },
    };
  };
  return { devices, connect, most: () => most };
}

/** Three sites of four hosts each, on the same busy devices. */
function sites(fleet: ReturnType<typeof busyDevices>, forks: number, shared: boolean): RunOptions[] {
  const forkLimit = shared ? sharedForkLimit(forks) : undefined;
  return ['a', 'b', 'c'].map((site) => {
    const hosts = [0, 1, 2, 3].map((i) => host(`${site}-node${i}`, ['nodes']));
    for (const h of hosts) fleet.devices.set(h.name, new Map([['vlan', '1']]));
    return {
      inventory: inventoryOf(hosts),
      site: emptySite,
      playbook: playbook(play('p', 'nodes', [{ args: { want: { vlan: '2' } } }])),
      modules: new ModuleRegistry().register(kvModule),
      connect: fleet.connect,
      reporter: new MemoryReporter(),
      runId: site,
      forks,
      ...(forkLimit ? { forkLimit } : {}),
      signal: new AbortController().signal,
    };
  });
}

describe('one --forks budget shared by the sites of a fleet run', () => {
  it('plans and applies three sites at once with never more than --forks hosts at work across them', async () => {
    const fleet = busyDevices();
    const runs = sites(fleet, 3, true);
    const plans = await Promise.all(runs.map((r) => planRun(r)));
    expect(plans.map((p) => p.summary.changes)).toEqual([4, 4, 4]);
    expect(fleet.most()).toBe(3);
    const results = await Promise.all(runs.map((r, i) => applyRun({ ...r, approved: plans[i]! })));
    expect(results.flatMap((r) => r.hosts.map((h) => h.status))).toEqual(Array(12).fill('changed'));
    expect(fleet.most()).toBe(3);
    expect([...fleet.devices.values()].map((d) => d.get('vlan'))).toEqual(Array(12).fill('2'));
  });

  it('without the shared budget each site has its own, and the fleet works on more hosts at once', async () => {
    const fleet = busyDevices();
    await Promise.all(sites(fleet, 3, false).map((r) => planRun(r)));
    expect(fleet.most()).toBeGreaterThan(3);
  });
});
