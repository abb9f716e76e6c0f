import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/core/errors.js';
import { listInventory } from '../../../src/inventory/inventory-listing.js';
import { loadInventory } from '../../../src/inventory/load-inventory.js';
import { loadProblems } from './inventory-test-helpers.js';

const CORPUS = 'test/fixtures/ansible-inventory';

/**
 * Inventories of the corpus (see MANIFEST.tsv) with their host counts; every inventory of the corpus is compared with
 * the real ansible-inventory in test/integration/inventory/ansible-differential.test.ts.
 */
const INVENTORIES: [path: string, hosts: number][] = [
  ['ansible_complex.ini', 8],
  ['ansible_valid_sample.yml', 1],
  ['ansible_inventory_yaml_test.yml', 7],
  ['ansible_inventory_ini.ini', 2],
  ['ansible_unicode_inventory.ini', 1],
  ['ansible_special_vars_hosts.ini', 3],
  ['ansible_group_by/inventory.group_by', 3],
  ['ansible_constructed_invs1/one.yml', 1],
  ['ansible_hash/test_inv1.yml', 1],
  ['ansible_hash/test_inv2.yml', 1],
  ['sbx_nxos', 4],
  ['sbx_nxos_hosts-groups.ini', 1],
  ['avd_single-dc-l3ls/inventory.yml', 9],
  ['redhatedge_example-network-config_inventory.yml', 1],
];

/** Every list sorted (hosts and children), at every depth. */
function sortLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortLists).sort();
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortLists(v)]));
}

describe('the Ansible inventory corpus', () => {
  it.each(INVENTORIES)('loads %s', async (path, hosts) => {
    const inv = await loadInventory(`${CORPUS}/${path}`);
    expect(inv.hosts.size).toBe(hosts);
    for (const host of inv.hosts.values()) expect(host.groups[0]).toBe('all');
  });

  it('gives the groups, hosts and vars of the output Ansible recorded for the YAML test inventory', async () => {
    // success.json was recorded by an ansible-inventory that sorted hosts and children; ansible-core 2.19 keeps
    // the inventory's order (test/integration/inventory/ansible-differential.test.ts compares with it).
    const inv = await loadInventory(`${CORPUS}/ansible_inventory_yaml_test.yml`);
    const expected: unknown = JSON.parse(readFileSync(`${CORPUS}/ansible_inventory_yaml_success.json`, 'utf8'));
    expect(sortLists(listInventory(inv))).toEqual(sortLists(expected));
  });

  it('merges group_vars and host_vars of network inventories', async () => {
    const sbx = await loadInventory(`${CORPUS}/sbx_nxos`);
    expect(sbx.hosts.get('172.16.30.101')?.vars).toMatchObject({ ospf: { process: 0, area: 0 }, bgp: { asn: 65531 } });
    expect(sbx.hosts.get('172.16.30.101')?.groups).toEqual(['all', 'distribution', 'spine', 'switches']);
    const avd = await loadInventory(`${CORPUS}/avd_single-dc-l3ls/inventory.yml`);
    expect(avd.hosts.get('dc1-leaf1a')).toMatchObject({
      address: '172.16.1.101',
      user: 'ansible',
      platform: 'arista.eos.eos',
      become: true,
    });
    expect(avd.hosts.get('dc1-leaf1a')?.vars.type).toBe('l3leaf');
    expect(avd.hosts.get('dc1-leaf1a')?.groups).toEqual([
      'all',
      'CONNECTED_ENDPOINTS',
      'FABRIC',
      'NETWORK_SERVICES',
      'DC1',
      'DC1_L3_LEAVES',
    ]);
  });

  it('puts hosts of `all` and hosts before any section in ungrouped', async () => {
    const inv = await loadInventory(`${CORPUS}/ansible_complex.ini`);
    expect(inv.groups.get('ungrouped')?.hosts).toEqual(['ihavenogroup', 'hostinall']);
    expect(inv.hosts.get('test2')?.groups).toEqual([
      'all',
      'parent_1',
      'parent_2',
      'parent_3',
      'test_group1',
      'test_group3',
    ]);
    expect(inv.hosts.get('test2')?.vars).toEqual({
      ansible_connection: 'local',
      myvar: 'something2',
      othervar: 'stuff',
    });
  });

  it('fails on the invalid sample with a located message', async () => {
    const problems = await loadProblems(`${CORPUS}/ansible_invalid_sample.yml`);
    expect(problems.map(formatProblem)).toEqual([
      `${CORPUS}/ansible_invalid_sample.yml:6:11: variable name 7.2 is not a string — quote it ("7.2") or fix the indentation`,
    ]);
  });
});
