import { describe, expect, it } from 'vitest';
import { switchSettings } from '../../../packages/lab/src/cli/lab-switch-flags.js';
import { ConfigError } from '../../../src/core/errors.js';
import {
  labLldpNeighbors,
  labNodeLldp,
  labSwitchConfig,
  parseMiswire,
} from '../../../packages/lab/src/site/lab-switch.js';

describe('lab switch settings', () => {
  it('LLDP follows the site wiring: trunk, cluster and storage NIC of each node; a miswiring moves a cable', () => {
    const miswire = { 'Ethernet1/7': { systemName: 'node0', portId: 'eno1' } };
    const heard = labLldpNeighbors('cisco_nxos', ['node0', 'node1'], miswire);
    expect(heard['Ethernet1/3']).toEqual({ systemName: 'node0', portId: 'enp4s0f0' });
    expect(heard['Ethernet1/5']).toEqual({ systemName: 'node1', portId: 'eno1' });
    expect(heard['Ethernet1/7']).toEqual({ systemName: 'node0', portId: 'eno1' });
    // node0's eno1 cable left Ethernet1/1, and node1's trunk NIC (which was in Ethernet1/7) is unplugged.
    expect(heard['Ethernet1/1']).toBeUndefined();
    expect(Object.keys(heard)).toHaveLength(5);
    const nodes = labNodeLldp('cisco_nxos', ['node0', 'node1'], miswire);
    expect(nodes['node0']).toEqual({
      enp4s0f0: { systemName: 'switch1', portId: 'Ethernet1/3' },
      eno1: { systemName: 'switch1', portId: 'Ethernet1/7' },
      enp4s0f1: { systemName: 'switch1', portId: 'Ethernet1/2' },
    });
    expect(nodes['node1']!['enp4s0f0']).toBeUndefined();
  });

  it('boot configs: NX-OS LLDP and switchports up, IOS archive and lldp run', () => {
    expect(labSwitchConfig('cisco_nxos')).toMatch(
      /^feature lldp\nsystem default switchport\nno system default switchport shutdown\n/m,
    );
    expect(labSwitchConfig('cisco_ios')).toContain('archive\n path flash:acp-play\nlldp run\n');
  });

  it('--miswire parses SWITCH:PORT=NODE:NIC and names what is wrong otherwise', () => {
    expect(parseMiswire('switch1:Ethernet1/7=node2:enp4s0f0')).toEqual({
      port: 'Ethernet1/7',
      neighbor: { systemName: 'node2', portId: 'enp4s0f0' },
    });
    expect(parseMiswire('Ethernet1/7=node2')).toMatchObject({ error: expect.stringMatching(/SWITCH:PORT=NODE:NIC/) });
    expect(parseMiswire('switch9:Ethernet1/7=node2:eno1')).toMatchObject({ error: expect.stringMatching(/switch1/) });
  });

  it('flag values are checked before anything starts (exit 3)', () => {
    const ports = ['Ethernet1/1', 'Ethernet1/7'];
    expect(
      switchSettings({ miswire: ['switch1:Ethernet1/7=node2:enp4s0f0'], ignoreRollback: true }, 'cisco_nxos', ports),
    ).toEqual({
      ignoreRollback: true,
      miswire: { 'Ethernet1/7': { systemName: 'node2', portId: 'enp4s0f0' } },
    });
    expect(() => switchSettings({ miswire: ['switch1:Eth9/9=node2:x'] }, 'cisco_nxos', ports)).toThrow(ConfigError);
    expect(() => switchSettings({ privilege: '7' }, 'cisco_ios')).toThrow(/--privilege 7/);
    expect(() => switchSettings({ islCapable: true }, 'arista_eos')).toThrow(/IOS setting/);
    expect(() => switchSettings({ enableSecretEnv: 'ACP_NO_SUCH_VAR_SET' }, 'cisco_ios')).toThrow(/not set/);
  });
});
