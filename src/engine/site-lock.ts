import { linkSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { AcpError } from '../core/errors.js';
import { processStart, processStatus } from './process-status.js';

/** Who holds a site's lock: enough to find the run, and to tell that its process is gone. */
export interface LockHolder {
  /** The machine the run started on. */
  readonly host: string;
  readonly pid: number;
  /** The process's start time (Linux clock ticks since boot), so a reused pid is not taken for the holder. */
  readonly pidStart?: string;
  readonly user: string;
  readonly runId: string;
  readonly startedAt: string;
  readonly command: string;
}

/** The site is locked by another run that is alive (or whose process acp-play cannot check): exit 1. */
export class SiteLockedError extends AcpError {
  constructor(
    readonly file: string,
    readonly holder: LockHolder,
    waitedMs: number,
  ) {
    super(
      `the site is locked by run ${holder.runId} of ${holder.user} on ${holder.host} (pid ${holder.pid}), ` +
        `running since ${holder.startedAt}: ${holder.command}` +
        (waitedMs >= 1_000 ? ` (waited ${Math.round(waitedMs / 1000)} s)` : '') +
        '; wait for it to finish, or give --lock-timeout (e.g. 10m) to wait for it' +
        (holder.host === hostname() ? '' : `; if that run is gone, remove ${file}`),
    );
  }
}

/** This process as a lock holder. */
export function thisRun(runId: string, command: string): LockHolder {
  const start = processStart(process.pid);
  return {
    host: hostname(),
    pid: process.pid,
    ...(start ? { pidStart: start } : {}),
    user: userInfo().username,
    runId,
    startedAt: new Date().toISOString(),
    command,
  };
}

/**
 * `alive`, `dead` (its process is gone, or the pid now belongs to another process), or `unknown` (another machine:
 * acp-play cannot look at its processes, so it is treated as alive).
 */
export function holderStatus(holder: LockHolder): 'alive' | 'dead' | 'unknown' {
  if (holder.host !== hostname()) return 'unknown';
  return processStatus(holder.pid, holder.pidStart);
}

/** A lock this run holds; `release` removes it (only while it is still this run's). */
export interface HeldLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Set when a stale lock of a dead run was removed to take this one. */
  readonly replaced?: LockHolder;
  release(): void;
}

/**
 * Takes the lock file `file` for `me`: one run per site at a time. The file is created whole in one step (written
 * next to it, then hard-linked into place, which fails when it exists). A lock whose process is gone is stale and is
 * replaced (under a short-lived `.break` directory, so two runs cannot both replace it). When another run holds it,
 * waits up to `timeoutMs`, then throws SiteLockedError naming the holder.
 */
export async function acquireSiteLock(
  file: string,
  me: LockHolder,
  opts: { timeoutMs?: number; onWait?: (holder: LockHolder) => void; signal?: AbortSignal } = {},
): Promise<HeldLock> {
  const started = Date.now();
  let told = false;
  let replaced: LockHolder | undefined;
  for (;;) {
    if (tryCreate(file, me)) return held(file, me, replaced);
    const holder = readHolder(file);
    if (holder === undefined) continue; // released (or being replaced) between the two calls
    if (holderStatus(holder) === 'dead') {
      if (breakStale(file, holder)) replaced = holder;
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= (opts.timeoutMs ?? 0) || opts.signal?.aborted) throw new SiteLockedError(file, holder, waited);
    if (!told) opts.onWait?.(holder);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(500, (opts.timeoutMs ?? 0) - waited)));
  }
}

function held(file: string, holder: LockHolder, replaced: LockHolder | undefined): HeldLock {
  return {
    file,
    holder,
    ...(replaced ? { replaced } : {}),
    release() {
      if (readHolder(file)?.runId === holder.runId) rmSync(file, { force: true });
    },
  };
}

function tryCreate(file: string, me: LockHolder): boolean {
  const staged = `${file}.${me.runId}.new`;
  writeFileSync(staged, `${JSON.stringify(me, null, 2)}\n`, { mode: 0o644 });
  try {
    linkSync(staged, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(staged, { force: true });
  }
}

export function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/** Removes a stale lock if it still belongs to `stale`; true when removed. */
function breakStale(file: string, stale: LockHolder): boolean {
  const guard = `${file}.break`;
  try {
    mkdirSync(guard);
  } catch {
    // Another run is replacing it; a guard left by a process that died while holding it is removed after 30 s.
    try {
      if (Date.now() - statSync(guard).mtimeMs > 30_000) rmdirSync(guard);
    } catch {
      // gone already
    }
    return false;
  }
  try {
    if (readHolder(file)?.runId !== stale.runId) return false;
    unlinkSync(file);
    return true;
  } finally {
    rmdirSync(guard);
  }
}
