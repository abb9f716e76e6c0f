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

describe.skipIf(!hasSsh)('NX-OS simulator driven by OpenSSH (publickey login, pinned host key)', () => {
  let dir: string;
  let sim: SimulatorHandle;
  let sshArgs: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'acp-sim-ssh-'));
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id'), '-C', 'sim-test']);
    const pub = (await readFile(join(dir, 'id.pub'), 'utf8')).trim();
    sim = await startSimulator({
      platform: 'cisco_nxos',
      hostname: 'sw1',
      users: [{ username: 'admin', publicKeys: [pub] }],
    });
    await writeFile(join(dir, 'known_hosts'), `[127.0.0.1]:${sim.port} ${sim.hostKeyPublic}\n`);
    sshArgs = [
      '-F',
      '/dev/null',
      '-p',
      String(sim.port),
      '-i',
      join(dir, 'id'),
      '-o',
      'IdentitiesOnly=yes',
      '-o',
      'BatchMode=yes',
      '-o',
      `UserKnownHostsFile=${join(dir, 'known_hosts')}`,
      '-o',
      'StrictHostKeyChecking=yes',
      '-o',
      'LogLevel=ERROR',
    ];
  });
  afterAll(async () => {
    await sim?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('exec: ssh switch "show running-config"', async () => {
    const { stdout } = await run('ssh', [...sshArgs, 'admin@127.0.0.1', 'show running-config'], { timeout: 10_000 });
    expect(stdout).toContain('hostname sw1');
    expect(stdout).toContain('interface Ethernet1/48');
  });

  it('interactive with -tt: prompts, echo with CRLF, config change, exit', async () => {
    const script = [
      'terminal length 0',
      'configure terminal',
      'interface Ethernet1/7',
      'switchport',
      'switchport mode trunk',
      'end',
      'show running-config interface Ethernet1/7',
      'exit',
      '',
    ].join('\n');
    const child = execFile('ssh', ['-tt', ...sshArgs, 'admin@127.0.0.1'], { timeout: 10_000 });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.stdin!.end(script);
    expect(await done).toBe(0);
    expect(out).toContain('sw1(config-if)# switchport mode trunk\r\n');
    expect(out).toContain('interface Ethernet1/7\r\n  switchport\r\n  switchport mode trunk\r\n');
    expect(sim.state().ports.get('Ethernet1/7')!.mode).toBe('trunk');
  });

  it('a wrong host key is refused by OpenSSH', async () => {
    const other = await startSimulator({
      platform: 'cisco_nxos',
      hostname: 'sw1',
      port: 0,
      users: [{ username: 'admin', password: 'x' }],
    });
    try {
      const args = sshArgs.map((a) => (a === String(sim.port) ? String(other.port) : a));
      await writeFile(join(dir, 'known_hosts'), `[127.0.0.1]:${other.port} ${sim.hostKeyPublic}\n`);
      await expect(run('ssh', [...args, 'admin@127.0.0.1', 'show version'], { timeout: 10_000 })).rejects.toThrow(
        /HOST IDENTIFICATION HAS CHANGED|Host key verification failed/,
      );
    } finally {
      await other.close();
    }
  });
});
