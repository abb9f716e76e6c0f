import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, type Change } from '../../../src/core/change.js';
import type { Transport } from '../../../src/core/transport.js';
import { startSimulator } from '../../../packages/lab/src/sim/start-simulator.js';
import type { SimulatorHandle } from '../../../packages/lab/src/sim/sim-types.js';
import { configureChanges } from '../../../src/platforms/cli-apply.js';
import { CliDevice } from '../../../src/platforms/cli-device.js';
import { nxosDefinition } from '../../../src/platforms/cisco-nxos/nxos-definition.js';
import { connectHost } from '../../../src/transport/ssh-transport.js';
import { USER } from '../sim/sim-client.js';

// A secret Command on the CLI apply path, over real SSH to the NX-OS simulator: the device gets the text as written,
// the session's transcript and the failure message get only the mask.
const SECRET = 'Vault-Only-Descr-7731';
const REFUSED = 'Refused-Secret-9152';

describe('Command.secret through the CLI apply path', () => {
  let sim: SimulatorHandle;
  let conn: Transport;
  let device: CliDevice;
  const transcript: string[] = [];

  beforeAll(async () => {
    sim = await startSimulator({
      platform: 'cisco_nxos',
      hostname: 'sw1',
      users: [USER],
      rejectCommands: [new RegExp(`^description ${REFUSED}`)],
    });
    conn = await connectHost(
      {
        name: 'sw1',
        address: sim.host,
        port: sim.port,
        user: USER.username,
        auth: { password: USER.password, agentSocket: false, identityFiles: [] },
        hostKeyCheck: (blob) => `ssh-ed25519 ${blob.toString('base64')}` === sim.hostKeyPublic || 'not the sim',
        hostKeyAlgorithms: ['ssh-ed25519'],
      },
      {
        sshConfigPath: false,
        connectAttempts: 1,
        keepaliveIntervalMs: 0,
        transcript: { record: (e) => transcript.push(JSON.stringify(e)) },
      },
    );
    device = await CliDevice.open(conn, nxosDefinition('sw1'));
  });
  afterAll(async () => {
    await device?.close();
    await conn?.close();
    await sim?.close();
  });

  const change = (descr: string): Change => ({
    resource: 'Ethernet1/5',
    action: 'update',
    diff: 'description: (secret)',
    commands: [command('interface Ethernet1/5'), command(`description ${descr}`, true), command('exit')],
  });

  it('sends the secret as written, and the transcript holds only the mask', async () => {
    await configureChanges(device, [change(SECRET)]);
    expect(sim.runningConfig()).toContain(`description ${SECRET}`);
    const text = transcript.join('\n');
    expect(text).toContain('"text":"********"');
    expect(text).toContain('interface Ethernet1/5');
    expect(text).not.toContain(SECRET);
  });

  it('a refused secret command fails with the mask in its message, and the device echo is masked too', async () => {
    const error = (await configureChanges(device, [change(REFUSED)]).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^interface Ethernet1\/5: \*{8}: /);
    expect(error.message).not.toContain(REFUSED);
    expect(transcript.join('\n')).not.toContain(REFUSED);
    expect(sim.runningConfig()).not.toContain(REFUSED);
  });
});
