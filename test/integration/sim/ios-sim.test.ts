import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../packages/lab/src/sim/start-simulator.js';
import type { SimulatorHandle } from '../../../packages/lab/src/sim/sim-types.js';
import type { CliSession, Transport } from '../../../src/core/transport.js';
import { connectSim, openCli, sleep, USER } from './sim-client.js';

const PROMPT = /^sw1(\([\w-]+\))?[>#]$/;

describe('IOS simulator over SSH: archive, revert timer, confirm', () => {
  let sim: SimulatorHandle;
  let conn: Transport;
  let cli: CliSession;
  const send = (line: string, prompt = PROMPT): Promise<string> => cli.send(line, { prompt, timeoutMs: 5_000 });
  const port = (): { mode?: string; description?: string } => sim.state().ports.get('GigabitEthernet1/0/3')!;

  beforeAll(async () => {
    // One device minute = 120 ms.
    sim = await startSimulator({
      platform: 'cisco_ios',
      hostname: 'sw1',
      users: [{ ...USER, privilege: 1 }],
      timeScale: 0.002,
      enableSecret: 'en-secret',
    });
    conn = await connectSim(sim);
    const opened = await openCli(conn, PROMPT);
    cli = opened.cli;
    await send('enable', /Password: $/);
    await send('en-secret');
    await send('terminal length 0');
  });
  afterAll(async () => {
    await conn?.close();
    await sim?.close();
  });

  it('revert timer needs an archive path, then reverts by itself', async () => {
    expect(await send('configure terminal revert timer 1')).toMatch(/archive/i);
    await send('configure terminal');
    await send('archive');
    await send('path flash:acp-archive');
    await send('end');
    expect(await send('show running-config')).toContain('archive\n path flash:acp-archive\n');
    await send('configure terminal revert timer 1');
    await send('interface GigabitEthernet1/0/3');
    await send('switchport mode trunk');
    await send('end');
    expect(port().mode).toBe('trunk');
    await sleep(500);
    expect(port().mode).toBeUndefined();
  });

  it('configure confirm keeps the change', async () => {
    await send('configure terminal revert timer 1');
    await send('interface Gi1/0/3');
    await send('description node1 vm nic');
    await send('end');
    await send('configure confirm');
    await sleep(400);
    expect(port().description).toBe('node1 vm nic');
  });

  it('copy running-config startup-config asks for the file name; bad input gets the IOS caret', async () => {
    expect(await send('copy running-config startup-config', /Destination filename \[startup-config\]\? $/)).toBe('');
    // The echo of an empty line is just the line end, which the transport leaves in front.
    expect((await send('')).replace(/^\n/, '')).toBe('Building configuration...\n[OK]');
    expect(sim.startupState().ports.get('GigabitEthernet1/0/3')!.description).toBe('node1 vm nic');
    await send('configure terminal');
    expect(await send('vlan 4095')).toBe(
      `${' '.repeat('sw1(config)#vlan '.length)}^\n% Invalid input detected at '^' marker.\n`,
    );
    await send('end');
  });
});
