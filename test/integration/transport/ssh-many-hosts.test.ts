// requires root: creates a test user and sudoers entry
import { afterAll, describe, expect, it } from 'vitest';
import { connectHost } from '../../../src/transport/ssh-transport.js';
import { hasSshd, isRoot, pinnedHostKey, ROOT_SKIP_REASON, startManySshd, stopAllSshd } from '../helpers/sshd-host.js';

const canRun = isRoot && hasSshd;

describe.skipIf(!canRun)(`50 real sshd hosts (${ROOT_SKIP_REASON})`, () => {
  afterAll(stopAllSshd);

  it('starts 50 hosts with distinct host keys and runs a command on each over one connection', async () => {
    const hosts = await startManySshd(50);
    expect(new Set(hosts.map((h) => h.port)).size).toBe(50);
    expect(new Set(hosts.map((h) => h.hostKeyPub)).size).toBe(50);
    const outs = await Promise.all(
      hosts.map(async (h, i) => {
        const conn = await connectHost(
          {
            name: `node${i}`,
            address: '127.0.0.1',
            port: h.port,
            user: h.user,
            auth: { identityFiles: [h.clientKeyPath], agentSocket: false },
            ...pinnedHostKey(h.hostKeyPub),
          },
          { sshConfigPath: false, connectTimeoutMs: 20_000 },
        );
        try {
          const a = await conn.exec('echo $PPID');
          const b = await conn.exec('hostname >/dev/null && echo ok');
          return `${a.exitCode}${b.stdout.trim()}`;
        } finally {
          await conn.close();
        }
      }),
    );
    expect(outs).toEqual(hosts.map(() => '0ok'));
    expect(hosts.every((h) => h.acceptedCount() === 1)).toBe(true);
    const pids = hosts.map((h) => h.pid);
    await stopAllSshd();
    expect(pids.filter((pid) => alive(pid))).toEqual([]);
  }, 60_000);
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
