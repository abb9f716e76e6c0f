// requires root: creates a test user and sudoers entry
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectError } from '../../../src/core/errors.js';
import { connectHost } from '../../../src/transport/ssh-transport.js';
import {
  hasSshd,
  isRoot,
  labDir,
  pinnedHostKey,
  ROOT_SKIP_REASON,
  sshdTarget,
  startSshd,
  stopAllSshd,
  type SshdHost,
} from '../helpers/sshd-host.js';

const canRun = isRoot && hasSshd;
const hasSocat = existsSync('/usr/bin/socat');

const target = sshdTarget;

/** A TCP server that accepts connections and never says a word (an SSH port that hangs). */
async function silentServer(): Promise<{ server: Server; port: number; accepted: () => number }> {
  const sockets: Socket[] = [];
  const server = createServer((s) => (sockets.push(s), s.resume()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  return { server, port: (server.address() as { port: number }).port, accepted: () => sockets.length };
}

describe.skipIf(!canRun)(`connecting: proxies, failures, agent (${ROOT_SKIP_REASON})`, () => {
  let hosts: SshdHost[];
  const byPort = (port: number): SshdHost => hosts.find((h) => h.port === port)!;

  beforeAll(async () => {
    hosts = await Promise.all([startSshd(), startSshd(), startSshd({ hostKeyTypes: ['rsa', 'ed25519'] })]);
  });
  afterAll(stopAllSshd);

  it('goes through two ProxyJump hops named in an ssh config file (each hop its own connection)', async () => {
    const [jump1, jump2, dest] = hosts as [SshdHost, SshdHost, SshdHost];
    const config = join(await labDir(), 'ssh_config_jump');
    await writeFile(
      config,
      [
        'Host dest',
        `  HostName 127.0.0.1`,
        `  Port ${dest.port}`,
        `  User ${dest.user}`,
        `  IdentityFile ${dest.clientKeyPath}`,
        '  ProxyJump j1,j2',
        'Host j1 j2',
        `  HostName 127.0.0.1`,
        `  User ${jump1.user}`,
        `  IdentityFile ${jump1.clientKeyPath}`,
        `Host j1`,
        `  Port ${jump1.port}`,
        `Host j2`,
        `  Port ${jump2.port}`,
      ].join('\n'),
    );
    const before = hosts.map((h) => h.acceptedCount());
    const conn = await connectHost(
      { name: 'dest', address: 'dest', auth: { agentSocket: false }, ...pinnedHostKey(dest.hostKeyPubs[0]!) },
      { sshConfigPath: config, hostKeyPolicyFor: ({ port }) => pinnedHostKey(byPort(port).hostKeyPub) },
    );
    expect((await conn.exec('echo via jumps')).stdout).toBe('via jumps\n');
    await conn.close();
    expect(hosts.map((h, i) => h.acceptedCount() - before[i]!)).toEqual([1, 1, 1]);
  });

  it('restricts the handshake to the pinned key type (an RSA-pinned host with an ed25519 key too)', async () => {
    const dest = hosts[2]!;
    expect(dest.hostKeyPubs[0]).toMatch(/^ssh-rsa /);
    const conn = await connectHost(target(dest, pinnedHostKey(dest.hostKeyPubs[0]!)), { sshConfigPath: false });
    expect((await conn.exec('echo rsa')).stdout).toBe('rsa\n');
    await conn.close();
  });

  it('refuses a host whose key does not match, without retrying', async () => {
    const [a, b] = hosts as [SshdHost, SshdHost];
    const err = await connectHost(target(a, pinnedHostKey(b.hostKeyPub)), {
      sshConfigPath: false,
      retryBaseDelayMs: 10,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectError);
    expect((err as Error).message).toMatch(/host key rejected: key does not match/);
    expect((err as Error).message).not.toMatch(/attempts/);
  });

  it.skipIf(!hasSocat)('connects through a ProxyCommand with %h and %p substituted', async () => {
    const dest = hosts[0]!;
    const mark = join(await labDir(), 'proxycommand-ran');
    const conn = await connectHost(target(dest, { proxyCommand: `touch ${mark} && exec socat STDIO TCP:%h:%p` }), {
      sshConfigPath: false,
    });
    expect((await conn.exec('echo proxied')).stdout).toBe('proxied\n');
    await conn.close();
    expect(existsSync(mark)).toBe(true);
  });

  it('logs in with a key held by ssh-agent', async () => {
    const dest = hosts[0]!;
    const sock = join(await labDir(), 'agent.sock');
    const agent: ChildProcess = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 50 && !existsSync(sock); i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise<void>((resolve, reject) =>
        spawn('ssh-add', ['-q', dest.clientKeyPath], {
          env: { ...process.env, SSH_AUTH_SOCK: sock },
          stdio: 'ignore',
        }).on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`ssh-add ${c}`)))),
      );
      const conn = await connectHost(target(dest, { auth: { identityFiles: [], agentSocket: sock } }), {
        sshConfigPath: false,
      });
      expect((await conn.exec('echo agent')).stdout).toBe('agent\n');
      await conn.close();
    } finally {
      agent.kill();
    }
  });

  it('fails fast with ConnectError against a port that accepts TCP but never speaks SSH', async () => {
    const silent = await silentServer();
    try {
      const started = Date.now();
      const err = await connectHost(target(hosts[0]!, { port: silent.port }), {
        sshConfigPath: false,
        connectTimeoutMs: 400,
        connectAttempts: 1,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectError);
      expect((err as Error).message).toMatch(
        /node1: connect failed: 127\.0\.0\.1:\d+: timed out waiting for the SSH handshake/,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.server.close();
    }
  });

  it('retries the connect with backoff and gives up after N attempts', async () => {
    const silent = await silentServer();
    try {
      const err = await connectHost(target(hosts[0]!, { port: silent.port }), {
        sshConfigPath: false,
        connectTimeoutMs: 200,
        connectAttempts: 3,
        retryBaseDelayMs: 50,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectError);
      expect((err as Error).message).toMatch(/gave up after 3 attempts/);
      expect(silent.accepted()).toBe(3);
    } finally {
      silent.server.close();
    }
    const refused = await connectHost(target(hosts[0]!, { port: 1 }), {
      sshConfigPath: false,
      connectAttempts: 2,
      retryBaseDelayMs: 10,
    }).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/connection refused \(gave up after 2 attempts\)/);
  });
});
