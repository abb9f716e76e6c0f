import type { SimCheckpoint, SimNodeState } from './nmstate-sim-state.js';

/** NetworkManager's D-Bus object path prefix of checkpoints. */
export const CHECKPOINT_PREFIX = '/org/freedesktop/NetworkManager/Checkpoint/';

/** Opens a checkpoint holding the current interfaces; NetworkManager rolls it back by itself after `timeoutS`. */
export function createCheckpoint(state: SimNodeState, timeoutS: number, now: number): SimCheckpoint {
  const cp: SimCheckpoint = {
    path: `${CHECKPOINT_PREFIX}${state.nextCheckpoint}`,
    createdAt: now,
    deadline: now + timeoutS * 1000,
    interfaces: JSON.parse(JSON.stringify(state.interfaces)) as SimCheckpoint['interfaces'],
  };
  state.nextCheckpoint += 1;
  state.checkpoints.push(cp);
  return cp;
}

/** Restores the interfaces saved in `cp` and forgets it (and any checkpoint opened after it). */
export function rollbackCheckpoint(state: SimNodeState, cp: SimCheckpoint): void {
  const at = state.checkpoints.findIndex((c) => c.path === cp.path);
  state.interfaces = cp.interfaces;
  state.checkpoints = at < 0 ? state.checkpoints : state.checkpoints.slice(0, at);
}

/** Forgets `cp` and keeps the current state (NetworkManager's CheckpointDestroy). */
export function destroyCheckpoint(state: SimNodeState, cp: SimCheckpoint): void {
  state.checkpoints = state.checkpoints.filter((c) => c.path !== cp.path);
}

/**
 * NetworkManager's own timer: every checkpoint whose timeout has passed is rolled back (newest first, so the
 * oldest snapshot wins). Returns the paths rolled back; mutates `state`.
 */
export function expireCheckpoints(state: SimNodeState, now: number): string[] {
  const due = state.checkpoints.filter((c) => c.deadline <= now).reverse();
  for (const cp of due) {
    rollbackCheckpoint(state, cp);
    state.expired.push({ path: cp.path, at: now });
  }
  return due.map((c) => c.path);
}

/** `busctl get-property … Checkpoints` output: the D-Bus signature, the count, the quoted paths. */
export function busctlCheckpoints(state: SimNodeState): string {
  return ['ao', String(state.checkpoints.length), ...state.checkpoints.map((c) => `"${c.path}"`)].join(' ');
}
