import { describe, expect, it } from 'vitest';
import {
  summarizeInterface,
  summarizeRemoval,
  summarizeUpdate,
} from '../../../../src/platforms/nmstate/nmstate-summary.js';

describe('one-line summaries of nmstate interfaces', () => {
  it('a bridge: type, STP, its port', () => {
    expect(
      summarizeInterface({
        name: 'bridge2003',
        type: 'linux-bridge',
        state: 'up',
        bridge: { options: { stp: { enabled: false } }, port: [{ name: 'enp4s0f0.2003', vlan: {} }] },
        ipv4: { enabled: false },
      }),
    ).toBe('linux-bridge, STP off, port enp4s0f0.2003');
  });

  it('a VLAN interface: id and base, MTU; a bridge with an address and two ports', () => {
    expect(
      summarizeInterface({
        name: 'enp4s0f0.2003',
        type: 'vlan',
        mtu: 9000,
        vlan: { 'base-iface': 'enp4s0f0', id: 2003 },
      }),
    ).toBe('vlan 2003 on enp4s0f0, MTU 9000');
    expect(
      summarizeInterface({
        name: 'br0',
        type: 'linux-bridge',
        state: 'down',
        bridge: { port: [{ name: 'a' }, { name: 'b' }] },
        ipv4: { enabled: true, address: [{ ip: '172.16.4.2', 'prefix-length': 24 }] },
        ipv6: { enabled: true, dhcp: true },
      }),
    ).toBe('linux-bridge, ports a b, 172.16.4.2/24, ipv6 dynamic, down');
  });

  it('an update names what differs; a removal says why', () => {
    expect(
      summarizeUpdate({ name: 'bridge2003', type: 'linux-bridge' }, [
        'bridge.port[enp4s0f0.2004]',
        'bridge.options.stp.enabled',
        'description',
      ]),
    ).toBe('linux-bridge: bridge port enp4s0f0.2004, stp enabled, description');
    expect(summarizeRemoval({ name: 'bridge2005', type: 'linux-bridge' }, 'gone from the inventory')).toBe(
      'linux-bridge, removed (gone from the inventory)',
    );
  });
});
