import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimPlatformId, SimulatorHandle } from '../../../packages/lab/src/sim/sim-types.js';
import { CLIENT_USER, clientVenv, runNetmiko, startClientSim, type NetmikoReport } from './client-harness.js';

/**
 * netmiko 4.8 (pinned in test/clients/requirements.txt) drives each simulator the way a user's script would: its own
 * session preparation on connect (paging, width, prompt), `show running-config`, `show vlan brief`, `send_config_set`
 * of VLANs and trunk/access ports, `save_config`. Every failure here is a simulator bug.
 */

interface Case {
  readonly platform: SimPlatformId;
  readonly trunk: string;
  readonly access: string;
  /** EOS logs in at `sw1>`: netmiko's enable() first. */
  readonly enable: boolean;
  readonly saved: RegExp;
}

const CASES: readonly Case[] = [
  { platform: 'cisco_nxos', trunk: 'Ethernet1/7', access: 'Ethernet1/8', enable: false, saved: /Copy complete\./ },
  {
    platform: 'arista_eos',
    trunk: 'Ethernet7',
    access: 'Ethernet8',
    enable: true,
    saved: /Copy completed successfully\./,
  },
  {
    platform: 'cisco_ios',
    trunk: 'GigabitEthernet1/0/7',
    access: 'GigabitEthernet1/0/8',
    enable: false,
    saved: /\[OK\]/,
  },
];

describe.each(CASES)('netmiko against the $platform simulator', (c) => {
  let sim: SimulatorHandle;
  let report: NetmikoReport;
  const config = [
    'vlan 2003',
    'name virtual-machines-1',
    'exit',
    'vlan 2004',
    'exit',
    `interface ${c.trunk}`,
    'switchport',
    'switchport mode trunk',
    'switchport trunk allowed vlan 2003-2004',
    'exit',
    `interface ${c.access}`,
    'switchport',
    'switchport access vlan 2004',
  ];

  beforeAll(async () => {
    const venv = await clientVenv();
    sim = await startClientSim(c.platform);
    report = await runNetmiko(venv, {
      device_type: c.platform,
      host: sim.host,
      port: sim.port,
      username: CLIENT_USER.username,
      password: CLIENT_USER.password,
      enable: c.enable,
      config,
    });
  }, 600_000);
  afterAll(async () => {
    await sim?.close();
  });

  const step = (name: string): string => {
    expect(report.error, report.trace).toBeUndefined();
    return String(report.steps[name]);
  };

  it('connects: session preparation finds the prompt', () => {
    expect(report.steps['connect'], report.trace).toEqual({ prompt: c.enable ? 'sw1>' : 'sw1#', base_prompt: 'sw1' });
  });

  it('show running-config', () => {
    const text = step('running');
    expect(text).toContain('hostname sw1');
    expect(text).toContain(`interface ${c.trunk}`);
  });

  it('show vlan brief', () => {
    expect(step('vlan_brief')).toMatch(/^VLAN +Name +Status +Ports\n-{4,5} -{32} -{9} -{31}\n1 +default +active/m);
  });

  it('send_config_set of VLANs and trunk and access ports', () => {
    const out = step('config');
    expect(out).not.toMatch(/% |ERROR/);
    const state = sim.state();
    expect(state.vlans.get(2003)?.name).toBe('virtual-machines-1');
    expect(state.vlans.has(2004)).toBe(true);
    expect(state.ports.get(c.trunk)).toMatchObject({ switchport: true, mode: 'trunk', allowed: [2003, 2004] });
    expect(state.ports.get(c.access)).toMatchObject({ switchport: true, accessVlan: 2004 });
  });

  it('save_config writes the startup-config', () => {
    expect(step('save')).toMatch(c.saved);
    expect(sim.startupState()).toEqual(sim.state());
    // IOS keeps a pair of VLANs apart (2003,2004); NX-OS and EOS write a range.
    expect(step('running_after')).toMatch(/switchport trunk allowed vlan 2003[-,]2004\n/);
  });
});
