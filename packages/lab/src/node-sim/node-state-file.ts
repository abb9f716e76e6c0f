import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { SimNodeState } from './nmstate-sim-state.js';

/**
 * The node's state file, shared by every fake nmstatectl process and the simulator's rollback timer. Changes take
 * a lock file (`state.json.lock`, O_EXCL) so a timer rollback and a command never interleave; writes are atomic.
 */

const STALE_LOCK_MS = 10_000;

export function readNodeState(path: string): SimNodeState {
  const state = JSON.parse(readFileSync(path, 'utf8')) as SimNodeState;
  if (state.format !== 'acp-play/node-sim@1') throw new Error(`${path} is not a node simulator state file`);
  return state;
}

export function writeNodeState(path: string, state: SimNodeState): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `fn` on the state under the lock and writes back what it returns (undefined: nothing changed). */
export function withNodeState<T>(path: string, fn: (state: SimNodeState) => { state?: SimNodeState; result: T }): T {
  const lock = `${path}.lock`;
  const deadline = Date.now() + 15_000;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        // A process killed while holding the lock must not block the node forever.
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { force: true });
      } catch {
        // removed meanwhile
      }
      if (Date.now() > deadline) throw new Error(`${lock}: the node state stayed locked for 15 s`);
      sleepSync(10);
    }
  }
  try {
    const out = fn(readNodeState(path));
    if (out.state) writeNodeState(path, out.state);
    return out.result;
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}
