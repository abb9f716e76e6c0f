import { describe, expect, it } from 'vitest';
import { EOS_DIALECT, parseEosConfig } from '../../../src/platforms/arista-eos/eos-parse.js';
import { interpretCiscoConfig } from '../../../src/platforms/cisco-config-interpreter.js';
import { IOS_DIALECT, parseIosConfig } from '../../../src/platforms/cisco-ios/ios-parse.js';
import { NXOS_DIALECT, parseNxosConfig } from '../../../src/platforms/cisco-nxos/nxos-parse.js';

/**
 * Config commands applied to a gathered state, as a change window types them: VLANs entered again, `no` forms,
 * global lines that mention a VLAN or an interface without defining one, and runs of spaces the CLI accepts.
 */

describe('VLAN commands on a gathered NX-OS state', () => {
  it('keeps names when VLANs are entered again, drops a name on no name, and reads only vlan lines', () => {
    const before = parseNxosConfig('vlan 1,2003-2005\nvlan 2003\n  name vm1\nvlan 2004\n  name vm2\n');
    const warnings: string[] = [];
    const after = interpretCiscoConfig(
      [
        'vlan 2003-2005',
        'vlan 2004',
        '  no name',
        'no  vlan 2005',
        'vlan 2006',
        '  name  web',
        'vlan 2007',
        '  name db',
        '  no  name',
        'no spanning-tree vlan 2003',
        'spanning-tree vlan 2006',
      ].join('\n'),
      NXOS_DIALECT,
      before,
      { warnings },
    );
    expect([...after.vlans.values()]).toEqual([
      { id: 1 },
      { id: 2003, name: 'vm1' },
      { id: 2004 },
      { id: 2006, name: 'web' },
      { id: 2007 },
    ]);
    expect(warnings).toEqual([]); // the spanning-tree lines are not VLAN lines gone wrong
  });

  it('warns with the line of a VLAN list it cannot read and keeps the rest', () => {
    const warnings: string[] = [];
    const state = parseNxosConfig('vlan 2003\nvlan 2004,4095\nvlan 2005\n', { warnings });
    expect([...state.vlans.keys()]).toEqual([2003, 2005]);
    expect(warnings).toEqual([expect.stringMatching(/^line 2: ignored "vlan 2004,4095": .*4095/)]);
    expect(parseNxosConfig('vlan 2004,4095\n').vlans.size).toBe(0); // no list to warn into: still read
  });
});

describe('interface commands on NX-OS (no system default switchport: a bare Ethernet port is routed and shut)', () => {
  it('a description that mentions switchport or no shutdown leaves the port routed and shut', () => {
    const state = parseNxosConfig(
      [
        'interface Ethernet1/8',
        '  description was switchport trunk to esxi-07',
        'interface Ethernet1/9',
        '  description keep no shutdown',
      ].join('\n'),
    );
    expect(state.interfaces.get('Ethernet1/8')!.mode).toBeUndefined();
    expect(state.interfaces.get('Ethernet1/8')!.shutdown).toBe(true);
    expect(state.interfaces.get('Ethernet1/9')!.shutdown).toBe(true);
  });

  it('reads lines typed with runs of spaces as the CLI does', () => {
    const state = parseNxosConfig(
      [
        'interface  Ethernet1/10',
        '  description  to esxi-07',
        '  switchport',
        '  switchport  mode  trunk',
        '  no  shutdown',
      ].join('\n'),
    );
    expect(state.interfaces.get('Ethernet1/10')).toMatchObject({
      mode: 'trunk',
      shutdown: false,
      description: 'to esxi-07',
    });
  });

  it('the no forms undo a setting when they repeat its value too, as NX-OS accepts them', () => {
    const before = parseNxosConfig(
      [
        'interface Ethernet1/14',
        '  switchport',
        '  switchport mode trunk',
        '  switchport trunk native vlan 2003',
        '  switchport access vlan 2005',
        '  channel-group 10 mode active',
      ].join('\n'),
    );
    const after = interpretCiscoConfig(
      [
        'interface Ethernet1/14',
        '  no switchport trunk native vlan 2003',
        '  no switchport access vlan 2005',
        '  no channel-group 10',
      ].join('\n'),
      NXOS_DIALECT,
      before,
    );
    const port = after.interfaces.get('Ethernet1/14')!;
    expect([port.nativeVlan, port.accessVlan, port.memberOf]).toEqual([undefined, undefined, undefined]);
    expect(port.mode).toBe('trunk');
  });

  it('a shutdown inside a VRRP group is the group’s, not the interface’s', () => {
    const svi = parseNxosConfig(
      'interface Vlan2003\n  no shutdown\n  ip address 192.0.2.2/24\n  vrrp 10\n    address 192.0.2.1\n    shutdown\n',
    ).interfaces.get('Vlan2003')!;
    expect(svi.shutdown).toBe(false);
  });

  it('no interface removes nothing it does not name, and never creates the port it names', () => {
    const state = parseNxosConfig('no interface Vlan2003\ninterface Vlan2004\n  no shutdown\n');
    expect([...state.interfaces.keys()]).toEqual(['Vlan2004']);
  });

  it('switchport on a routed port makes it an access switchport; no switchport mode returns to the default', () => {
    const routed = parseNxosConfig('interface Ethernet1/12\n  no switchport\ninterface Ethernet1/13\n  switchport\n');
    const after = interpretCiscoConfig(
      'interface Ethernet1/12\n  switchport\ninterface Ethernet1/13\n  switchport mode trunk\n  no switchport mode\n',
      NXOS_DIALECT,
      routed,
    );
    expect(after.interfaces.get('Ethernet1/12')!.mode).toBe('access');
    expect(after.interfaces.get('Ethernet1/13')!.mode).toBe('access');
  });
});

describe('interface commands on EOS and IOS', () => {
  it('EOS: a routed port stays routed when only its description changes', () => {
    const before = parseEosConfig('interface Ethernet9\n   no switchport\n');
    const after = interpretCiscoConfig('interface Ethernet9\n   description to-firewall\n', EOS_DIALECT, before);
    expect(after.interfaces.get('Ethernet9')).toMatchObject({ mode: 'routed', description: 'to-firewall' });
  });

  it('EOS: no switchport trunk native vlan tag untags the native VLAN and keeps it', () => {
    const before = parseEosConfig(
      'interface Ethernet7\n   switchport trunk native vlan 2003\n   switchport mode trunk\n',
    );
    const after = interpretCiscoConfig(
      'interface Ethernet7\n   no switchport trunk native vlan tag\n',
      EOS_DIALECT,
      before,
    );
    expect(after.interfaces.get('Ethernet7')!.nativeVlan).toBe(2003);
  });

  it('EOS: with switchport default mode routed, a bare Ethernet port is not a switchport', () => {
    const state = parseEosConfig('switchport default mode routed\n!\ninterface Ethernet1\n   description uplink\n');
    expect(state.interfaces.get('Ethernet1')!.mode).toBeUndefined();
    expect(parseEosConfig('interface Ethernet1\n   description uplink\n').interfaces.get('Ethernet1')!.mode).toBe(
      'access',
    );
  });

  it('IOS: no switchport trunk encapsulation dot1q removes the encapsulation', () => {
    const before = parseIosConfig('interface GigabitEthernet1/0/6\n switchport trunk encapsulation dot1q\n');
    const after = interpretCiscoConfig(
      'interface GigabitEthernet1/0/6\n no switchport trunk encapsulation dot1q\n',
      IOS_DIALECT,
      before,
    );
    expect(after.interfaces.get('GigabitEthernet1/0/6')!.trunkEncapsulation).toBeUndefined();
  });

  it('IOS: no switchport mode returns a trunk to dynamic auto', () => {
    const before = parseIosConfig('interface GigabitEthernet1/0/5\n switchport mode trunk\n');
    const after = interpretCiscoConfig('interface GigabitEthernet1/0/5\n no switchport mode\n', IOS_DIALECT, before);
    expect(after.interfaces.get('GigabitEthernet1/0/5')!.mode).toBe('dynamic auto');
  });
});
