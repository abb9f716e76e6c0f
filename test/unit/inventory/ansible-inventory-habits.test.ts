import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../../src/inventory/load-inventory.js';
import { runCli } from '../../helpers/cli-run.js';
import { loadProblems, writeInventory } from './inventory-test-helpers.js';

/** Inventories written as Ansible users write them, read as Ansible reads them (issue: Ansible habits). */

const SEVERAL = 'test/fixtures/ansible-inventory/probes/several_sources';

describe('an inventory folder of several sources', () => {
  it('is every inventory file in it, YAML and INI, sub-folders too, skipping what Ansible skips', async () => {
    const inventory = await loadInventory(SEVERAL);
    expect([...inventory.hosts.keys()]).toEqual(['node0', 'node1', 'switch1', 'node2']);
    expect([...inventory.groups.keys()]).toEqual(
      expect.arrayContaining(['nodes', 'switches', 'site', 'extra', 'ungrouped']),
    );
    expect(inventory.hosts.has('not-a-host')).toBe(false); // README.md
    expect(inventory.hosts.has('retry-host')).toBe(false); // site.retry
    // a host variable of one file beats a group variable of another; group_vars/ beside the sources applies to all
    expect(inventory.hosts.get('node1')!.vars).toMatchObject({ shared: 'from-yaml', site_name: 'probe' });
    expect(inventory.hosts.get('node0')!.vars).toMatchObject({ shared: 'from-ini' });
    expect(inventory.hosts.get('switch1')!.address).toBe('192.0.2.10');
  });
});

describe('a file in the inventory folder that is not an inventory', () => {
  it('is left out with a warning that says where, never what it holds; an SSH key is not even warned about', async () => {
    const dir = writeInventory({
      'hosts.yaml': 'all:\n  hosts:\n    node0:\n',
      'api-token': 'token S3CRET-T0KEN-VALUE\n',
      'ssh-key': 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKEYMATERIAL ops@example.com\n',
    });
    const inventory = await loadInventory(dir);
    const warnings = (inventory.warnings ?? []).map((w) => w.message);
    expect(warnings).toEqual([
      `${dir}/api-token is not read: it is neither a YAML nor an INI inventory (as INI, line 1 is not an inventory line)`,
    ]);
    expect(JSON.stringify(inventory.warnings)).not.toMatch(/S3CRET|KEYMATERIAL/);
  });
});

describe('an inventory with no host', () => {
  it.each([
    ['an empty hosts.yaml', { 'hosts.yaml': '' }],
    ['groups without hosts', { 'hosts.yaml': 'all:\n  children:\n    nodes:\n    switches:\n' }],
    ['an INI file of empty sections', { hosts: '[nodes]\n\n[switches]\n' }],
  ])('is invalid input (exit 3): %s', async (_what, files) => {
    const dir = writeInventory({ ...files, 'group_vars/all.yaml': 'site:\n  vlans: []\n' });
    const problems = await loadProblems(dir);
    expect(problems.map((p) => p.message)).toEqual([`the inventory ${dir} names no host`]);
    const run = await runCli(['validate', dir]);
    expect(run.code).toBe(3);
    expect(run.err).toContain(`names no host`);
    expect(run.err).toMatch(/list hosts in .*hosts/);
  });
});

describe('address and ansible_host both set', () => {
  it('warns naming both values when they disagree, and uses address', async () => {
    const dir = writeInventory({
      hosts: '[nodes]\nnode0 ansible_host=192.0.2.6 ansible_user=core\nnode1 ansible_host=192.0.2.7\n',
      'host_vars/node0.yml': 'address: 192.0.2.5\nuser: core\n',
      'host_vars/node1.yml': 'address: 192.0.2.7\n',
    });
    const inventory = await loadInventory(dir);
    expect(inventory.hosts.get('node0')!.address).toBe('192.0.2.5');
    expect(inventory.warnings).toEqual([
      {
        severity: 'warning',
        location: { file: `${dir}/hosts`, line: 2, col: 20 },
        message:
          `node0: address "192.0.2.5" (${dir}/host_vars/node0.yml:1) and ansible_host "192.0.2.6" disagree; ` +
          'acp-play uses address "192.0.2.5", Ansible would use ansible_host "192.0.2.6"',
        fix: 'set one of them, or give both the same value',
      },
    ]);
  });

  it('warns about port and user too, but never compares passwords', async () => {
    const dir = writeInventory({
      'hosts.yaml':
        'all:\n  hosts:\n    sw1:\n      ansible_port: 2222\n      port: 22\n      ansible_user: admin\n' +
        '      user: netops\n      ansible_password: a\n      password: b\n',
    });
    const messages = (await loadInventory(dir)).warnings!.map((w) => w.message);
    expect(messages).toEqual([
      expect.stringMatching(/^sw1: port 22 .* and ansible_port 2222 disagree/),
      expect.stringMatching(/^sw1: user "netops" .* and ansible_user "admin" disagree/),
    ]);
  });
});
