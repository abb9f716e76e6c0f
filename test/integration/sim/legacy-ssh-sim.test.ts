import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../packages/lab/src/sim/start-simulator.js';
import type { SimulatorHandle } from '../../../packages/lab/src/sim/sim-types.js';

const run = promisify(execFile);
const hasSsh = existsSync('/usr/bin/ssh') && existsSync('/usr/bin/ssh-keygen');

/** OpenSSH's own debug output is the judge of what an old-switch simulator offers. */
describe.skipIf(!hasSsh && !process.env['CI'])('sshLegacy: the simulator offers what an old switch offers', () => {
  let dir: string;
  let sim: SimulatorHandle;
  let base: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'acp-sim-legacy-'));
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id')]);
    const pub = (await readFile(join(dir, 'id.pub'), 'utf8')).trim();
    sim = await startSimulator({
      platform: 'cisco_ios',
      hostname: 'sw1',
      users: [{ username: 'admin', publicKeys: [pub] }],
      sshLegacy: true,
    });
    await writeFile(join(dir, 'known_hosts'), `[127.0.0.1]:${sim.port} ${sim.hostKeyPublic}\n`);
    base = ['-F', '/dev/null', '-p', String(sim.port), '-i', join(dir, 'id'), '-o', 'IdentitiesOnly=yes'];
    base.push('-o', 'BatchMode=yes', '-o', `UserKnownHostsFile=${join(dir, 'known_hosts')}`);
    base.push('-o', 'StrictHostKeyChecking=yes', '-o', 'ConnectTimeout=5');
  });
  afterAll(async () => {
    await sim?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has an ssh-rsa host key', () => {
    expect(sim.hostKeyPublic).toMatch(/^ssh-rsa AAAA/);
  });

  it('a default OpenSSH client refuses it, and ssh -vv shows the server offering only group14-sha1 and ssh-rsa', async () => {
    const failed = await run('ssh', ['-vv', ...base, 'admin@127.0.0.1', 'show version'], { timeout: 15_000 }).then(
      () => undefined,
      (error: { stderr: string }) => error.stderr,
    );
    expect(failed).toBeDefined();
    const offer = failed!.slice(failed!.indexOf('peer server KEXINIT proposal'));
    // ssh2 always appends the strict key exchange marker (the Terrapin fix); it names no key exchange method.
    expect(offer).toMatch(/debug2: KEX algorithms: diffie-hellman-group14-sha1(,kex-strict-s-v00@openssh.com)?\r?\n/);
    expect(offer).toMatch(/debug2: host key algorithms: ssh-rsa\r?\n/);
    expect(failed).toMatch(/no matching (key exchange method|host key type) found/);
  });

  it('a client that allows both logs in', async () => {
    const allow = ['-o', 'KexAlgorithms=+diffie-hellman-group14-sha1', '-o', 'HostKeyAlgorithms=+ssh-rsa'];
    const { stdout } = await run('ssh', [...allow, ...base, 'admin@127.0.0.1', 'show version'], { timeout: 15_000 });
    expect(stdout).toContain('Cisco IOS XE Software');
  });
});
