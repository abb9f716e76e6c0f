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
  // Read inside each test, so the mutation run credits these tests with the reader's code (docs/mutation.md).
  const recorded = () => readFileSync('test/fixtures/device-output/ios_show_interfaces_switchport.txt', 'utf8');

  it('reads each port’s administrative mode and encapsulation, names expanded', () => {
    const facts = parseIosSwitchport(recorded());
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

  it('reads the output an SSH channel returns with CRLF line ends the same', () => {
    const lf = parseIosSwitchport(recorded());
    expect(parseIosSwitchport(recorded().replace(/\n/g, '\r\n'))).toEqual(lf);
  });

  it('tells the state what running-config leaves out; the isl_capable var overrides the encapsulation', () => {
    const facts = parseIosSwitchport(recorded());
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

describe('IOS show interfaces switchport: routed ports, ISL trunks, cut output', () => {
  // A routed port prints only its name and `Switchport: Disabled`; the rest is the recorded Layer 2 record shape.
  const output = [
    'Name: Gi1/0/24',
    'Switchport: Disabled',
    '',
    'Name: Gi1/0/2',
    'Switchport: Enabled',
    'Administrative Mode: trunk',
    'Operational Mode: trunk',
    'Administrative Trunking Encapsulation: isl',
    'Operational Trunking Encapsulation: isl',
    '',
    'Name: Gi1/0/3',
    'Switchport: Enabled',
    'Operational Mode: static access',
    'Administrative Trunking Encapsulation: dot1q',
    '',
    'Name: Gi1/0/4',
  ].join('\n');
  const config = [
    'interface GigabitEthernet1/0/24',
    ' no switchport',
    ' ip address 192.0.2.1 255.255.255.252',
    'interface GigabitEthernet1/0/2',
    ' switchport trunk encapsulation isl',
    ' switchport mode trunk',
    'interface GigabitEthernet1/0/3',
    ' switchport',
    ' switchport access vlan 2003',
    'interface Vlan2003',
    ' ip address 198.51.100.1 255.255.255.0',
  ].join('\n');

  it('reads a routed port as not a switchport, and leaves out a record cut before its Switchport line', () => {
    const facts = parseIosSwitchport(output);
    expect(facts.get('GigabitEthernet1/0/24')).toEqual({ switchport: false });
    expect(facts.get('GigabitEthernet1/0/2')).toEqual({ switchport: true, mode: 'trunk', encapsulation: 'isl' });
    expect(facts.get('GigabitEthernet1/0/3')).toEqual({ switchport: true, encapsulation: 'dot1q' });
    expect(facts.has('GigabitEthernet1/0/4')).toBe(false);
  });

  it('a port the switch says is no switchport is routed, whatever running-config showed', () => {
    const state = withSwitchportFacts(
      parseIosConfig('interface GigabitEthernet1/0/24\n description uplink\n'),
      parseIosSwitchport(output),
      undefined,
    );
    expect(state.interfaces.get('GigabitEthernet1/0/24')!.mode).toBe('routed');
  });

  it('keeps the mode running-config gives when the switch prints no Administrative Mode line', () => {
    const state = withSwitchportFacts(parseIosConfig(config), parseIosSwitchport(output), undefined);
    expect(state.interfaces.get('GigabitEthernet1/0/3')).toMatchObject({ mode: 'dynamic auto', accessVlan: 2003 });
    expect(state.interfaces.get('GigabitEthernet1/0/3')!.trunkEncapsulation).toBeUndefined();
    expect(state.interfaces.get('GigabitEthernet1/0/2')).toMatchObject({ mode: 'trunk', trunkEncapsulation: 'isl' });
  });

  it('an ISL trunk the switch reports keeps ISL; isl_capable gives negotiate only to switchports', () => {
    const noConfig = withSwitchportFacts(
      parseIosConfig('interface GigabitEthernet1/0/2\n switchport mode trunk\n'),
      parseIosSwitchport(output),
      undefined,
    );
    expect(noConfig.interfaces.get('GigabitEthernet1/0/2')!.trunkEncapsulation).toBe('isl');
    const facts = parseIosSwitchport(output);
    const never = withSwitchportFacts(parseIosConfig(config), facts, false);
    expect(never.interfaces.get('GigabitEthernet1/0/2')!.trunkEncapsulation).toBe('isl');
    const always = withSwitchportFacts(parseIosConfig(config), facts, true);
    expect(always.interfaces.get('GigabitEthernet1/0/3')!.trunkEncapsulation).toBe('negotiate');
    expect(always.interfaces.get('GigabitEthernet1/0/2')!.trunkEncapsulation).toBe('isl');
    expect(always.interfaces.get('GigabitEthernet1/0/24')!.trunkEncapsulation).toBeUndefined();
    expect(always.interfaces.get('Vlan2003')!.trunkEncapsulation).toBeUndefined();
  });
});
