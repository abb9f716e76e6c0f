import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNxosConfig } from '../../../src/platforms/cisco-nxos/nxos-parse.js';
import { startSimulator } from '../../../packages/lab/src/sim/start-simulator.js';
import type { SimulatorHandle } from '../../../packages/lab/src/sim/sim-types.js';
import type { CliSession, Transport } from '../../../src/core/transport.js';
import { connectSim, openCli, USER } from './sim-client.js';

const PROMPT = /^sw1(\([\w-]+\))?# $/;
const CONFIG = readFileSync(
  join(import.meta.dirname, '../../fixtures/switch-configs/nxos/batfish_nxos_interface_switchport.cfg'),
  'utf8',
  // The config's own hostname would set the prompt: boot it as sw1.
).replace(/^hostname .*$/m, 'hostname sw1');

describe('NX-OS simulator over SSH (project transport)', () => {
  let sim: SimulatorHandle;
  let conn: Transport;
  let cli: CliSession;
  const send = (line: string): Promise<string> => cli.send(line, { prompt: PROMPT, timeoutMs: 5_000 });

  beforeAll(async () => {
    sim = await startSimulator({
      platform: 'cisco_nxos',
      hostname: 'sw1',
      config: CONFIG,
      users: [USER],
      rejectCommands: [/allowed vlan add 666/],
      dropAfter: /^description DROP/,
    });
    conn = await connectSim(sim);
    const opened = await openCli(conn, PROMPT);
    cli = opened.cli;
    expect(opened.banner).toContain('Cisco Nexus Operating System (NX-OS) Software');
    expect(await send('terminal length 0')).toBe('');
    expect(await send('terminal width 511')).toBe('');
  });
  afterAll(async () => {
    await conn?.close();
    await sim?.close();
  });

  it('show running-config over SSH is the device text; the project parser reads the same allowed lists', async () => {
    const text = await send('show running-config');
    expect(text).toContain('!Command: show running-config');
    expect(text.trim()).toBe(sim.runningConfig().trim());
    const parsed = parseNxosConfig(text);
    const trunks = [...sim.state().ports.values()].filter((p) => p.switchport && p.allowed !== 'all');
    expect(trunks.length).toBeGreaterThan(3);
    for (const port of trunks)
      expect([port.name, parsed.interfaces.get(port.name)?.allowedVlans]).toEqual([port.name, port.allowed]);
  });

  it('a config change shows in show running-config interface', async () => {
    await send('configure terminal');
    await send('interface Eth1/3');
    await send('switchport');
    await send('switchport mode trunk');
    await send('switchport trunk allowed vlan 2003-2005');
    await send('end');
    const out = await send('show running-config interface Ethernet1/3');
    expect(out).toMatch(
      // The config has `system default switchport`: a switchport prints no `switchport` line.
      /interface Ethernet1\/3\n  switchport mode trunk\n  switchport trunk allowed vlan 2003-2005\n/,
    );
  });

  it('prints the caret error for a bad VLAN and an unknown command, state unchanged', async () => {
    await send('configure terminal');
    expect(await send('vlan 4095')).toBe(
      `${' '.repeat('sw1(config)# vlan '.length)}^\n% Invalid command at '^' marker.`,
    );
    expect(await send('bogus command')).toContain("% Invalid command at '^' marker.");
    await send('end');
    expect(sim.state().vlans.has(4095)).toBe(false);
  });

  it('checkpoint then rollback restores the whole config; save copies running to startup', async () => {
    const before = sim.runningConfig();
    expect(await send('checkpoint acp-1')).toMatch(/Done$/);
    expect(await send('checkpoint acp-1')).toMatch(/^ERROR: /);
    await send('configure terminal');
    await send('no vlan 2');
    await send('interface Ethernet1/3');
    await send('switchport trunk allowed vlan add 2010');
    await send('end');
    expect(sim.runningConfig()).not.toBe(before);
    expect(await send('show checkpoint summary')).toContain('1) acp-1:');
    expect(await send('rollback running-config checkpoint acp-1 atomic')).toContain('Rollback completed successfully.');
    expect(sim.runningConfig()).toBe(before);
    expect(await send('copy running-config startup-config')).toContain('Copy complete.');
    expect(sim.startupState()).toEqual(sim.state());
  });

  it('fault injection: a rejected command errors, a drop cuts the connection', async () => {
    await send('configure terminal');
    await send('interface Ethernet1/3');
    expect(await send('switchport trunk allowed vlan add 666')).toContain("% Invalid command at '^' marker.");
    expect(sim.state().ports.get('Ethernet1/3')!.allowed).not.toContain(666);
    await expect(send('description DROP here')).rejects.toThrow(/closed/);
  });

  it('exec channel runs one command (ssh switch "show ...") with an exit status', async () => {
    const conn2 = await connectSim(sim);
    try {
      const ok = await conn2.exec('show vlan brief');
      expect(ok.exitCode).toBe(0);
      expect(ok.stdout).toMatch(/^VLAN Name +Status +Ports$/m);
      const bad = await conn2.exec('show nonsense');
      expect(bad.exitCode).toBe(1);
      expect(bad.stdout).toContain("% Invalid command at '^' marker.");
    } finally {
      await conn2.close();
    }
  });
});
