import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/core/errors.js';
import { listInventory } from '../../../src/inventory/inventory-listing.js';
import { loadInventory } from '../../../src/inventory/load-inventory.js';
import { loadProblems } from './inventory-test-helpers.js';

const CORPUS = 'test/fixtures/ansible-inventory';

/** Every inventory of the corpus (see MANIFEST.tsv) with its host count. */
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

describe('the Ansible inventory corpus', () => {
  it('covers every inventory listed in MANIFEST.tsv', () => {
    const manifest = readFileSync(`${CORPUS}/MANIFEST.tsv`, 'utf8').split('\n').slice(1).filter(Boolean);
    const tops = new Set(manifest.map((line) => line.split('\t')[0]?.split('/')[0]));
    const covered = new Set([
      ...INVENTORIES.map(([p]) => p.split('/')[0]),
      'ansible_invalid_sample.yml',
      'ansible_inventory_yaml_success.json',
    ]);
    expect([...tops].filter((t) => !covered.has(t))).toEqual([]);
  });

  it.each(INVENTORIES)('loads %s', async (path, hosts) => {
    const inv = await loadInventory(`${CORPUS}/${path}`);
    expect(inv.hosts.size).toBe(hosts);
    for (const host of inv.hosts.values()) expect(host.groups[0]).toBe('all');
  });

  it('gives the output ansible-inventory gives for the YAML test inventory', async () => {
    const inv = await loadInventory(`${CORPUS}/ansible_inventory_yaml_test.yml`);
    const expected: unknown = JSON.parse(readFileSync(`${CORPUS}/ansible_inventory_yaml_success.json`, 'utf8'));
    expect(listInventory(inv)).toEqual(expected);
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
