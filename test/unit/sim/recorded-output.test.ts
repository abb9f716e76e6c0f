import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimCli } from '../../../packages/lab/src/sim/sim-cli.js';
import { bootDevice } from '../../../packages/lab/src/sim/start-simulator.js';
import type { SimPlatformId } from '../../../packages/lab/src/sim/sim-types.js';

/**
 * The simulators' `show` output against output recorded on real devices (test/fixtures/device-output, sources in
 * its MANIFEST.tsv): the same table headers, rules and legends line for line, the same field labels in the same
 * order, the lines clients read (Ansible's show version regexes). Values differ (another device, other ports).
 */

const recorded = (file: string): string =>
  readFileSync(join(import.meta.dirname, '../../fixtures/device-output', file), 'utf8').replace(/\r/g, '');

const lines = (text: string): string[] => text.split('\n').map((l) => l.trimEnd());

/** `count` lines of `text` starting at the first one matching `marker`. */
function block(text: string, marker: RegExp, count: number): string[] {
  const all = lines(text);
  const at = all.findIndex((l) => marker.test(l));
  expect(at, `${marker} in\n${text}`).toBeGreaterThanOrEqual(0);
  return all.slice(at, at + count);
}

/** Field labels (text before the first colon) of the first record: from the first line to the first blank line. */
function labels(text: string, first: RegExp): string[] {
  const all = lines(text);
  const start = all.findIndex((l) => first.test(l));
  const end = all.findIndex((l, i) => i > start && (l.trim() === '' || first.test(l)));
  return all
    .slice(start, end < 0 ? undefined : end)
    .filter((l) => l.includes(':'))
    .map((l) => l.slice(0, l.indexOf(':')).trim());
}

/** A booted simulator with trunks, access ports, a port-channel and LLDP neighbours; runs show commands. */
function device(platform: SimPlatformId, setup: readonly string[]): (command: string) => string {
  const { device: d, platform: p } = bootDevice({
    platform,
    hostname: 'sw1',
    users: [],
    lldpNeighbors: {
      'Ethernet1/3': { systemName: 'node0', portId: 'enp4s0f0' },
      Ethernet3: { systemName: 'node0', portId: 'enp4s0f0' },
      'GigabitEthernet1/0/3': { systemName: 'node0', portId: 'enp4s0f0' },
    },
  });
  const cli = new SimCli(d, p, 'admin', 15);
  for (const line of setup) expect(cli.run(line, 0).failed, line).toBe(false);
  return (command) => cli.run(command, 0).output;
}

describe('NX-OS output matches recorded Nexus output', () => {
  const show = device('cisco_nxos', [
    'configure terminal',
    'feature lldp',
    'vlan 10,20',
    'interface Ethernet1/3',
    'switchport',
    'switchport mode trunk',
    'no shutdown',
    'interface Ethernet1/4',
    'switchport',
    'switchport access vlan 3',
    'end',
  ]);

  it('show vlan: the brief, type, RSPAN and private-VLAN table headers', () => {
    const [ours, theirs] = [show('show vlan'), recorded('nxos_show_vlan.txt')];
    for (const [marker, n] of [
      [/^VLAN Name/, 2],
      [/^VLAN Type/, 2],
      [/^Remote SPAN/, 2],
      [/^Primary/, 2],
    ] as const)
      expect(block(ours, marker, n)).toEqual(block(theirs, marker, n));
    expect(ours).toMatch(/^10   VLAN0010                         active    Eth1\/3$/m);
  });

  it('show interface switchport: the same fields in the same order, (Vlan not created)', () => {
    const ours = show('show interface Ethernet1/4 switchport');
    const theirs = recorded('nxos_show_interface_switchport.txt');
    expect(labels(ours, /^Name:/)).toEqual(labels(theirs, /^Name:/));
    expect(ours).toContain('  Access Mode VLAN: 3 (Vlan not created)');
  });

  it('show lldp neighbors [detail]: legend, header, detail labels', () => {
    expect(block(show('show lldp neighbors'), /^Capability codes/, 4)).toEqual(
      block(recorded('nxos_show_lldp_neighbors.txt'), /^Capability codes/, 4),
    );
    const detail = (t: string) => labels(t, /^Chassis id:/).filter((l) => !/^(Copyright|TAC support|Compiled)/.test(l));
    expect(detail(show('show lldp neighbors detail'))).toEqual(detail(recorded('nxos_show_lldp_neighbors_detail.txt')));
  });

  it('show version / show inventory carry the lines Ansible cisco.nxos reads', () => {
    for (const [command, file, res] of [
      [
        'show version',
        'nxos_show_version.txt',
        [/\s+NXOS:\s+version\s*(\S+)/, /Hardware\n\s+cisco(.+)$/m, /\s+Device name:\s*(\S+)/],
      ],
      ['show inventory', 'nxos_show_inventory.txt', [/NAME: "Chassis",\s*DESCR:.*\nPID:\s*(\S+)/]],
    ] as const)
      for (const re of res) {
        expect(recorded(file)).toMatch(re);
        expect(show(command)).toMatch(re);
      }
  });
});

describe('EOS output matches recorded EOS output', () => {
  const show = device('arista_eos', ['configure', 'vlan 10', 'name Test1', 'end']);

  it('show vlan and show lldp neighbors headers', () => {
    expect(block(show('show vlan'), /^VLAN +Name/, 2)).toEqual(block(recorded('eos_show_vlan.txt'), /^VLAN +Name/, 2));
    expect(show('show vlan')).toMatch(/^10    Test1                            active$/m);
    expect(block(show('show lldp neighbors'), /^Last table change/, 7).map((l) => l.replace(/:.*/, ''))).toEqual(
      block(recorded('eos_show_lldp_neighbors.txt'), /^Last table change/, 7).map((l) => l.replace(/:.*/, '')),
    );
    expect(block(show('show lldp neighbors'), /^Port +Neighbor/, 1)).toEqual(
      block(recorded('eos_show_lldp_neighbors.txt'), /^Port +Neighbor/, 1),
    );
  });

  it('show lldp neighbors detail: the per-neighbour lines the recorded output has', () => {
    const ours = show('show lldp neighbors detail');
    for (const re of [
      /^Interface Ethernet\d+ detected 1 LLDP neighbors:$/m,
      /^  Neighbor \S+\/"\S+", age \d+ seconds$/m,
    ])
      for (const text of [ours, recorded('eos_show_lldp_neighbors_detail.txt')]) expect(text).toMatch(re);
    const keys = (t: string) => labels(t, /^  - Chassis ID type/).slice(0, 4);
    expect(keys(ours)).toEqual(keys(recorded('eos_show_lldp_neighbors_detail.txt')));
  });
});

describe('IOS output matches recorded Catalyst output', () => {
  const setup = [
    'configure terminal',
    'lldp run',
    'vlan 10',
    'name Management',
    'interface Gi1/0/3',
    'switchport mode trunk',
  ];
  const show = device('cisco_ios', [...setup, 'interface Gi1/0/4', 'channel-group 1 mode active', 'end']);

  it('show vlan: headers, the reserved VLANs 1002-1005 and the type table', () => {
    const [ours, theirs] = [show('show vlan'), recorded('ios_show_vlan.txt')];
    for (const [marker, n] of [
      [/^VLAN Name/, 2],
      [/^1002 /, 4],
      [/^VLAN Type/, 2],
      [/^1002 fddi/, 4],
    ] as const)
      expect(block(ours, marker, n)).toEqual(block(theirs, marker, n));
  });

  it('show vlan wraps the Ports column to the terminal width, as at 80 columns', () => {
    expect(Math.max(...lines(recorded('ios_show_vlan_80_columns.txt')).map((l) => l.length))).toBeLessThanOrEqual(80);
    const ours = lines(show('show vlan'));
    expect(ours.filter((l) => /^ {48}Gi/.test(l)).length).toBeGreaterThan(3);
    expect(Math.max(...ours.map((l) => l.length))).toBeLessThanOrEqual(80);
    show('terminal width 0');
    expect(lines(show('show vlan')).filter((l) => /^ {48}Gi/.test(l))).toEqual([]);
    show('terminal width 80');
  });

  it('show interfaces switchport: the same fields in the same order as a recorded dynamic-auto port', () => {
    const theirs = recorded('ios_show_interfaces_switchport.txt');
    const second = theirs.slice(theirs.indexOf('Name: Gi0/2'));
    const ours = show('show interfaces Gi1/0/5 switchport');
    const known = labels(second, /^Name:/);
    expect(labels(ours, /^Name:/).filter((l) => known.includes(l))).toEqual(known);
    expect(ours).toMatch(/^Administrative Mode: dynamic auto\nOperational Mode: static access$/m);
  });

  it('show interfaces trunk, show etherchannel summary, show lldp neighbors: section headers', () => {
    for (const marker of [
      /^Port +Mode +Encapsulation/,
      /^Port +Vlans allowed on trunk/,
      /^Port +Vlans allowed and active/,
    ])
      expect(block(show('show interfaces trunk'), marker, 1)).toEqual(
        block(recorded('ios_show_interfaces_trunk.txt'), marker, 1),
      );
    expect(block(show('show etherchannel summary'), /^Group  Port-channel/, 2)).toEqual(
      block(recorded('ios_show_etherchannel_summary.txt'), /^Group  Port-channel/, 2),
    );
    expect(block(show('show lldp neighbors'), /^Capability codes/, 3)).toEqual(
      block(recorded('ios_show_lldp_neighbors.txt'), /^Capability codes/, 3),
    );
    expect(block(show('show lldp neighbors'), /^Device ID/, 1)).toEqual(
      block(recorded('ios_show_lldp_neighbors.txt'), /^Device ID/, 1),
    );
  });
});
