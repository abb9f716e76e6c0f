import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../../src/inventory/load-site.js';
import { kernelLabPlaybook, writeKernelLabInventory } from '../../../packages/lab/src/kernel/kernel-lab-inventory.js';
import { parsePlaybook } from '../../../src/playbook/load-playbook.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';

describe('the kernel lab inventory and playbooks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acp-kernel-inv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is inventories/site1 with the nodes reached as root with the lab key, and loads as a valid site', async () => {
    const inv = await writeKernelLabInventory(dir);
    expect(inv).toBe(join(dir, 'inventories', 'lab'));
    expect(readFileSync(join(inv, 'host_vars', 'switch1.yaml'), 'utf8')).toBe(
      readFileSync('inventories/site1/host_vars/switch1.yaml', 'utf8'),
    );
    const site = await loadSite(inv, defaultPlatforms());
    expect(site.site.nodes.map((n) => [n.name, n.host.address, n.host.user])).toEqual([
      ['node0', '172.16.0.10', 'root'],
      ['node1', '172.16.0.11', 'root'],
      ['node2', '172.16.0.12', 'root'],
    ]);
    expect(site.site.nodes[0]!.host.become).toBe(false);
    expect(site.site.nodes[0]!.host.vars['ssh_private_key_file']).toBe('../../keys/client');
  });

  it('has the site play order with a short nmstate window; faults.yaml lets the other nodes carry on', () => {
    const site = parsePlaybook(kernelLabPlaybook({ timeoutS: 15, stopAtFirstFailure: true }), 'site.yaml');
    expect(site.plays.map((p) => p.name)).toEqual(['Switch VLAN definitions', 'Switch ports', 'Node VLAN bridges']);
    expect(site.plays[2]!.serial).toEqual([{ count: 1 }]);
    expect(site.plays[2]!.maxFailPercentage).toBe(0);
    expect(site.plays[2]!.tasks[0]!.args).toEqual({ timeout: 15 });
    const faults = parsePlaybook(kernelLabPlaybook({ timeoutS: 10, stopAtFirstFailure: false }), 'faults.yaml');
    expect(faults.plays[2]!.maxFailPercentage).toBe(100);
  });
});
