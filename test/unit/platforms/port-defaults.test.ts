import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEosConfig } from '../../../src/platforms/arista-eos/eos-parse.js';
import { parseIosConfig } from '../../../src/platforms/cisco-ios/ios-parse.js';
import { parseIosSwitchport, withSwitchportFacts } from '../../../src/platforms/cisco-ios/ios-switchport.js';
import { parseNxosConfig } from '../../../src/platforms/cisco-nxos/nxos-parse.js';

/** What a port is when its configuration says nothing: the defaults each platform does not print. */

const nxosPort = (globals: string, lines: string) =>
  parseNxosConfig(`${globals}\ninterface Ethernet1/3\n${lines}`).interfaces.get('Ethernet1/3')!;

describe('NX-OS admin state without a shutdown line (Nexus 9000)', () => {
  it('a switchport is shut unless the switch says no system default switchport shutdown', () => {
    expect(nxosPort('', '  switchport').shutdown).toBe(true);
    expect(nxosPort('system default switchport shutdown', '  switchport').shutdown).toBe(true); // show run all
    expect(nxosPort('no system default switchport shutdown', '  switchport').shutdown).toBe(false);
    expect(nxosPort('', '  switchport\n  no shutdown').shutdown).toBe(false);
    expect(nxosPort('no system default switchport shutdown', '  switchport\n  shutdown').shutdown).toBe(true);
  });

  it('a routed port is shut, whatever the switchport default; port-channels and loopbacks are up', () => {
    expect(nxosPort('no system default switchport shutdown', '  description routed').shutdown).toBe(true);
    expect(nxosPort('no system default switchport shutdown', '  no switchport').shutdown).toBe(true);
    const state = parseNxosConfig('interface port-channel10\n  switchport\ninterface loopback0\ninterface Vlan10\n');
    expect(state.interfaces.get('port-channel10')!.shutdown).toBe(false);
    expect(state.interfaces.get('loopback0')!.shutdown).toBe(false);
    expect(state.interfaces.get('Vlan10')!.shutdown).toBe(true);
  });

  it('with system default switchport, a bare Ethernet port is a shut access switchport', () => {
    const port = nxosPort('system default switchport', '');
    expect([port.mode, port.shutdown]).toEqual(['access', true]);
  });
});

describe('switchport modes', () => {
  it('IOS: a switchport with no mode line is dynamic auto; NX-OS and EOS: access', () => {
    const line = (text: string) => `interface Ethernet1/1\n switchport\n switchport access vlan 10\n${text}`;
    expect(parseIosConfig(line('')).interfaces.get('Ethernet1/1')!.mode).toBe('dynamic auto');
    expect(parseNxosConfig(line('')).interfaces.get('Ethernet1/1')!.mode).toBe('access');
    expect(parseEosConfig(line('')).interfaces.get('Ethernet1/1')!.mode).toBe('access');
  });

  it('keeps a mode of several words whole, and leaves options of a one-word mode out', () => {
    const mode = (text: string) =>
      parseIosConfig(`interface GigabitEthernet1/0/1\n switchport mode ${text}\n`).interfaces.get(
        'GigabitEthernet1/0/1',
      )!.mode;
    expect(mode('private-vlan trunk secondary')).toBe('private-vlan trunk secondary');
    expect(mode('private-vlan host')).toBe('private-vlan host');
    expect(mode('dynamic desirable')).toBe('dynamic desirable');
    expect(nxosPort('', '  switchport mode monitor buffer-limit 36000 packets').mode).toBe('monitor');
  });
});

describe('port-channel members and trunk encapsulation in running-config', () => {
  it('names the port-channel of a channel-group in the platform’s own naming', () => {
    const member = (parse: typeof parseIosConfig, name: string) =>
      parse(`interface ${name}\n channel-group 7 mode active\n`).interfaces.get(name)!.memberOf;
    expect(member(parseNxosConfig, 'Ethernet1/3')).toBe('port-channel7');
    expect(member(parseEosConfig, 'Ethernet3')).toBe('Port-Channel7');
    expect(member(parseIosConfig, 'GigabitEthernet1/0/3')).toBe('Port-channel7');
  });
});

describe('IOS show interfaces switchport (recorded by ntc-templates)', () => {
  const facts = parseIosSwitchport(
    readFileSync('test/fixtures/device-output/ios_show_interfaces_switchport.txt', 'utf8'),
  );

  it('reads each port’s administrative mode and encapsulation, names expanded', () => {
    expect([...facts.keys()]).toEqual([
      'GigabitEthernet0/1',
      'GigabitEthernet0/2',
      'GigabitEthernet0/3',
      'GigabitEthernet1/0',
      'GigabitEthernet1/1',
      'FastEthernet0/1',
      'GigabitEthernet1/0/1',
    ]);
    expect(facts.get('GigabitEthernet0/1')).toEqual({ switchport: true, mode: 'trunk', encapsulation: 'dot1q' });
    expect(facts.get('GigabitEthernet0/2')).toEqual({
      switchport: true,
      mode: 'dynamic auto',
      encapsulation: 'negotiate',
    });
    expect(facts.get('GigabitEthernet1/0/1')!.mode).toBe('access');
  });

  it('tells the state what running-config leaves out; the isl_capable var overrides the encapsulation', () => {
    const config = 'interface GigabitEthernet0/2\n switchport access vlan 100\ninterface GigabitEthernet1/0/1\n';
    const learned = withSwitchportFacts(parseIosConfig(config), facts, undefined);
    expect(learned.interfaces.get('GigabitEthernet0/2')).toMatchObject({
      mode: 'dynamic auto',
      accessVlan: 100,
      trunkEncapsulation: 'negotiate',
    });
    expect(learned.interfaces.get('GigabitEthernet1/0/1')!.mode).toBe('access');
    expect(learned.interfaces.get('GigabitEthernet1/0/1')!.trunkEncapsulation).toBeUndefined();
    const never = withSwitchportFacts(parseIosConfig(config), facts, false);
    expect(never.interfaces.get('GigabitEthernet0/2')!.trunkEncapsulation).toBeUndefined();
    const always = withSwitchportFacts(parseIosConfig(config), facts, true);
    expect(always.interfaces.get('GigabitEthernet1/0/1')!.trunkEncapsulation).toBe('negotiate');
    expect(always.interfaces.get('GigabitEthernet0/1')!.trunkEncapsulation).toBe('negotiate');
  });
});
