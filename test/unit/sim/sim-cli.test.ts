import { describe, expect, it } from 'vitest';
import { SimCli } from '../../../src/lab/sim/sim-cli.js';
import { SimDevice } from '../../../src/lab/sim/sim-device.js';
import { SIM_PLATFORMS } from '../../../src/lab/sim/start-simulator.js';
import type { SimOptions, SimPlatformId } from '../../../src/lab/sim/sim-types.js';

function cli(
  platform: SimPlatformId,
  extra: Partial<SimOptions> = {},
  privilege = 15,
): { cli: SimCli; device: SimDevice; run: (line: string) => string } {
  const device = new SimDevice({ platform, hostname: 'sw1', users: [], ...extra });
  const c = new SimCli(device, SIM_PLATFORMS[platform], 'admin', privilege);
  return { cli: c, device, run: (line) => c.run(line, c.prompt().length).output };
}

describe('NX-OS CLI engine', () => {
  it('abbreviations, prompts and switchport changes', () => {
    const { cli: c, device, run } = cli('cisco_nxos');
    expect(c.prompt()).toBe('sw1# ');
    run('conf t');
    expect(c.prompt()).toBe('sw1(config)# ');
    run('int eth 1/3');
    expect(c.prompt()).toBe('sw1(config-if)# ');
    expect(run('sw mo tr')).toBe('ERROR: Ethernet1/3: requested config change not allowed');
    run('switchport');
    run('sw mo tr');
    run('switchport trunk allowed vlan 2003-2005');
    run('sw tr al vl add 2010');
    run('no shut');
    run('vlan 2003');
    expect(c.prompt()).toBe('sw1(config-vlan)# ');
    run('name virtual-machines-1');
    run('end');
    const port = device.running.interfaces.get('Ethernet1/3')!;
    expect(port).toMatchObject({ mode: 'trunk', shutdown: false, allowedVlans: [2003, 2004, 2005, 2010] });
    expect(device.running.vlans.get(2003)).toEqual({ id: 2003, name: 'virtual-machines-1' });
    expect(run('show running-config interface Ethernet1/3')).toContain(
      '  switchport trunk allowed vlan 2003-2005,2010\n  no shutdown',
    );
  });

  it('errors put the caret under the bad token', () => {
    const { run } = cli('cisco_nxos');
    run('configure terminal');
    expect(run('vlan 5000')).toBe(`${' '.repeat('sw1(config)# vlan '.length)}^\n% Invalid command at '^' marker.`);
    expect(run('frobnicate')).toBe(`${' '.repeat('sw1(config)# '.length)}^\n% Invalid command at '^' marker.`);
    expect(run('interface')).toContain("% Incomplete command at '^' marker.");
  });

  it('checkpoint, rollback, limits and pipes', () => {
    const { device, run } = cli('cisco_nxos');
    expect(run('checkpoint before')).toMatch(/Done$/);
    expect(run('checkpoint before')).toMatch(/^ERROR: /);
    run('conf t ; interface Ethernet1/1 ; switchport ; description changed ; end');
    expect(device.running.interfaces.get('Ethernet1/1')!.description).toBe('changed');
    expect(run('rollback running-config checkpoint before atomic')).toContain('Rollback completed successfully.');
    expect(device.running.interfaces.get('Ethernet1/1')!.description).toBeUndefined();
    for (let i = 0; i < 9; i++) run(`checkpoint c${i}`);
    expect(run('checkpoint c10')).toMatch(/^ERROR: .*10/);
    run('no checkpoint c0');
    expect(run('show checkpoint summary')).toContain('before:');
    expect(run('show running-config | include hostname')).toBe('hostname sw1');
  });
});

describe('EOS CLI engine', () => {
  it('enable, session prompts, diffs and abort', () => {
    const { cli: c, device, run } = cli('arista_eos', {}, 1);
    expect(c.prompt()).toBe('sw1>');
    expect(run('show running-config')).toBe('% Invalid input (privileged mode required)');
    run('enable');
    run('configure session acp-play-1');
    expect(c.prompt()).toBe('sw1(config-s-acp-pl)#');
    run('interface Ethernet3');
    expect(c.prompt()).toBe('sw1(config-s-acp-pl-if-Et3)#');
    run('switchport mode trunk');
    expect(device.running.interfaces.get('Ethernet3')!.mode).toBe('access');
    expect(run('show session-config diffs')).toMatch(
      /^--- system:\/running-config\n\+\+\+ session:\/acp-play-1-session-config\n@@[^\n]*\n[\s\S]*\+   switchport mode trunk/,
    );
    run('abort');
    expect(c.prompt()).toBe('sw1#');
    expect(device.sessions.size).toBe(0);
    expect(run('vlan 5000')).toBe("% Invalid input (at token 0: 'vlan')");
  });
});

describe('IOS CLI engine', () => {
  it('question for copy, access VLAN auto-create, error text with blank line', () => {
    const { cli: c, device, run } = cli('cisco_ios', {}, 1);
    expect(c.prompt()).toBe('sw1>');
    run('enable');
    run('conf t');
    run('interface Gi1/0/5');
    expect(c.prompt()).toBe('sw1(config-if)#');
    expect(run('switchport access vlan 2002')).toBe('% Access VLAN does not exist. Creating vlan 2002');
    expect(run('switchport access vlan 4095')).toBe(
      `${' '.repeat('sw1(config-if)#switchport access vlan '.length)}^\n% Invalid input detected at '^' marker.\n`,
    );
    run('end');
    expect(run('copy running-config startup-config')).toBe('Destination filename [startup-config]? ');
    expect(run('')).toBe('Building configuration...\n[OK]');
    expect(device.startup.vlans.has(2002)).toBe(true);
    expect(run('show vlan brief')).toMatch(/\n2002 VLAN2002 +active +Gi1\/0\/5\n/);
  });
});
