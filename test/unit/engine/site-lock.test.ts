import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLockTimeout } from '../../../src/cli/lock-timeout.js';
import { localRunIdentity } from '../../../src/engine/local-run-identity.js';
import { acquireSiteLock, SiteLockedError, thisRun, type LockHolder } from '../../../src/engine/site-lock.js';

const lockFile = () => join(mkdtempSync(join(tmpdir(), 'acp-lock-')), '.acp-play.lock');

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString() as never;
}

describe('the site lock', () => {
  it('records host, pid, user, run id and start time; a second run is refused, naming the holder', async () => {
    const file = lockFile();
    const held = await acquireSiteLock(file, thisRun('aaaa1111', 'acp-play apply inventories/lab --yes'));
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    expect(onDisk).toMatchObject({ host: hostname(), pid: process.pid, user: userInfo().username, runId: 'aaaa1111' });
    expect(Date.parse(onDisk.startedAt)).toBeGreaterThan(Date.now() - 60_000);
    const error = await acquireSiteLock(file, thisRun('bbbb2222', 'acp-play plan inventories/lab')).catch((e) => e);
    expect(error).toBeInstanceOf(SiteLockedError);
    expect((error as Error).message).toBe(
      `the site is locked by run aaaa1111 of ${userInfo().username} on ${hostname()} (pid ${process.pid}), running since ` +
        `${onDisk.startedAt}: acp-play apply inventories/lab --yes; wait for it to finish, or give --lock-timeout (e.g. 10m) to wait for it`,
    );
    held.release();
    expect(existsSync(file)).toBe(false);
    (await acquireSiteLock(file, thisRun('bbbb2222', 'x'))).release();
  });

  it('replaces a stale lock whose process is gone, or whose pid now names another process', async () => {
    const file = lockFile();
    const gone = { ...thisRun('dead0001', 'acp-play apply'), pid: Number(deadPid()) };
    writeFileSync(file, JSON.stringify(gone));
    const held = await acquireSiteLock(file, thisRun('cccc3333', 'x'));
    expect(held.replaced?.runId).toBe('dead0001');
    held.release();
    writeFileSync(file, JSON.stringify({ ...thisRun('reused01', 'x'), pidStart: '1' }));
    const again = await acquireSiteLock(file, thisRun('dddd4444', 'x'));
    expect(again.replaced?.runId).toBe('reused01');
    again.release();
  });

  it('lets exactly one of two runs replace the same stale lock', async () => {
    const file = lockFile();
    writeFileSync(file, JSON.stringify({ ...thisRun('dead0002', 'x'), pid: Number(deadPid()) }));
    const results = await Promise.allSettled([
      acquireSiteLock(file, thisRun('eeee5555', 'x')),
      acquireSiteLock(file, thisRun('ffff6666', 'x')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('treats a lock taken on another machine as held, and says how to remove it if that run is gone', async () => {
    const file = lockFile();
    writeFileSync(file, JSON.stringify({ ...thisRun('remote01', 'x'), host: 'bastion-2', pid: Number(deadPid()) }));
    const error = (await acquireSiteLock(file, thisRun('gggg7777', 'x')).catch((e) => e)) as Error;
    expect(error.message).toMatch(
      /locked by run remote01 .* on bastion-2 .*; if that run is gone, remove .*\.acp-play\.lock$/,
    );
  });

  it('--lock-timeout waits for the holder to finish instead of exiting', async () => {
    const file = lockFile();
    const first = await acquireSiteLock(file, thisRun('hhhh8888', 'x'));
    setTimeout(() => first.release(), 300);
    const waits: string[] = [];
    const second = await acquireSiteLock(file, thisRun('iiii9999', 'x'), {
      timeoutMs: 10_000,
      onWait: (h) => waits.push(h.runId),
    });
    expect(waits).toEqual(['hhhh8888']);
    expect(JSON.parse(readFileSync(file, 'utf8')).runId).toBe('iiii9999');
    second.release();
    expect(parseLockTimeout('90')).toBe(90_000);
    expect(parseLockTimeout('10m')).toBe(600_000);
    expect(() => parseLockTimeout('soon')).toThrow(/--lock-timeout soon is not a duration/);
  });
});

describe("a run's identity on devices", () => {
  it('tells this run, a run of the same site lock (dead: this run holds it), and runs it cannot check', () => {
    const me = localRunIdentity('r1', '/site/a/.acp-play.lock');
    const sameLock = localRunIdentity('r0', '/site/a/.acp-play.lock').tag;
    const otherLock = localRunIdentity('r2', '/site/b/.acp-play.lock').tag;
    expect(me.tag).toMatch(/^acp-play run r1 lock [0-9a-f]{8} host \S+ pid \d+$/);
    expect(me.tag.length).toBeLessThanOrEqual(80);
    expect(me.statusOf({ runId: 'r1' })).toBe('self');
    expect(me.statusOf({ runId: 'r0', tag: sameLock })).toBe('dead');
    // Another site's run on this machine, from this very (live) process: alive.
    expect(me.statusOf({ runId: 'r2', tag: otherLock })).toBe('alive');
    expect(me.statusOf({ runId: 'r3', tag: `acp-play run r3 lock 01234567 host far-away pid 1` })).toBe('unknown');
    expect(me.statusOf({ runId: 'r4' })).toBe('unknown');
  });
});
