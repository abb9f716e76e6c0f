import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimPlatformId, SimulatorHandle } from '../../../packages/lab/src/sim/sim-types.js';
import { clientVenv, runPlay, startClientSim, type TaskResult } from './client-harness.js';

/**
 * Ansible 2.19 (the `ansible` 12 package, pinned in test/clients/requirements.txt) over network_cli with the resource
 * modules for VLANs and Layer 2 interfaces of cisco.nxos, arista.eos and cisco.ios: state merged, then gathered
 * (the facts hold what was merged), then merged again, which must change nothing. Connecting runs each collection's
 * own login dialogue (terminal settings, show version / inventory / privilege, `| json` on EOS and NX-OS).
 */

interface Case {
  readonly platform: SimPlatformId;
  readonly networkOs: string;
  readonly become: boolean;
  readonly merged: string;
  readonly gathered: string;
  /** What the gathered L2 facts must hold for the two ports. */
  readonly l2: readonly Record<string, unknown>[];
}

const vlans = (module: string): string => `    - name: vlans
      ${module}:
        config:
          - {vlan_id: 2003, name: virtual-machines-1}
          - {vlan_id: 2004, name: virtual-machines-2}
        state: merged
`;

const gathered = (vlanModule: string, l2Module: string): string => `    - name: vlans
      ${vlanModule}: {state: gathered}
    - name: l2
      ${l2Module}: {state: gathered}
`;

const CASES: readonly Case[] = [
  {
    platform: 'cisco_nxos',
    networkOs: 'cisco.nxos.nxos',
    become: false,
    // A Nexus 9000 port is routed until it is made Layer 2 (nxos_interfaces mode: layer2).
    merged: `${vlans('cisco.nxos.nxos_vlans')}    - name: layer2
      cisco.nxos.nxos_interfaces:
        config:
          - {name: Ethernet1/7, mode: layer2, enabled: true}
          - {name: Ethernet1/8, mode: layer2, enabled: true}
        state: merged
    - name: l2
      cisco.nxos.nxos_l2_interfaces:
        config:
          - {name: Ethernet1/7, mode: trunk, trunk: {allowed_vlans: "2003-2004", native_vlan: 2003}}
          - {name: Ethernet1/8, access: {vlan: 2004}}
        state: merged
`,
    gathered: gathered('cisco.nxos.nxos_vlans', 'cisco.nxos.nxos_l2_interfaces'),
    l2: [
      { name: 'Ethernet1/7', mode: 'trunk', trunk: { allowed_vlans: '2003-2004', native_vlan: 2003 } },
      { name: 'Ethernet1/8', access: { vlan: 2004 } },
    ],
  },
  {
    platform: 'arista_eos',
    networkOs: 'arista.eos.eos',
    become: true,
    // No `mode: access` for Ethernet8: EOS prints no `switchport mode access` (the default), so eos_l2_interfaces
    // can never see it and re-sends it every run, as its own documentation says.
    merged: `${vlans('arista.eos.eos_vlans')}    - name: l2
      arista.eos.eos_l2_interfaces:
        config:
          - {name: Ethernet7, mode: trunk, trunk: {trunk_allowed_vlans: ["2003-2004"], native_vlan: 2003}}
          - {name: Ethernet8, access: {vlan: 2004}}
        state: merged
`,
    gathered: gathered('arista.eos.eos_vlans', 'arista.eos.eos_l2_interfaces'),
    l2: [
      { name: 'Ethernet7', mode: 'trunk', trunk: { trunk_allowed_vlans: ['2003-2004'], native_vlan: 2003 } },
      { name: 'Ethernet8', access: { vlan: 2004 } },
    ],
  },
  {
    platform: 'cisco_ios',
    networkOs: 'cisco.ios.ios',
    become: false,
    merged: `${vlans('cisco.ios.ios_vlans')}    - name: l2
      cisco.ios.ios_l2_interfaces:
        config:
          - {name: GigabitEthernet1/0/7, mode: trunk, trunk: {allowed_vlans: ["2003-2004"], native_vlan: 2003}}
          - {name: GigabitEthernet1/0/8, mode: access, access: {vlan: 2004}}
        state: merged
`,
    gathered: gathered('cisco.ios.ios_vlans', 'cisco.ios.ios_l2_interfaces'),
    l2: [
      { name: 'GigabitEthernet1/0/7', mode: 'trunk', trunk: { allowed_vlans: ['2003', '2004'], native_vlan: 2003 } },
      { name: 'GigabitEthernet1/0/8', mode: 'access', access: { vlan: 2004 } },
    ],
  },
];

const failures = (results: readonly TaskResult[]): string =>
  results
    .filter((r) => r.failed)
    .map((r) => `${r.task}: ${String(r.result['msg'])}`)
    .join('\n');

describe.each(CASES)('Ansible network_cli resource modules against the $platform simulator', (c) => {
  let sim: SimulatorHandle;
  let venv: string;
  const play = (tasks: string): Promise<TaskResult[]> =>
    runPlay(venv, sim, { networkOs: c.networkOs, become: c.become, tasks });

  beforeAll(async () => {
    venv = await clientVenv();
    sim = await startClientSim(c.platform);
  }, 600_000);
  afterAll(async () => {
    await sim?.close();
  });

  it('state merged configures the VLANs and the trunk and access ports (changed)', async () => {
    const results = await play(c.merged);
    expect(failures(results)).toBe('');
    expect(results.every((r) => r.changed)).toBe(true);
    const state = sim.state();
    expect([state.vlans.get(2003)?.name, state.vlans.get(2004)?.name]).toEqual([
      'virtual-machines-1',
      'virtual-machines-2',
    ]);
    const [trunk, access] = c.l2.map((p) => state.ports.get(String(p['name']))!);
    expect(trunk).toMatchObject({ switchport: true, mode: 'trunk', allowed: [2003, 2004], nativeVlan: 2003 });
    expect(access).toMatchObject({ switchport: true, accessVlan: 2004 });
  }, 240_000);

  it('state gathered returns what was merged', async () => {
    const results = await play(c.gathered);
    expect(failures(results)).toBe('');
    const [vlanFacts, l2Facts] = results.map((r) => r.result['gathered'] as Record<string, unknown>[]);
    expect(vlanFacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ vlan_id: 2003, name: 'virtual-machines-1' }),
        expect.objectContaining({ vlan_id: 2004, name: 'virtual-machines-2' }),
      ]),
    );
    const names = c.l2.map((p) => p['name']);
    expect(l2Facts!.filter((p) => names.includes(p['name']))).toEqual(c.l2);
  }, 240_000);

  it('a second merged run changes nothing', async () => {
    const results = await play(c.merged);
    expect(failures(results)).toBe('');
    expect(results.map((r) => [r.task, r.changed, r.result['commands']])).toEqual(
      results.map((r) => [r.task, false, []]),
    );
  }, 240_000);
});
