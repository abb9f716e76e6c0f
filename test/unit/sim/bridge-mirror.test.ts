import { describe, expect, it } from 'vitest';
import { SimCli } from '../../../packages/lab/src/sim/sim-cli.js';
import { bootDevice } from '../../../packages/lab/src/sim/start-simulator.js';

describe('data-plane mirror', () => {
  it('programs the VLAN-filtering bridge with the exact commands after each port change', async () => {
    const calls: string[] = [];
    const { device, platform } = bootDevice({
      platform: 'arista_eos',
      hostname: 'sw1',
      users: [],
      mirror: {
        bridge: 'br0',
        ports: { Ethernet3: 'veth3', Ethernet4: 'veth4' },
        run: async (argv) => void calls.push(argv.join(' ')),
      },
    });
    const cli = new SimCli(device, platform, 'admin', 15);
    await device.mirror!.idle();
    // Fresh bridge ports already carry VLAN 1 as pvid: access VLAN 1 needs nothing but the link state.
    expect(calls.splice(0)).toEqual(['ip link set veth3 up', 'ip link set veth4 up']);
    for (const line of [
      'configure terminal',
      'vlan 2000,2002-2005',
      'interface Ethernet3',
      'switchport trunk native vlan 2000',
      'switchport trunk allowed vlan 2000,2003-2005',
      'switchport mode trunk',
    ])
      cli.run(line, 0);
    await device.mirror!.idle();
    expect(calls.splice(0)).toEqual([
      'bridge vlan del dev veth3 vid 1',
      'bridge vlan add dev veth3 vid 2003-2005',
      'bridge vlan add dev veth3 vid 2000 pvid untagged',
    ]);
    for (const line of [
      'switchport trunk allowed vlan remove 2004',
      'shutdown',
      'interface Ethernet4',
      'switchport access vlan 2002',
      'no vlan 2005',
    ])
      cli.run(line, 0);
    await device.mirror!.idle();
    expect(calls).toEqual([
      'bridge vlan del dev veth3 vid 2004',
      'ip link set veth3 down',
      'bridge vlan del dev veth4 vid 1',
      'bridge vlan add dev veth4 vid 2002 pvid untagged',
      // A trunk carries only VLANs that exist: deleting VLAN 2005 takes it off the port.
      'bridge vlan del dev veth3 vid 2005',
    ]);
  });

  it('a port-channel member forwards what its port-channel carries (EOS ignores the member own lines)', async () => {
    const calls: string[] = [];
    const { device, platform } = bootDevice({
      platform: 'arista_eos',
      hostname: 'sw1',
      users: [],
      mirror: { bridge: 'br0', ports: { Ethernet5: 'veth5' }, run: async (argv) => void calls.push(argv.join(' ')) },
    });
    const cli = new SimCli(device, platform, 'admin', 15);
    for (const line of [
      'configure',
      'vlan 10,20',
      'interface Ethernet5',
      'switchport access vlan 20',
      'channel-group 7 mode active',
    ])
      cli.run(line, 0);
    for (const line of ['interface Port-Channel7', 'switchport mode trunk', 'switchport trunk allowed vlan 10'])
      cli.run(line, 0);
    await device.mirror!.idle();
    expect(calls.slice(1)).toEqual([
      'bridge vlan del dev veth5 vid 1',
      'bridge vlan add dev veth5 vid 20 pvid untagged',
      'bridge vlan del dev veth5 vid 20',
      'bridge vlan add dev veth5 vid 1 pvid untagged',
      // The port-channel turns trunk: every existing VLAN, native 1 untagged.
      'bridge vlan add dev veth5 vid 10',
      'bridge vlan add dev veth5 vid 20',
      // Allowed 10 only: the native VLAN 1 is no longer carried.
      'bridge vlan del dev veth5 vid 1',
      'bridge vlan del dev veth5 vid 20',
    ]);
  });
});
