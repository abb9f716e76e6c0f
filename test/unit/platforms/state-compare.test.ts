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

describe('two gathered nmstate states, value by value', () => {
  const bridge = () => structuredClone(recorded('show-after.json').interfaces[0]!) as Record<string, NmstateValue>;
  const states = (...interfaces: Record<string, NmstateValue>[]) =>
    ({ interfaces: interfaces as never }) as NmstateState;

  it('name STP turned back on, and leave the bridge timers, address lifetimes and LLDP neighbours out', () => {
    const before = bridge();
    const after = bridge();
    const options = (after['bridge'] as { options: Record<string, NmstateValue> }).options;
    for (const timer of ['gc-timer', 'hello-timer', 'tcn-timer', 'topology-change-timer']) options[timer] = 12345;
    after['lldp'] = { enabled: true, neighbors: [[{ type: 1, 'system-name': 'leaf1' }]] };
    after['ipv6'] = {
      enabled: true,
      address: [{ ip: 'fe80::1', 'prefix-length': 64, 'valid-life-time': '1s', 'preferred-life-time': '1s' }],
    };
    before['lldp'] = { enabled: true, neighbors: [] };
    before['ipv6'] = {
      enabled: true,
      address: [{ ip: 'fe80::1', 'prefix-length': 64, 'valid-life-time': 'forever', 'preferred-life-time': '9s' }],
    };
    expect(compareNmstateStates(states(before), states(after))).toEqual([]);
    (options['stp'] as { enabled: boolean }).enabled = true;
    expect(compareNmstateStates(states(before), states(after))).toEqual([
      'bridge2003 (linux-bridge) bridge.options.stp.enabled (before the run: false, now: true)',
    ]);
  });

  it('compare both ways, keep autoconf addresses out, and cut long values short', () => {
    const eth = (extra: Record<string, NmstateValue>) => ({ name: 'eth1', ...extra });
    expect(compareNmstateStates(states(eth({})), states(eth({ mtu: 9000 })))).toEqual([
      'eth1 mtu (before the run: absent, now: 9000)',
    ]);
    const slaac = (ip: string) => ({ ipv6: { enabled: true, autoconf: true, address: [{ ip, 'prefix-length': 64 }] } });
    expect(compareNmstateStates(states(eth(slaac('2001:db8::1'))), states(eth(slaac('2001:db8::2'))))).toEqual([]);
    const dhcp = (enabled: boolean) => ({ ipv4: { enabled, dhcp: true } });
    expect(compareNmstateStates(states(eth(dhcp(true))), states(eth(dhcp(false))))).toEqual([
      'eth1 ipv4.enabled (before the run: true, now: false)',
    ]);
    expect(compareNmstateStates(states(eth({ mtu: 1500, description: 'a' })), states(eth({ mtu: 9000 })))).toEqual([
      'eth1 description (before the run: "a", now: absent)',
      'eth1 mtu (before the run: 1500, now: 9000)',
    ]);
    const long = 'x'.repeat(70);
    expect(compareNmstateStates(states(eth({ description: long })), states(eth({ description: 'short' })))).toEqual([
      `eth1 description (before the run: "${'x'.repeat(56)}..., now: "short")`,
    ]);
    const sixty = 'y'.repeat(58);
    expect(compareNmstateStates(states(eth({ description: sixty })), states(eth({})))).toEqual([
      `eth1 description (before the run: "${sixty}", now: absent)`,
    ]);
  });

  it('find a port by its name inside a bridge, dots and all', () => {
    const withPort = (cost: number) => ({
      name: 'bridge2003',
      bridge: { port: [{ name: 'enp4s0f0.2003', 'stp-path-cost': cost }] },
    });
    expect(compareNmstateStates(states(withPort(100)), states(withPort(4)))).toEqual([
      'bridge2003 bridge.port[enp4s0f0.2003].stp-path-cost (before the run: 100, now: 4)',
    ]);
    const twoPorts = (cost: number) => ({
      name: 'bridge2003',
      bridge: {
        port: [
          { name: 'enp4s0f0.2004', 'stp-path-cost': 7 },
          { name: 'enp4s0f0.2003', 'stp-path-cost': cost },
        ],
      },
    });
    expect(compareNmstateStates(states(twoPorts(100)), states(twoPorts(4)))).toEqual([
      'bridge2003 bridge.port[enp4s0f0.2003].stp-path-cost (before the run: 100, now: 4)',
    ]);
  });

  it('tell interfaces of one name and different types apart, in name order', () => {
    const ovs = { name: 'br-ex', type: 'ovs-bridge' };
    const port = { name: 'br-ex', type: 'ovs-interface' };
    expect(compareNmstateStates(states(ovs, port), states(port))).toEqual([
      'br-ex (ovs-bridge) (before the run: present, now: absent)',
    ]);
    expect(compareNmstateStates(states({ name: 'eth2' }), states({ name: 'eth1' }))).toEqual([
      'eth1 (before the run: absent, now: present)',
      'eth2 (before the run: present, now: absent)',
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

  it('sort VLANs by number, and name a VLAN removed, a name dropped, and a port that appeared', () => {
    const before = nxos('2003');
    before.vlans.set(10, { id: 10 });
    before.vlans.set(9, { id: 9, name: 'nine' });
    const after = nxos('2003');
    after.vlans.set(9, { id: 9 });
    after.interfaces.set('Ethernet1/9', {
      ...after.interfaces.get('Ethernet1/3')!,
      name: 'Ethernet1/9',
      mode: 'access',
      accessVlan: 2003,
      description: undefined,
      shutdown: true,
    });
    expect(compareSwitchStates(before, after)).toEqual([
      'vlan 9 name (before the run: "nine", now: (none))',
      'vlan 10 (before the run: defined, now: not defined)',
      'Ethernet1/9 mode (before the run: unknown, now: access)',
      'Ethernet1/9 access vlan (before the run: 1, now: 2003)',
      'Ethernet1/9 allowed (before the run: ALL, now: 2003)',
      'Ethernet1/9 shutdown (before the run: no, now: yes)',
    ]);
    const renumbered = nxos('2003');
    renumbered.interfaces.set('Ethernet1/10', { ...renumbered.interfaces.get('Ethernet1/3')!, name: 'Ethernet1/10' });
    renumbered.interfaces.delete('Ethernet1/3');
    expect(compareSwitchStates(nxos('2003'), renumbered).map((line) => line.split(' ')[0])).toEqual([
      'Ethernet1/10',
      'Ethernet1/10',
      'Ethernet1/10',
      'Ethernet1/3',
      'Ethernet1/3',
      'Ethernet1/3',
    ]);
  });
});
