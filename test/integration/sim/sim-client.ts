import { connectHost } from '../../../src/transport/ssh-transport.js';
import type { CliSession, Transport } from '../../../src/core/transport.js';
import type { SimulatorHandle } from '../../../packages/lab/src/sim/sim-types.js';

export const USER = { username: 'admin', password: 'sim-Pass-1' };

/** Connects with the project's transport, pinning the simulator's host key. */
export function connectSim(sim: SimulatorHandle): Promise<Transport> {
  return connectHost(
    {
      name: 'sw1',
      address: sim.host,
      port: sim.port,
      user: USER.username,
      auth: { password: USER.password, agentSocket: false, identityFiles: [] },
      hostKeyCheck: (blob) =>
        `ssh-ed25519 ${blob.toString('base64')}` === sim.hostKeyPublic || 'host key differs from the simulator',
      hostKeyAlgorithms: ['ssh-ed25519'],
    },
    { sshConfigPath: false, connectAttempts: 1, keepaliveIntervalMs: 0 },
  );
}

/** Opens a shell and reads up to the first prompt. */
export async function openCli(conn: Transport, prompt: RegExp): Promise<{ cli: CliSession; banner: string }> {
  const cli = await conn.shell();
  const banner = await cli.readUntil(prompt, 5_000);
  return { cli, banner };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
