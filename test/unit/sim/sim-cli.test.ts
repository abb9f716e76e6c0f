import { describe, expect, it } from 'vitest';
import { SimCli } from '../../../packages/lab/src/sim/sim-cli.js';
import { bootDevice } from '../../../packages/lab/src/sim/start-simulator.js';
import type { SimOptions, SimPlatformId } from '../../../packages/lab/src/sim/sim-types.js';

function cli(platform: SimPlatformId, extra: Partial<SimOptions> = {}, privilege = 15) {
  const { device, platform: p } = bootDevice({ platform, hostname: 'sw1', users: [], ...extra });
  const c = new SimCli(device, p, 'admin', privilege);
  return { cli: c, device, run: (line: string) => c.run(line, c.prompt().length).output };
}

describe('NX-OS CLI', () => {
  it('abbreviations, prompts, Layer 3 ports by default and switchport changes', () => {
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
    run('vlan 2003');
    expect(c.prompt()).toBe('sw1(config-vlan)# ');
    run('name virtual-machines-1');
    run('end');
    const port = device.running.ports.get('Ethernet1/3')!;
    expect(port).toMatchObject({ switchport: true, mode: 'trunk', allowed: [2003, 2004, 2005, 2010] });
    expect(device.running.vlans.get(2003)).toEqual({ id: 2003, name: 'virtual-machines-1', suspended: false });
    expect(run('show running-config interface Ethernet1/3')).toMatch(
      /\ninterface Ethernet1\/3\n  switchport\n  switchport mode trunk\n  switchport trunk allowed vlan 2003-2005,2010\n$/,
    );
  });

  it('configure terminal says how to leave, as NX-OS and IOS do; EOS says nothing', () => {
    const notice = 'Enter configuration commands, one per line.  End with CNTL/Z.';
    expect(cli('cisco_nxos').run('configure terminal')).toBe(notice);
    expect(cli('cisco_ios').run('configure terminal')).toBe(notice);
    expect(cli('arista_eos').run('configure terminal')).toBe('');
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
    run('conf t ; interface Ethernet1/1 ; description changed ; end');
    expect(device.running.ports.get('Ethernet1/1')!.description).toBe('changed');
    expect(run('rollback running-config checkpoint before atomic')).toContain('Rollback completed successfully.');
    expect(device.running.ports.get('Ethernet1/1')!.description).toBeUndefined();
    for (let i = 0; i < 9; i++) run(`checkpoint c${i}`);
    expect(run('checkpoint c10')).toMatch(/^ERROR: .*10/);
    run('no checkpoint c0');
    expect(run('show checkpoint summary')).toContain('before:');
    expect(run('show checkpoint summary')).toMatch(/before:\n(.*\n){3}Description: None\n/);
    run('no checkpoint c1');
    expect(run('checkpoint tagged description acp-play run r1 lock 0a0b0c0d host lab pid 7')).toMatch(/Done$/);
    expect(run('show checkpoint summary')).toMatch(
      /tagged:\n(.*\n){3}Description: acp-play run r1 lock 0a0b0c0d host lab pid 7\n/,
    );
    run('no checkpoint c2');
    expect(run(`checkpoint long description ${'x'.repeat(81)}`)).toMatch(/^ERROR: .*80 characters/);
    expect(run('show running-config | include hostname')).toBe('hostname sw1');
  });

  it('ignoreRollback: the rollback answers as on success and changes nothing', () => {
    const { device, run } = cli('cisco_nxos', { ignoreRollback: true });
    run('checkpoint cp');
    run('conf t ; interface Ethernet1/1 ; description changed ; end');
    expect(run('rollback running-config checkpoint cp atomic')).toContain('Rollback completed successfully.');
    expect(device.running.ports.get('Ethernet1/1')!.description).toBe('changed');
  });

  it('show vlan | json has NX-API rows; LLDP needs feature lldp', () => {
    const { run } = cli('cisco_nxos', {
      lldpNeighbors: { 'Ethernet1/3': { systemName: 'node0', portId: 'enp4s0f0' } },
    });
    expect(JSON.parse(run('show vlan | json'))).toMatchObject({
      TABLE_vlanbrief: { ROW_vlanbrief: { 'vlanshowbr-vlanid': '1', 'vlanshowbr-vlanname': 'default' } },
    });
    expect(run('show lldp neighbors')).toContain("% Invalid command at '^' marker.");
    run('configure terminal ; feature lldp ; interface Ethernet1/3 ; no shutdown ; end');
    expect(run('show lldp neighbors')).toMatch(/^node0 +Eth1\/3 +120 +BR +enp4s0f0$/m);
  });
});

describe('EOS CLI', () => {
  it('enable, terminal replies, session prompts, diffs and abort', () => {
    const { cli: c, device, run } = cli('arista_eos', {}, 1);
    expect(c.prompt()).toBe('sw1>');
    expect(run('show running-config')).toBe('% Invalid input (privileged mode required)');
    expect(run('terminal length 0')).toBe('Pagination disabled.');
    expect(run('terminal width 511')).toBe('Width set to 511 columns.');
    run('enable');
    run('configure session acp-play-1');
    expect(c.prompt()).toBe('sw1(config-s-acp-pl)#');
    run('interface Ethernet3');
    expect(c.prompt()).toBe('sw1(config-s-acp-pl-if-Et3)#');
    run('switchport mode trunk');
    expect(device.running.ports.get('Ethernet3')!.mode).toBeUndefined();
    expect(run('show session-config diffs')).toMatch(
      /^--- system:\/running-config\n\+\+\+ session:\/acp-play-1-session-config\n@@[^\n]*\n[\s\S]*\+   switchport mode trunk/,
    );
    run('abort');
    expect(c.prompt()).toBe('sw1#');
    expect(device.sessions.size).toBe(0);
    expect(run('vlan 5000')).toBe("% Invalid input (at token 0: 'vlan')");
    expect(JSON.parse(run('show version | json'))).toMatchObject({ modelName: 'vEOS-lab', version: '4.30.1F' });
  });
});

describe('IOS CLI', () => {
  it('question for copy, access VLAN auto-create, error text with blank line, dynamic auto default', () => {
    const { cli: c, device, run } = cli('cisco_ios', { enableSecret: 's3cret' }, 1);
    expect(c.prompt()).toBe('sw1>');
    expect(run('show privilege')).toBe('Current privilege level is 1');
    expect(run('enable')).toBe('Password: ');
    run('s3cret');
    expect(run('show privilege')).toBe('Current privilege level is 15');
    expect(run('show interfaces Gi1/0/5 switchport')).toMatch(
      /Administrative Mode: dynamic auto\nOperational Mode: static access/,
    );
    run('conf t');
    run('interface Gi1/0/5');
    expect(c.prompt()).toBe('sw1(config-if)#');
    expect(run('switchport access vlan 2002')).toBe('% Access VLAN does not exist. Creating vlan 2002');
    expect(run('switchport access vlan 4095')).toBe(
      `${' '.repeat('sw1(config-if)#switchport access vlan '.length)}^\n% Invalid input detected at '^' marker.\n`,
    );
    expect(run('switchport trunk encapsulation dot1q')).toContain("% Invalid input detected at '^' marker.");
    run('end');
    expect(run('copy running-config startup-config')).toBe('Destination filename [startup-config]? ');
    expect(run('')).toBe('Building configuration...\n[OK]');
    expect(device.startup.vlans.has(2002)).toBe(true);
    expect(run('show vlan brief')).toMatch(/\n2002 VLAN2002 +active +Gi1\/0\/5\n/);
  });

  it('ISL-capable ports refuse trunk mode until the encapsulation is dot1q', () => {
    const { device, run } = cli('cisco_ios', { islCapable: true });
    run('configure terminal');
    run('interface GigabitEthernet1/0/3');
    expect(run('switchport mode trunk')).toBe(
      'Command rejected: An interface whose trunk encapsulation is "Auto" can not be configured to "trunk" mode.',
    );
    expect(run('switchport trunk encapsulation dot1q')).toBe('');
    expect(run('switchport mode trunk')).toBe('');
    run('end');
    expect(run('show running-config interface GigabitEthernet1/0/3')).toContain(
      ' switchport trunk encapsulation dot1q\n switchport mode trunk\nend',
    );
    expect(device.running.ports.get('GigabitEthernet1/0/3')!.mode).toBe('trunk');
  });
});

describe('ignoreRollback: each platform accepts its rollback and keeps the change', () => {
  const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  it('EOS: abort of a timed commit, and the timer running out, leave the change', async () => {
    const { device, run } = cli('arista_eos', { ignoreRollback: true, timeScale: 0.01 });
    for (const line of ['configure session s1', 'interface Ethernet3', 'description changed', 'commit timer 00:00:05'])
      expect(run(line)).toBe('');
    expect(run('configure session s1 abort')).toBe('');
    expect(device.running.ports.get('Ethernet3')!.description).toBe('changed');
    for (const line of ['configure session s2', 'interface Ethernet4', 'description timed', 'commit timer 00:00:01'])
      run(line);
    await wait(100);
    expect(device.pendingRevert).toBeUndefined();
    expect(device.running.ports.get('Ethernet4')!.description).toBe('timed');
  });

  it('IOS: configure revert now, and the revert timer, leave the change', async () => {
    const { device, run } = cli('cisco_ios', { ignoreRollback: true, timeScale: 0.001 });
    for (const line of ['configure terminal', 'archive', 'path flash:acp', 'end']) run(line);
    expect(run('configure terminal revert timer 1')).toBe(
      'Enter configuration commands, one per line.  End with CNTL/Z.',
    );
    for (const line of ['interface Gi1/0/3', 'description changed', 'end']) expect(run(line)).toBe('');
    expect(run('configure revert now')).toBe('');
    expect(device.running.ports.get('GigabitEthernet1/0/3')!.description).toBe('changed');
    for (const line of ['configure terminal revert timer 1', 'interface Gi1/0/4', 'description timed', 'end'])
      run(line);
    await wait(150);
    expect(device.pendingRevert).toBeUndefined();
    expect(device.running.ports.get('GigabitEthernet1/0/4')!.description).toBe('timed');
  });

  it('without it, the same IOS revert restores the archive', () => {
    const { device, run } = cli('cisco_ios');
    for (const line of ['configure terminal', 'archive', 'path flash:acp', 'end']) run(line);
    for (const line of ['configure terminal revert timer 5', 'interface Gi1/0/3', 'description changed', 'end'])
      run(line);
    run('configure revert now');
    expect(device.running.ports.get('GigabitEthernet1/0/3')!.description).toBeUndefined();
  });
});
