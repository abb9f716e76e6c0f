import { describe, expect, it } from 'vitest';
import { parseIosConfig } from '../../../src/platforms/cisco-ios/ios-parse.js';
import { parseNxosConfig } from '../../../src/platforms/cisco-nxos/nxos-parse.js';

/** Interface lines of the Cisco-style parsers one by one: each `no` form undoes its line, descriptions stay text. */

describe('Cisco interface lines', () => {
  it('undoes each setting with its no form, line by line, as the device does', () => {
    const port = parseIosConfig(
      [
        'interface GigabitEthernet1/0/5',
        ' switchport trunk encapsulation dot1q',
        ' switchport mode trunk',
        ' switchport trunk native vlan 2003',
        ' switchport trunk allowed vlan 2003,2004',
        ' switchport access vlan 2005',
        ' channel-group 10 mode active',
        ' no switchport trunk encapsulation',
        ' no switchport trunk native vlan',
        ' no switchport trunk allowed vlan',
        ' no switchport access vlan',
        ' no channel-group',
        ' description to esxi-07',
        ' no description',
      ].join('\n'),
    ).interfaces.get('GigabitEthernet1/0/5')!;
    expect(port.mode).toBe('trunk');
    expect(port.trunkEncapsulation).toBeUndefined();
    expect(port.nativeVlan).toBeUndefined();
    expect(port.accessVlan).toBeUndefined();
    expect(port.memberOf).toBeUndefined();
    expect(port.description).toBeUndefined();
    expect(port.allowedIsDefault).toBe(true);
    expect(port.allowedVlans).toHaveLength(4094);
  });

  it('reads a description that ends in command words as the description, and nothing else', () => {
    const state = parseNxosConfig(
      [
        'interface Ethernet1/5',
        '  shutdown',
        '  description maintenance - keep no shutdown',
        '  switchport mode access',
        'interface Ethernet1/6',
        '  description was no switchport',
        '  switchport',
        '  switchport mode access',
        '  no shutdown',
      ].join('\n'),
    );
    expect(state.interfaces.get('Ethernet1/5')).toMatchObject({
      shutdown: true,
      description: 'maintenance - keep no shutdown',
      mode: 'access',
    });
    expect(state.interfaces.get('Ethernet1/6')).toMatchObject({
      shutdown: false,
      description: 'was no switchport',
      mode: 'access',
    });
  });

  it('reads a trunk list after two spaces, and a wrapped add list in order', () => {
    const port = parseNxosConfig(
      [
        'interface Ethernet1/7',
        '  switchport mode trunk',
        '  switchport trunk allowed vlan  2010,2003',
        '  switchport trunk allowed vlan add  2005,2004',
      ].join('\n'),
    ).interfaces.get('Ethernet1/7')!;
    expect(port.allowedVlans).toEqual([2003, 2004, 2005, 2010]);
  });
});
