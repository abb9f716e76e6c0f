/**
 * NX-OS checkpoint bookkeeping. `show checkpoint summary` lists each checkpoint as `N) NAME:` followed by
 * `Created by` / `Created at` / `Size is` / `Description:` lines, user checkpoints under `User Checkpoint Summary`
 * and feature-manager ones (`system-fm-...`) under `System Checkpoint Summary`. At most 10 user checkpoints may
 * exist at once.
 */

export const MAX_USER_CHECKPOINTS = 10;

/** The prefix of every checkpoint acp-play makes: `acp-play-<runId>-<n>`. */
export const CHECKPOINT_PREFIX = 'acp-play-';

/** Names of the user checkpoints in `show checkpoint summary` output (system checkpoints left out). */
export function parseCheckpointNames(summary: string): string[] {
  const names: string[] = [];
  let inSystem = false;
  for (const raw of summary.split('\n')) {
    const line = raw.trim();
    if (/^System Checkpoint Summary/i.test(line)) inSystem = true;
    else if (/^User Checkpoint Summary/i.test(line)) inSystem = false;
    const m = /^\d+\)\s*(\S+?):$/.exec(line);
    if (m && !inSystem && !m[1]!.startsWith('system-')) names.push(m[1]!);
  }
  return names;
}

/** Splits the device's checkpoints into acp-play's leftovers (safe to delete) and everyone else's (never touched). */
export function sortCheckpoints(names: readonly string[]): { ours: string[]; others: string[] } {
  return {
    ours: names.filter((n) => n.startsWith(CHECKPOINT_PREFIX)),
    others: names.filter((n) => !n.startsWith(CHECKPOINT_PREFIX)),
  };
}
