import type { RunStatus } from '../../core/run-identity.js';
import type { DriverContext } from '../switch-driver.js';

/**
 * NX-OS checkpoint bookkeeping. `show checkpoint summary` lists each checkpoint as `N) NAME:` followed by
 * `Created by` / `Created at` / `Size is` / `Description:` lines, user checkpoints under `User Checkpoint Summary`
 * and feature-manager ones (`system-fm-...`) under `System Checkpoint Summary`. At most 10 user checkpoints may
 * exist at once.
 */

export const MAX_USER_CHECKPOINTS = 10;

/** The prefix of every checkpoint acp-play makes: `acp-play-<runId>-<n>`. */
export const CHECKPOINT_PREFIX = 'acp-play-';

/** A user checkpoint and its description (absent when `None`). */
export interface Checkpoint {
  readonly name: string;
  readonly description?: string;
}

/** The user checkpoints in `show checkpoint summary` output (system checkpoints left out), with descriptions. */
export function parseCheckpoints(summary: string): Checkpoint[] {
  const found: { name: string; description?: string }[] = [];
  let inSystem = false;
  let current: { name: string; description?: string } | undefined;
  for (const raw of summary.split('\n')) {
    const line = raw.trim();
    if (/^System Checkpoint Summary/i.test(line)) inSystem = true;
    else if (/^User Checkpoint Summary/i.test(line)) inSystem = false;
    const m = /^\d+\)\s*(\S+?):$/.exec(line);
    if (m) {
      current = !inSystem && !m[1]!.startsWith('system-') ? { name: m[1]! } : undefined;
      if (current) found.push(current);
      continue;
    }
    const d = /^Description:\s*(.*)$/.exec(line);
    if (d && current && d[1] !== 'None' && d[1] !== '') current.description = d[1]!;
  }
  return found;
}

/** Names of the user checkpoints in `show checkpoint summary` output. */
export function parseCheckpointNames(summary: string): string[] {
  return parseCheckpoints(summary).map((c) => c.name);
}

/** What `begin` does with each checkpoint on the switch. */
export interface CheckpointTriage {
  /** acp-play's, of this run or of a run that is gone: deleted. */
  readonly remove: readonly Checkpoint[];
  /** acp-play's, of a run still running (on this machine): nothing may be applied next to it. */
  readonly busy: readonly (Checkpoint & { readonly runId: string })[];
  /** acp-play's, of a run nothing can be told about (another machine, or no description): kept. */
  readonly unknown: readonly Checkpoint[];
  /** Not acp-play's: never touched. */
  readonly others: readonly Checkpoint[];
}

/**
 * Sorts the switch's checkpoints by whose they are. An acp-play checkpoint names its run (`acp-play-<runId>-<n>`)
 * and carries the run's tag as its description; the run identity says whether that run can still be running.
 */
export function triageCheckpoints(checkpoints: readonly Checkpoint[], ctx: Pick<DriverContext, 'runId' | 'run'>) {
  const remove: Checkpoint[] = [];
  const busy: (Checkpoint & { runId: string })[] = [];
  const unknown: Checkpoint[] = [];
  const others: Checkpoint[] = [];
  for (const cp of checkpoints) {
    const m = /^acp-play-([0-9a-z]+)-\d+$/.exec(cp.name);
    if (!m) {
      others.push(cp);
      continue;
    }
    const runId = m[1]!;
    const found = { runId, ...(cp.description ? { tag: cp.description } : {}) };
    const status: RunStatus = ctx.run ? ctx.run.statusOf(found) : runId === ctx.runId ? 'self' : 'unknown';
    if (status === 'self' || status === 'dead') remove.push(cp);
    else if (status === 'alive') busy.push({ ...cp, runId });
    else unknown.push(cp);
  }
  return { remove, busy, unknown, others } satisfies CheckpointTriage;
}
