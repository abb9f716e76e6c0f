import { describe, expect, it } from 'vitest';
import type { SwitchModel } from '../../../src/core/site.js';
import type { RunPlan } from '../../../src/core/run.js';
import { applyRun } from '../../../src/engine/apply-run.js';
import { ModuleRegistry } from '../../../src/engine/module-registry.js';
import { planRun } from '../../../src/engine/plan-run.js';
import type { RunOptions } from '../../../src/engine/run-options.js';
import { MemoryReporter } from '../../../src/report/plain-reporter.js';
import { runJson } from '../../../src/report/run-json.js';
import { inventoryOf, play, playbook } from '../../helpers/engine-harness.js';
import { cumulusFixture, FakeCumulusHost, INTERFACES } from './cumulus-fake-host.js';
import { siteWith, switchHost, switchPortsModule, switchVlansModule } from './switch-driver-harness.js';

/** leaf1 of the Cumulus lab (test/fixtures/lab-cumulus), as the recordings were made from it. */
function leaf1(): SwitchModel {
  const trunk = (name: string, description: string, nativeVlan?: number) => ({
    name,
    description,
    enabled: true,
    mode: 'trunk' as const,
    allowedVlans: [2003, 2004, 2005],
    policy: 'replace' as const,
    ...(nativeVlan ? { nativeVlan } : {}),
  });
  return {
    name: 'switch1',
    host: switchHost('cumulus'),
    platform: 'cumulus',
    vlans: [2003, 2004, 2005].map((id) => ({ id, name: `virtual-machines-${id - 2002}` })),
    ports: [
      trunk('swp1', 'node0-virtualization'),
      trunk('swp2', 'node1-virtualization', 2003),
      {
        name: 'swp3',
        description: 'node0-cluster',
        enabled: true,
        mode: 'access',
        accessVlan: 2004,
        policy: 'replace',
      },
    ],
    save: false,
  };
}

describe('a Cumulus plan saved and applied from its file', () => {
  it('holds each task’s whole interfaces file, and writes exactly the saved one', async () => {
    const model = leaf1();
    const device = new FakeCumulusHost(['before', 'after-vlans', 'after-ports']);
    const opts: RunOptions = {
      inventory: inventoryOf([model.host]),
      site: siteWith(model),
      playbook: playbook(
        play('Switch VLAN definitions', 'switches', [{ name: 'VLANs', module: 'switch_vlans' }]),
        play('Switch ports', 'switches', [{ name: 'Ports', module: 'switch_ports' }]),
      ),
      modules: new ModuleRegistry().register(switchVlansModule).register(switchPortsModule),
      connect: async () => device,
      reporter: new MemoryReporter(),
      runId: 'r1',
      forks: 1,
      signal: new AbortController().signal,
    };
    const plan = JSON.parse(runJson(await planRun(opts))) as RunPlan;
    const [vlans, ports] = plan.hosts[0]!.tasks;
    expect(vlans!.changes.map((c) => [c.address, c.pass])).toEqual([
      ['switch1/switch_vlans/vlan 2004', 'forward'],
      ['switch1/switch_vlans/vlan 2005', 'forward'],
    ]);
    expect(vlans!.document).toBe(cumulusFixture('after-vlans.interfaces'));
    expect(ports!.document).toContain('iface swp3');
    const uploads: string[] = [];
    const upload = device.upload.bind(device);
    device.upload = async (path, content, o) => {
      uploads.push(content.toString());
      return upload(path, content, o);
    };
    const result = await applyRun({ ...opts, approved: plan, fromPlanFile: true });
    expect(result.hosts[0]!.status, JSON.stringify(result.hosts[0])).toBe('changed');
    // The first step writes the saved document as it is; the second runs on the file the first one left.
    expect(uploads[0]).toBe(vlans!.document);
    expect(device.files.get(INTERFACES)).toBe(cumulusFixture('after-ports.interfaces'));
  });
});
