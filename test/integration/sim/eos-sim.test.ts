import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../packages/lab/src/sim/start-simulator.js';
import type { SimulatorHandle } from '../../../packages/lab/src/sim/sim-types.js';
import type { CliSession, Transport } from '../../../src/core/transport.js';
import { connectSim, openCli, sleep, USER } from './sim-client.js';

const PROMPT = /^sw1(\([\w-]+\))?[>#]$/;

describe('EOS simulator over SSH: sessions and commit timer', () => {
  let sim: SimulatorHandle;
  let conn: Transport;
  let cli: CliSession;
  const send = (line: string): Promise<string> => cli.send(line, { prompt: PROMPT, timeoutMs: 5_000 });
  const mode = (name: string): string => sim.state().ports.get(name)!.mode ?? 'access';

  beforeAll(async () => {
    // 1 device second = 20 ms: a 5-second commit timer lasts 100 ms.
    sim = await startSimulator({ platform: 'arista_eos', hostname: 'sw1', users: [USER], timeScale: 0.02 });
    conn = await connectSim(sim);
    cli = (await openCli(conn, PROMPT)).cli;
    await send('enable');
    await send('terminal length 0');
  });
  afterAll(async () => {
    await conn?.close();
    await sim?.close();
  });

  it('shows the session in the prompt and stages changes until commit', async () => {
    await send('configure session acp-play-1');
    await send('interface Ethernet3');
    await send('switchport trunk allowed vlan 2003-2005');
    await send('switchport mode trunk');
    expect(mode('Ethernet3')).toBe('access');
    expect(await send('show session-config diffs')).toContain(
      '+   switchport trunk allowed vlan 2003-2005\n+   switchport mode trunk',
    );
    await send('commit');
    expect(mode('Ethernet3')).toBe('trunk');
    expect(await send('show running-config interfaces Ethernet3')).toBe(
      'interface Ethernet3\n   switchport trunk allowed vlan 2003-2005\n   switchport mode trunk',
    );
  });

  it('commit timer reverts by itself when nobody confirms', async () => {
    await send('configure session acp-play-2');
    await send('interface Ethernet4');
    await send('switchport mode trunk');
    await send('commit timer 00:00:05');
    expect(mode('Ethernet4')).toBe('trunk');
    await sleep(400);
    expect(mode('Ethernet4')).toBe('access');
  });

  it('configure session NAME abort rolls a timed commit back at once, not when the timer runs out', async () => {
    await send('configure session acp-play-4');
    await send('interface Ethernet6');
    await send('switchport mode trunk');
    await send('commit timer 01:00:00');
    expect(mode('Ethernet6')).toBe('trunk');
    await send('configure session acp-play-4 abort');
    expect(mode('Ethernet6')).toBe('access');
  });

  it('configure session NAME commit confirms in time', async () => {
    await send('configure session acp-play-3');
    await send('interface Ethernet5');
    await send('shutdown');
    await send('commit timer 00:00:05');
    await send('configure session acp-play-3 commit');
    await sleep(300);
    expect(sim.state().ports.get('Ethernet5')!.shutdown).toBe(true);
  });

  it('abort discards, write memory saves, errors use EOS wording', async () => {
    await send('configure session acp-play-4');
    await send('vlan 2003');
    await send('name vm-1');
    await send('abort');
    expect(sim.state().vlans.has(2003)).toBe(false);
    expect(await send('write memory')).toBe('Copy completed successfully.');
    await send('configure terminal');
    expect(await send('vlan 5000')).toBe("% Invalid input (at token 1: '5000')");
    expect(await send('interface')).toBe('% Incomplete command');
    await send('end');
  });
});
