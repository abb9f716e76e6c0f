import { describe, expect, it } from 'vitest';
import { graphInventory, hostVarsListing, listInventory } from '../../../src/inventory/inventory-listing.js';
import { loadInventory } from '../../../src/inventory/load-inventory.js';
import { isSecretVarName, maskSecretVars } from '../../../src/inventory/secret-vars.js';

const inv = await loadInventory('test/fixtures/inventories/precedence');

describe('inventory listings', () => {
  it('prints the ansible-inventory --graph tree', () => {
    expect(graphInventory(inv, 'parents')).toBe('@parents:\n  |--@kids:\n  |  |--h1\n  |  |--h2\n');
    // In inventory order, as ansible-inventory prints it (ungrouped first: Ansible creates it first).
    expect(graphInventory(inv).split('\n').slice(0, 3)).toEqual(['@all:', '  |--@ungrouped:', '  |--@parents:']);
  });

  it('lists groups and merged hostvars, narrowed by --limit', () => {
    const listed = listInventory(inv, { limit: 'kids' });
    expect(Object.keys((listed._meta as { hostvars: object }).hostvars)).toEqual(['h1', 'h2']);
    expect(listed.kids).toEqual({ hosts: ['h1', 'h2'] });
    expect(listed.zeta).toBeUndefined();
    expect((listInventory(inv, { export: true }).kids as { vars: object }).vars).toMatchObject({ gv: 'kids-file' });
  });

  it('masks secrets in every output', () => {
    expect(hostVarsListing(inv, 'h3').ansible_ssh_pass).toBe('********');
    expect(JSON.stringify(listInventory(inv))).not.toContain('not-a-real-secret');
    expect(() => hostVarsListing(inv, 'h4')).toThrow(/h4 is not in the inventory/);
  });

  it('knows secret variable names', () => {
    for (const name of [
      'password',
      'ansible_password',
      'ansible_ssh_pass',
      'ansible_become_password',
      'ansible_become_pass',
      'enable_secret',
    ])
      expect(isSecretVarName(name)).toBe(true);
    for (const name of ['password_env', 'passive', 'user']) expect(isSecretVarName(name)).toBe(false);
    expect(maskSecretVars({ provider: { password: 'x', user: 'u' }, list: [{ ansible_password: 'y' }] })).toEqual({
      provider: { password: '********', user: 'u' },
      list: [{ ansible_password: '********' }],
    });
  });
});
