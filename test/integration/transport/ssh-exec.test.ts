// requires root: creates a test user and sudoers entry
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandError } from '../../../src/core/errors.js';
import { connectHost, type SshTarget } from '../../../src/transport/ssh-transport.js';
import type { Transport } from '../../../src/core/transport.js';
import {
  hasSshd,
  isRoot,
  ROOT_SKIP_REASON,
  sshdTarget,
  startSshd,
  stopAllSshd,
  type SshdHost,
} from '../helpers/sshd-host.js';

const canRun = isRoot && hasSshd;

describe.skipIf(!canRun)(`ssh exec against real sshd (${ROOT_SKIP_REASON})`, () => {
  let sshd: SshdHost;
  let conn: Transport;

  beforeAll(async () => {
    sshd = await startSshd();
    conn = await connectHost(target(), { sshConfigPath: false });
  });
  const target = (): SshTarget => sshdTarget(sshd);
  afterAll(async () => {
    await conn?.close();
    await stopAllSshd();
  });

  it('returns stdout, stderr and the exit code', async () => {
    const ok = await conn.exec('echo out; echo err >&2; exit 0');
    expect(ok).toMatchObject({ stdout: 'out\n', stderr: 'err\n', exitCode: 0 });
    const failed = await conn.exec('exit 7');
    expect(failed.exitCode).toBe(7);
    expect(failed.signal).toBeUndefined();
  });

  it('feeds stdin and closes it', async () => {
    const r = await conn.exec('tr a-z A-Z; echo done', { stdin: 'hello\nworld\n' });
    expect(r.stdout).toBe('HELLO\nWORLD\ndone\n');
    const empty = await conn.exec('cat; echo eof');
    expect(empty.stdout).toBe('eof\n');
  });

  it('reports a command killed by a signal', async () => {
    const r = await conn.exec('kill -TERM $$');
    expect(r.exitCode).toBeNull();
    expect(r.signal).toBe('SIGTERM');
  });

  it('times a command out, closes its channel, and keeps the connection usable', async () => {
    const started = Date.now();
    const pidFile = join(sshd.dir, 'work', 'timeout.pid');
    const err = await conn
      .exec(`echo $$ > ${pidFile}; echo partial; sleep 30`, { timeoutMs: 300 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandError);
    expect((err as CommandError).message).toMatch(/timed out after 300 ms/);
    expect((err as CommandError).output).toMatch(/partial/);
    expect(Date.now() - started).toBeLessThan(3_000);
    // The remote command was killed (signal KILL to its process group), not left running.
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 200));
    expect(() => process.kill(pid, 0)).toThrow();
    expect((await conn.exec('echo still-here')).stdout).toBe('still-here\n');
  });

  it('runs 12 concurrent execs on one connection (channel cap + retry)', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => conn.exec(`sleep 0.2; echo ${i}`)));
    expect(results.map((r) => r.stdout.trim())).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
    expect(results.every((r) => r.exitCode === 0)).toBe(true);
  });

  it('retries channels the server refuses when the cap is above sshd MaxSessions', async () => {
    const wide = await connectHost({ ...target(), name: 'wide' }, { sshConfigPath: false, maxChannels: 12 });
    try {
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => wide.exec(`sleep 0.3; echo ${i}`)));
      expect(results.map((r) => r.stdout.trim())).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
      expect(sshd.log()).toMatch(/no more sessions|refused session/i);
    } finally {
      await wide.close();
    }
  });

  it('reuses one authenticated connection for every exec', async () => {
    const before = sshd.acceptedCount();
    for (let i = 0; i < 10; i++) await conn.exec('true');
    expect(sshd.acceptedCount()).toBe(before);
    expect(before).toBeGreaterThanOrEqual(1);
  });

  it('runs a command with passwordless sudo (sudo -n) and keeps quoting intact', async () => {
    const r = await conn.exec(`id -u; printf '%s\\n' "it's quoted" | cat`, { become: true });
    expect(r).toMatchObject({ exitCode: 0, stdout: "0\nit's quoted\n" });
  });
});
