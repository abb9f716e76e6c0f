import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fleetSites } from '../../../src/fleet/fleet-sites.js';
import { selectSites } from '../../../src/fleet/select-sites.js';
import { ConfigError } from '../../../src/core/errors.js';
import { loadInventory } from '../../../src/inventory/load-inventory.js';

const root = mkdtempSync(join(tmpdir(), 'acp-fleet-loader-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const HOSTS =
  'all:\n  vars:\n    dns: site-inline\n  children:\n    nodes:\n      hosts:\n        node0: {address: 127.0.0.1}\n';

// fleet/: group_vars for all, nodes and a group only some sites have; site1 overrides some of it, site2 none.
write('fleet/group_vars/all.yaml', 'ntp: fleet\ndns: fleet\nregion: fleet\nsite: {name: fleet-default}\n');
write('fleet/group_vars/nodes.yaml', 'mtu: 1500\nregion: fleet-nodes\n');
write('fleet/group_vars/arista_switches.yaml', 'mtu: 9216\n');
write('fleet/site1/hosts.yaml', HOSTS);
write('fleet/site1/group_vars/all.yaml', 'region: site1\n');
write('fleet/site2/hosts.yaml', 'all:\n  children:\n    nodes:\n      hosts:\n        node0: {address: 127.0.0.1}\n');
write('fleet/site2/host_vars/node0.yaml', 'mtu: 9000\n');
write('fleet/unfinished/README', 'a site being written\n');
write('fleet/.git/config', '');
// An inventory with a sub-folder: the sub-folder is not a fleet site, and the inventory is not a fleet.
write('inventory/hosts.yaml', HOSTS);
write('inventory/group_vars/all.yaml', 'ntp: parent\n');
write('inventory/nested/hosts.yaml', HOSTS);

describe('fleet loader', () => {
  it('a folder without a hosts file whose subfolders hold site inventories is a fleet: every subfolder but hidden ones and group_vars/host_vars is a site', () => {
    expect(fleetSites(join(root, 'fleet'))?.map((s) => s.name)).toEqual(['site1', 'site2', 'unfinished']);
    expect(fleetSites(join(root, 'fleet', 'site1'))).toBeUndefined();
    expect(fleetSites(join(root, 'inventory'))).toBeUndefined();
    expect(fleetSites(join(root, 'fleet', 'unfinished'))).toBeUndefined();
    expect(fleetSites(join(root, 'nowhere'))).toBeUndefined();
  });

  it("the repository's inventories/ is a fleet holding site1: what the sharded apply Job runs on", () => {
    const repoInventories = join(import.meta.dirname, '..', '..', '..', 'inventories');
    expect(fleetSites(repoInventories)?.map((s) => s.name)).toContain('site1');
  });

  it("stacks the fleet's group_vars below everything a site sets: fleet all < fleet groups < site inline vars < site group_vars < host_vars", async () => {
    const site1 = (await loadInventory(join(root, 'fleet', 'site1'))).hosts.get('node0')!;
    expect(site1.vars).toMatchObject({ ntp: 'fleet', dns: 'site-inline', region: 'site1', mtu: 1500 });
    const site2 = await loadInventory(join(root, 'fleet', 'site2'));
    expect(site2.hosts.get('node0')!.vars).toMatchObject({
      ntp: 'fleet',
      dns: 'fleet',
      region: 'fleet-nodes',
      mtu: 9000,
    });
    expect(site2.hosts.get('node0')!.vars.site).toEqual({ name: 'fleet-default' });
  });

  it("points at the fleet's file for what it set, counts it among the site's inputs, and warns of no group the site lacks", async () => {
    const inventory = await loadInventory(join(root, 'fleet', 'site2'));
    const node0 = inventory.hosts.get('node0')!;
    expect(inventory.locate(node0.origins.ntp!)).toMatchObject({
      file: join(root, 'fleet/group_vars/all.yaml'),
      line: 1,
    });
    expect(inventory.files).toContain(join(root, 'fleet/group_vars/nodes.yaml'));
    expect(inventory.warnings ?? []).toEqual([]);
  });

  it('a folder inside an inventory (the parent has a hosts file) inherits nothing from it', async () => {
    const nested = await loadInventory(join(root, 'inventory', 'nested'));
    expect(nested.hosts.get('node0')!.vars.ntp).toBeUndefined();
  });

  it('--sites picks sites by comma-separated globs; a glob matching no site is bad input with a suggestion', () => {
    const all = fleetSites(join(root, 'fleet'))!;
    expect(selectSites(all, { sites: 'site*' }).map((s) => s.name)).toEqual(['site1', 'site2']);
    expect(selectSites(all, { sites: 'site2, unf*' }).map((s) => s.name)).toEqual(['site2', 'unfinished']);
    expect(() => selectSites(all, { sites: 'stie1' })).toThrow(ConfigError);
    expect(() => selectSites(all, { sites: 'stie1' })).toThrow(/did you mean `site1`/);
  });
});
