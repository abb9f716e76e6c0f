import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/core/inventory.js';
import type { Site } from '../../../src/core/site.js';
import { applyRun } from '../../../src/engine/apply-run.js';
import { defaultModules } from '../../../src/engine/default-modules.js';
import { planRun } from '../../../src/engine/plan-run.js';
import type { RunOptions } from '../../../src/engine/run-options.js';
import { loadInventory } from '../../../src/inventory/load-inventory.js';
import { loadSite, siteFromInventory } from '../../../src/inventory/load-site.js';
import { readOwnershipRecord } from '../../../src/inventory/ownership-record.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';
import { loadPlaybook } from '../../../src/playbook/load-playbook.js';
import { MemoryReporter } from '../../../src/report/plain-reporter.js';
import { renderSite } from '../../../src/template/render-site.js';
import { FakeOsDevice } from '../../helpers/fake-os-device.js';
import { fakeOsPlatform } from '../../helpers/fake-os/fake-os-platform.js';

/**
 * docs/platforms.md says a new platform is its folder, its template and one registry line. fake_os is such a
 * platform, defined only in the tests (test/helpers/fake-os, test/fixtures/fake-os/templates), and added to a registry
 * built here: it validates, renders, plans and applies through the shipped inventory, template and engine code.
 */
const FIXTURES = 'test/fixtures/fake-os';
const INVENTORY = `${FIXTURES}/inventory`;
const platforms = defaultPlatforms().with(fakeOsPlatform);

let inventory: Inventory;
let site: Site;
// apply records the VLANs it creates in the site's ownership record: here a temp file, not the fixture folder.
const ownershipFile = join(mkdtempSync(join(tmpdir(), 'acp-fake-os-')), '.acp-play-owned.yaml');
beforeAll(async () => {
  ({ inventory, site } = await loadSite(INVENTORY, platforms));
  site = { ...site, ownershipFile };
});
afterAll(() => rmSync(dirname(ownershipFile), { recursive: true, force: true }));

async function runOptions(device: FakeOsDevice): Promise<RunOptions> {
  return {
    inventory,
    site,
    playbook: await loadPlaybook('playbooks/site.yaml'),
    modules: defaultModules(platforms),
    connect: async () => device,
    reporter: new MemoryReporter(),
    runId: 'r1',
    forks: 5,
    signal: new AbortController().signal,
  };
}

describe('a new switch platform: its folder, its template and one registry line', () => {
  it('is an unknown platform to the shipped registry', async () => {
    await expect(loadSite(INVENTORY, defaultPlatforms())).rejects.toThrow(
      'unknown platform "acme.fake_os.fake_os" on switch1',
    );
  });

  it('validates an inventory that names it by its alias, and checks its own host variables', async () => {
    expect(site.switches.map((s) => [s.name, s.platform, s.ports.map((p) => p.name)])).toEqual([
      ['switch1', 'fake_os', ['ETH3', 'eth48', 'eth1']],
    ]);
    const raw = await loadInventory(INVENTORY);
    const switch1 = raw.hosts.get('switch1')!;
    const wrong = { ...raw, hosts: new Map([['switch1', { ...switch1, vars: { ...switch1.vars, fake_profile: 7 } }]]) };
    expect(() => siteFromInventory(wrong, platforms)).toThrow('fake_profile must be a string, found 7');
  });

  it('renders its configuration with its own template', () => {
    const files = renderSite(site, { platforms, cwd: FIXTURES, limit: ['switch1'] });
    expect(files.map((f) => f.path)).toEqual(['switches/switch1.fake_os.conf']);
    expect(files[0]!.text).toBe(
      [
        'vlan 2000 name oob',
        'vlan 2003 name vm1',
        'vlan 2004 name vm2',
        'port ETH3 mode trunk',
        'port ETH3 allowed 2003-2004',
        'port ETH3 description node0-vm',
        'port ETH3 shutdown no',
        'port eth48 mode trunk',
        'port eth48 native 2000',
        'port eth48 allowed 2000,2003-2004',
        'port eth48 description uplink',
        'port eth48 shutdown no',
        'port eth1 mode access',
        'port eth1 access 2000',
        'port eth1 description node0-oob',
        'port eth1 shutdown no',
        '',
      ].join('\n'),
    );
  });

  it("gathers and plans through the engine's planRun against a stub device, with the platform's commands", async () => {
    const device = new FakeOsDevice('switch1', `${FIXTURES}/device/show-config.txt`);
    const plan = await planRun(await runOptions(device));
    expect(device.log).toEqual(['show config', 'show config']);
    const tasks = plan.hosts.find((h) => h.host === 'switch1')!.tasks;
    expect(tasks.map((t) => [t.module, t.changes.map((c) => [c.resource, c.commands.map((x) => x.text)])])).toEqual([
      ['switch_vlans', [['vlan 2004', ['vlan 2004 name vm2']]]],
      [
        'switch_ports',
        [
          ['eth3', ['port eth3 allowed 2003-2004']],
          ['eth1', ['port eth1 mode access', 'port eth1 access 2000', 'port eth1 description node0-oob']],
        ],
      ],
    ]);
    expect(tasks[1]!.inSync.map((s) => s.reason)).toContain(
      'eth48 already matches (trunk, native 2000, allowed 2000,2003-2004)',
    );
  });

  it('applies the reviewed plan under its safety net, and then plans nothing', async () => {
    const device = new FakeOsDevice('switch1', `${FIXTURES}/device/show-config.txt`);
    const approved = await planRun(await runOptions(device));
    device.log.length = 0;
    const result = await applyRun({ ...(await runOptions(device)), approved });
    expect(result.hosts.map((h) => [h.host, h.status])).toEqual([['switch1', 'changed']]);
    expect(device.log.filter((l) => !l.startsWith('show'))).toEqual([
      'save acp-play-r1-1',
      'vlan 2004 name vm2',
      'discard acp-play-r1-1',
      'save acp-play-r1-2',
      'port eth3 allowed 2003-2004',
      'port eth1 mode access',
      'port eth1 access 2000',
      'port eth1 description node0-oob',
      'discard acp-play-r1-2',
    ]);
    const again = await planRun(await runOptions(device));
    expect(again.summary).toEqual({ changes: 0, hostsWithChanges: 0, failed: 0, notPlanned: 0 });
    expect(readOwnershipRecord(ownershipFile).get('switch1')).toEqual([
      { id: 2004, name: 'vm2', run: 'r1', at: expect.any(String) },
    ]);
  });
});
