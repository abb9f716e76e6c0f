import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareNmstateStates } from '../../../src/platforms/nmstate/nmstate-state-compare.js';
import { toNmstateState, type NmstateState, type NmstateValue } from '../../../src/platforms/nmstate/nmstate-state.js';
import { parseNxosConfig } from '../../../src/platforms/cisco-nxos/nxos-parse.js';
import { compareSwitchStates } from '../../../src/platforms/switch-state-compare.js';

/** "The same state" after a rollback: the comparison the runner makes between two gathered states. */

const recorded = (name: string) =>
  toNmstateState(JSON.parse(readFileSync(`test/fixtures/nmstate/recorded/${name}`, 'utf8')), name);

describe('two gathered nmstate states (nmstatectl 2.2.62, recorded)', () => {
  it('are the same around a real checkpoint rollback, although the bridges gc-timers moved', () => {
    const before = recorded('show-after.json');
    const after = recorded('show-after-rollback.json');
    expect(JSON.stringify(before)).not.toBe(JSON.stringify(after));
    expect(compareNmstateStates(before, after)).toEqual([]);
  });

  it('differ while the change is in (apply --no-commit of one more VLAN), naming the interfaces', () => {
    const differences = compareNmstateStates(recorded('show-after.json'), recorded('show-during-no-commit.json'));
    expect(differences).toContain('bridge2006 (linux-bridge) (before the run: absent, now: present)');
    expect(differences).toContain('enp4s0f0.2006 (vlan) (before the run: absent, now: present)');
  });

  it('compare addresses unless DHCP or autoconf hands them out, and values as nmstate does', () => {
    const iface = (ipv4: NmstateValue, mtu: number | string = 1500): NmstateState => ({
      interfaces: [{ name: 'eth1', type: 'ethernet', mtu, ipv4 }],
    });
    const fixed = { enabled: true, address: [{ ip: '172.16.1.5', 'prefix-length': 24 }] };
    const moved = { enabled: true, address: [{ ip: '172.16.1.6', 'prefix-length': 24 }] };
    expect(compareNmstateStates(iface(fixed), iface(moved))).toEqual([
      'eth1 (ethernet) ipv4.address (before the run: [{"ip":"172.16.1.5","prefix-length":24}], now: [{"ip":"172.16.1.6","prefix-length":24}])',
    ]);
    const lease = (ip: string) => ({
      enabled: true,
      dhcp: true,
      address: [{ ip, 'prefix-length': 24, 'valid-life-time': '86391sec' }],
    });
    expect(compareNmstateStates(iface(lease('10.0.0.5')), iface(lease('10.0.0.9')))).toEqual([]);
    expect(compareNmstateStates(iface(fixed, 1500), iface(fixed, '1500'))).toEqual([]);
    expect(compareNmstateStates(iface(fixed, 1500), iface(fixed, 9000))).toEqual([
      'eth1 (ethernet) mtu (before the run: 1500, now: 9000)',
    ]);
  });
});

describe('two gathered switch states', () => {
  /** An NX-OS switch with VLAN 2003 and one trunk, as `show running-config` prints it. */
  const nxos = (allowed: string, name = 'virtual-machines-1', description = 'old', extra: string[] = []) =>
    parseNxosConfig(
      [
        'system default switchport',
        'vlan 1,2003-2004',
        'vlan 2003',
        `  name ${name}`,
        'interface Ethernet1/3',
        `  description ${description}`,
        '  switchport mode trunk',
        `  switchport trunk allowed vlan ${allowed}`,
        ...extra,
        '  no shutdown',
      ].join('\n'),
    );

  it('are the same when only the text differs (the default list spelt out, or given as `all`)', () => {
    expect(compareSwitchStates(nxos('1-4094'), nxos('all'))).toEqual([]);
    expect(compareSwitchStates(nxos('2003,2004'), nxos('2003-2004'))).toEqual([]);
  });

  it('name every VLAN and port field that moved', () => {
    const before = nxos('2003');
    before.vlans.delete(2004);
    const after = nxos('2003-2004', 'renamed', 'new', ['  switchport trunk native vlan 2003']);
    expect(compareSwitchStates(before, after)).toEqual([
      'vlan 2003 name (before the run: "virtual-machines-1", now: "renamed")',
      'vlan 2004 (before the run: not defined, now: defined)',
      'Ethernet1/3 native vlan (before the run: 1, now: 2003)',
      'Ethernet1/3 allowed (before the run: 2003, now: 2003-2004)',
      'Ethernet1/3 description (before the run: "old", now: "new")',
    ]);
  });
});
