import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../../src/inventory/load-inventory.js';

const DIR = 'test/fixtures/inventories/precedence';

describe('Inventory.locate', () => {
  it('points at a nested value in a group_vars file', async () => {
    const inv = await loadInventory(DIR);
    const h2 = inv.hosts.get('h2');
    expect(h2?.origins.site).toMatchObject({ file: `${DIR}/group_vars/all.yaml`, yamlPath: ['site'] });
    // group_vars/all.yaml line 10 is "    - id: 2004"; the value 2004 starts at column 11.
    expect(inv.locate(h2!.origins.site!, ['vlans', 1, 'id'])).toEqual({
      file: `${DIR}/group_vars/all.yaml`,
      line: 10,
      col: 11,
    });
    expect(inv.locate(h2!.origins.node!, ['trunk_nic'])).toEqual({
      file: `${DIR}/group_vars/kids/10-node.yaml`,
      line: 2,
      col: 14,
    });
  });

  it('finds a nested path in the lower file a deep-merged key came from', async () => {
    const inv = await loadInventory(DIR);
    const origin = inv.hosts.get('h1')!.origins.node!;
    expect(origin.file).toBe(`${DIR}/host_vars/h1.yaml`);
    expect(inv.locate(origin, ['uplink', 'port'])).toEqual({ file: `${DIR}/host_vars/h1.yaml`, line: 4, col: 11 });
    expect(inv.locate(origin, ['mtu'])).toEqual({ file: `${DIR}/group_vars/kids/10-node.yaml`, line: 3, col: 8 });
  });

  it('falls back to the deepest existing node for a missing path', async () => {
    const inv = await loadInventory(DIR);
    const origin = inv.hosts.get('h1')!.origins.node!;
    expect(inv.locate(origin, ['uplink', 'nope'])).toEqual({ file: `${DIR}/host_vars/h1.yaml`, line: 3, col: 5 });
  });

  it('points at inline YAML host vars and INI values', async () => {
    const inv = await loadInventory(DIR);
    const h1 = inv.hosts.get('h1')!;
    expect(inv.locate(h1.origins.ansible_port!)).toEqual({ file: `${DIR}/hosts.yaml`, line: 20, col: 29 });
    const ini = await loadInventory('test/fixtures/inventories/ini-edge');
    const node0 = ini.hosts.get('node0')!;
    expect(ini.locate(node0.origins.ansible_host!)).toEqual({
      file: 'test/fixtures/inventories/ini-edge/hosts',
      line: 11,
      col: 20,
    });
  });
});
