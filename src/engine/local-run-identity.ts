import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { RunIdentity, RunStatus } from '../core/run-identity.js';
import { processStatus } from './process-status.js';

const TAG = /^acp-play run (\S+) lock (\S+) host (\S+) pid (\d+)$/;

/** A short id of a site lock file, written into tags: runs that share it never run at once. */
export function lockId(lockFile: string): string {
  return createHash('sha256').update(resolve(lockFile)).digest('hex').slice(0, 8);
}

/**
 * This run as the safety nets it leaves on devices describe it: `acp-play run <runId> lock <lockId> host <machine>
 * pid <pid>` (under 80 characters, NX-OS's limit for a checkpoint description). Another run's tag tells whether it
 * can still be running: one that shares this run's site lock cannot (this run holds the lock); one on this machine
 * is checked by its pid; anything else is unknown.
 */
export function localRunIdentity(runId: string, lockFile: string | undefined): RunIdentity {
  const lock = lockFile ? lockId(lockFile) : 'none';
  const machine = hostname().split('.')[0]!.replace(/\s/g, '').slice(0, 24);
  return {
    runId,
    tag: `acp-play run ${runId} lock ${lock} host ${machine} pid ${process.pid}`,
    statusOf(found): RunStatus {
      if (found.runId === runId) return 'self';
      const m = TAG.exec(found.tag?.trim() ?? '');
      if (!m || m[1] !== found.runId) return 'unknown';
      if (lockFile && m[2] === lock) return 'dead';
      if (m[3] === machine) return processStatus(Number(m[4]));
      return 'unknown';
    },
  };
}
