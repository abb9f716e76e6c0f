import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { selectHosts } from '../../../src/inventory/host-pattern.js';
import { loadInventory } from '../../../src/inventory/load-inventory.js';

const inv = await loadInventory('test/fixtures/inventories/ini-edge');
const names = (pattern: string): string[] => selectHosts(inv, pattern).map((h) => h.name);

describe('selectHosts', () => {
  it('selects a host, a group, all and *', () => {
    expect(names('node1')).toEqual(['node1']);
    expect(names('nodes')).toEqual(['node0', 'node1']);
    expect(names('parents')).toEqual(['node0', 'node1', 'switch1']);
    expect(names('all')).toHaveLength(7);
    expect(names('*')).toEqual(names('all'));
  });

  it('unions with : and , in inventory order', () => {
    expect(names('switches:ungrouped1')).toEqual(['ungrouped1', 'switch1']);
    expect(names('switch1,node0')).toEqual(['node0', 'switch1']);
  });

  it('excludes with ! and intersects with &', () => {
    expect(names('parents:!switches')).toEqual(['node0', 'node1']);
    expect(names('parents:&switches')).toEqual(['switch1']);
    expect(names('!ungrouped')).toEqual(['node0', 'node1', 'switch1']);
  });

  it('matches globs and ~regexes on groups and hosts', () => {
    expect(names('node*')).toEqual(['node0', 'node1']);
    expect(names('switch?')).toEqual(['switch1']);
    expect(names('web0[13]*')).toEqual(['web01.example.com', 'web03.example.com']);
    expect(names('~(node|switch)1')).toEqual(['node1', 'switch1']);
    expect(names('~sw')).toEqual(['switch1']);
  });

  it('takes Ansible subscripts', () => {
    expect(names('nodes[0]')).toEqual(['node0']);
    expect(names('parents[-1]')).toEqual(['switch1']);
    expect(names('parents[0:1]')).toEqual(['node0', 'node1']);
  });

  it('fails with a did-you-mean when a term matches nothing', () => {
    const attempt = (): unknown => selectHosts(inv, 'nodes:swich1');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow('pattern swich1 matches no host — did you mean `switch1`?');
    expect(() => selectHosts(inv, 'zz*')).toThrow('pattern zz* matches no host');
    expect(() => selectHosts(inv, '~(')).toThrow(/not a valid regular expression/);
  });
});
