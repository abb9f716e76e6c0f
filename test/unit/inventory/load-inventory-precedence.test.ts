import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../../src/inventory/load-inventory.js';
import type { Host } from '../../../src/core/inventory.js';

const DIR = 'test/fixtures/inventories/precedence';

async function host(name: string): Promise<Host> {
  const inv = await loadInventory(DIR);
  const found = inv.hosts.get(name);
  if (!found) throw new Error(`no host ${name}`);
  return found;
}

describe('loadInventory precedence', () => {
  it('orders groups by depth, then priority, then name, `all` first', async () => {
    expect((await host('h1')).groups).toEqual(['all', 'alpha', 'beta', 'parents', 'kids']);
    expect((await host('h3')).groups).toEqual(['all', 'zeta', 'urgent']);
  });

  it('lets a child group beat its parent, and the parent beat all', async () => {
    expect((await host('h1')).vars.level).toBe('kids-inline');
    const inv = await loadInventory(DIR);
    expect(inv.groups.get('parents')?.vars.level).toBe('parent-inline');
  });

  it('applies sibling groups in name order, unless ansible_group_priority says otherwise', async () => {
    expect((await host('h1')).vars.sibling).toBe('beta');
    expect((await host('h3')).vars.prio).toBe('urgent');
    const inv = await loadInventory(DIR);
    expect(inv.groups.get('urgent')?.priority).toBe(10);
    expect(inv.groups.get('zeta')?.priority).toBe(1);
  });

  it('lets host_vars beat inline host vars, and group_vars files beat inline group vars', async () => {
    expect((await host('h2')).vars.level).toBe('h2-file');
    expect((await host('h1')).vars.gv).toBe('kids-file');
  });

  it('follows Ansible: group_vars/all beats any group inline vars of the inventory file', async () => {
    expect((await host('h1')).vars.quirk).toBe('group_vars-all');
  });

  it('deep-merges site/node/switch and replaces other maps and lists', async () => {
    const h1 = await host('h1');
    expect(h1.vars.node).toEqual({
      trunk_nic: 'enp4s0f0',
      mtu: 1500,
      vlans: [2004],
      uplink: { switch: 'switch1', port: 'Ethernet1/3' },
    });
    expect(h1.vars.other).toEqual({ a: 9 });
    expect(h1.vars.site).toEqual({
      name: 'site1',
      nad: { namespace: 'default', cni: 'bridge' },
      vlans: [
        { id: 2003, name: 'vm-1' },
        { id: 2004, name: 'vm-2' },
      ],
    });
    expect((await host('h2')).vars.node).toEqual({ trunk_nic: 'enp4s0f0', mtu: 1500, vlans: [2003, 2004] });
  });

  it('resolves Ansible aliases, the acp-play key winning', async () => {
    const h1 = await host('h1');
    expect(h1).toMatchObject({ address: '192.0.2.11', user: 'core', port: 2222 });
    const h3 = await host('h3');
    expect(h3).toMatchObject({
      address: '192.0.2.13',
      platform: 'cisco.nxos.nxos',
      password: 'not-a-real-secret',
      become: true,
    });
    expect((await host('h2')).address).toBe('h2');
    expect((await host('h2')).port).toBeUndefined();
  });

  it('freezes hosts and their vars deeply', async () => {
    const h1 = await host('h1');
    expect(Object.isFrozen(h1)).toBe(true);
    expect(Object.isFrozen(h1.vars)).toBe(true);
    expect(Object.isFrozen((h1.vars.node as { uplink: object }).uplink)).toBe(true);
    expect(Object.isFrozen(h1.groups)).toBe(true);
    expect(() => {
      (h1.vars as Record<string, unknown>).level = 'changed';
    }).toThrow(TypeError);
  });

  it('lists every file read, in load order', async () => {
    const inv = await loadInventory(DIR);
    expect(inv.files).toEqual([
      `${DIR}/hosts.yaml`,
      `${DIR}/group_vars/all.yaml`,
      `${DIR}/group_vars/kids/10-node.yaml`,
      `${DIR}/group_vars/kids/20-more.yml`,
      `${DIR}/host_vars/h1.yaml`,
      `${DIR}/host_vars/h2.yml`,
    ]);
    // h3 sets address and ansible_host to different addresses on purpose (address wins): the one warning
    expect(inv.warnings!.map((w) => [w.location?.line, w.message.replace(/ \(.*\) /, ' ')])).toEqual([
      [
        45,
        'h3: address "192.0.2.13" and ansible_host "198.51.100.13" disagree; acp-play uses address "192.0.2.13", ' +
          'Ansible would use ansible_host "198.51.100.13"',
      ],
    ]);
  });
});
