// requires root and openssh-server: the sshd harness creates a test user and sudoers entry
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { ConnectError } from '../../../src/core/errors.js';
import { scanHostKey } from '../../../src/transport/keyscan.js';
import { createHostKeyPolicy, fingerprint, type HostKeyTarget } from '../../../src/transport/known-hosts.js';
import { connectHost } from '../../../src/transport/ssh-transport.js';
import { hasSshd, isRoot, ROOT_SKIP_REASON, startSshd, stopAllSshd, type SshdHost } from '../helpers/sshd-host.js';
import { generateEd25519Key } from '../../../packages/lab/src/ed25519-key.js';

const canRun = isRoot && hasSshd;
const blobOf = (pub: string) => Buffer.from(pub.split(' ')[1] ?? '', 'base64');
const otherKey = () => generateEd25519Key('other').publicLine.split(' ').slice(0, 2).join(' ');
const hashed = (name: string) => {
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
};

describe.skipIf(!canRun)(`host key checking against real sshd (${ROOT_SKIP_REASON})`, () => {
  let sshd: SshdHost;
  let dual: SshdHost;
  const root = mkdtempSync(join(tmpdir(), 'acp-hostkeys-'));
  let inventoryDir: string;
  let n = 0;

  beforeAll(async () => {
    [sshd, dual] = await Promise.all([startSshd(), startSshd({ hostKeyTypes: ['ed25519', 'rsa'] })]);
  });
  afterAll(async () => {
    await stopAllSshd();
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => {
    inventoryDir = join(root, `inv${++n}`);
    mkdirSync(inventoryDir);
    writeFileSync(
      join(inventoryDir, 'hosts.yaml'),
      `all:\n  hosts:\n    node1:\n      address: 127.0.0.1\n      port: ${sshd.port}\n`,
    );
  });
  const knownHosts = (...lines: string[]) => writeFileSync(join(inventoryDir, 'known_hosts'), `${lines.join('\n')}\n`);
  const target = (host = sshd): HostKeyTarget => ({
    inventoryDir,
    hostName: 'node1',
    address: '127.0.0.1',
    port: host.port,
    userKnownHostsFile: join(root, 'no-such-user-file'),
  });
  async function connect(host = sshd, acceptNew = false): Promise<string> {
    const policy = createHostKeyPolicy(target(host), { acceptNew });
    const conn = await connectHost(
      {
        name: 'node1',
        address: '127.0.0.1',
        port: host.port,
        user: host.user,
        auth: { identityFiles: [host.clientKeyPath], agentSocket: false },
        ...policy,
      },
      { sshConfigPath: false, connectAttempts: 1 },
    );
    try {
      return (await conn.exec('echo connected')).stdout;
    } finally {
      await conn.close();
    }
  }
  const refusal = (host = sshd) =>
    connect(host).then(
      () => 'connected',
      (e: unknown) => e,
    );

  it('refuses an unknown host key with its fingerprint and the pin command', async () => {
    const err = await refusal();
    expect(err).toBeInstanceOf(ConnectError);
    const message = (err as Error).message;
    expect(message).toContain(`is not known: ssh-ed25519 ${fingerprint(blobOf(sshd.hostKeyPub))}`);
    expect(message).toContain(`acp-play keyscan ${inventoryDir} --limit node1`);
  });

  it("refuses a changed host key loudly, naming the old key's file:line", async () => {
    knownHosts('# site1', `[127.0.0.1]:${sshd.port} ${otherKey()}`);
    const message = String((await refusal()) as Error);
    expect(message).toContain('REMOTE HOST IDENTIFICATION HAS CHANGED');
    expect(message).toContain(`${join(inventoryDir, 'known_hosts')}:2: ssh-ed25519`);
  });

  it('accepts a [127.0.0.1]:PORT entry', async () => {
    knownHosts(`[127.0.0.1]:${sshd.port} ${sshd.hostKeyPub}`);
    expect(await connect()).toBe('connected\n');
  });

  it('accepts a hashed entry', async () => {
    knownHosts(`${hashed(`[127.0.0.1]:${sshd.port}`)} ${sshd.hostKeyPub}`);
    expect(await connect()).toBe('connected\n');
  });

  it('refuses a @revoked key', async () => {
    knownHosts(`[127.0.0.1]:${sshd.port} ${sshd.hostKeyPub}`, `@revoked * ${sshd.hostKeyPub}`);
    expect(String(await refusal())).toContain('REVOKED');
  });

  it('asks a host pinned only by its RSA key for that key, not its ed25519 one', async () => {
    const rsa = dual.hostKeyPubs[1] ?? '';
    expect(rsa).toMatch(/^ssh-rsa /);
    knownHosts(`[127.0.0.1]:${dual.port} ${rsa}`);
    expect(await connect(dual)).toBe('connected\n');
  });

  it('--accept-new pins an unknown key in the inventory and then accepts it', async () => {
    expect(await connect(sshd, true)).toBe('connected\n');
    expect(readFileSync(join(inventoryDir, 'known_hosts'), 'utf8')).toBe(
      `[127.0.0.1]:${sshd.port} ${sshd.hostKeyPub}\n`,
    );
    expect(await connect()).toBe('connected\n');
  });

  it('scans a host key without logging in', async () => {
    const before = sshd.acceptedCount();
    expect((await scanHostKey('127.0.0.1', sshd.port)).equals(blobOf(sshd.hostKeyPub))).toBe(true);
    expect((await scanHostKey('127.0.0.1', dual.port, { algorithms: ['rsa-sha2-512'] })).toString('base64')).toBe(
      dual.hostKeyPubs[1]?.split(' ')[1],
    );
    expect(sshd.acceptedCount()).toBe(before);
  });

  describe('acp-play keyscan', () => {
    let home: string | undefined;
    let out: string;
    beforeEach(() => {
      home = process.env.HOME;
      process.env.HOME = join(root, 'home'); // never read the real ~/.ssh/known_hosts
      out = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    });
    const restore = () => {
      vi.restoreAllMocks();
      process.env.HOME = home;
    };

    it('writes the [address]:port line, after which a connection is accepted', async () => {
      const code = await main(['keyscan', inventoryDir, '--limit', 'node1', '--yes']).finally(restore);
      expect(code).toBe(0);
      expect(out).toContain(`node1  ssh-ed25519  ${fingerprint(blobOf(sshd.hostKeyPub))}`);
      expect(readFileSync(join(inventoryDir, 'known_hosts'), 'utf8')).toBe(
        `[127.0.0.1]:${sshd.port} ${sshd.hostKeyPub}\n`,
      );
      expect(await connect()).toBe('connected\n');
    });

    it('does not overwrite a different pinned key without --replace', async () => {
      const old = otherKey();
      knownHosts(`[127.0.0.1]:${sshd.port} ${old}`);
      const code = await main(['keyscan', inventoryDir, '--yes']).finally(restore);
      expect(code).toBe(1);
      expect(out).toContain('node1: NOT pinned: a DIFFERENT key is pinned; not replaced');
      expect(readFileSync(join(inventoryDir, 'known_hosts'), 'utf8')).toContain(old);
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
      expect(await main(['keyscan', inventoryDir, '--yes', '--replace']).finally(() => vi.restoreAllMocks())).toBe(0);
      expect(readFileSync(join(inventoryDir, 'known_hosts'), 'utf8')).toBe(
        `[127.0.0.1]:${sshd.port} ${sshd.hostKeyPub}\n`,
      );
    });

    it('writes nothing without --yes when there is no terminal to ask on', async () => {
      const code = await main(['keyscan', inventoryDir]).finally(restore);
      expect(code).toBe(2);
      expect(out).toContain('re-run with --yes');
      expect(() => readFileSync(join(inventoryDir, 'known_hosts'))).toThrow();
    });
  });
});
