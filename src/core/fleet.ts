import type { RunPlan, RunResult } from './run.js';

/**
 * What happened to one site of a fleet run: `in-sync` (nothing to change), `changes` (planned, or applied by an
 * apply), `failed` (a host failed or was unreachable, or the site could not be run: its lock is held),
 * `invalid` (its inventory did not load: nothing contacted), `interrupted` (Ctrl-C before its work was done).
 */
export type FleetSiteStatus = 'in-sync' | 'changes' | 'failed' | 'invalid' | 'interrupted';

/** One site's line of a fleet run, and its plan or result. */
export interface FleetSiteOutcome {
  /** The site folder's name: what --sites and --shard match. */
  readonly site: string;
  readonly inventory: string;
  readonly status: FleetSiteStatus;
  /** Changes planned (plan, check) or applied (apply). */
  readonly changes: number;
  /** Why the site is invalid or failed: located problems (`FILE:LINE:COL: message — fix`) or the error. */
  readonly errors: readonly string[];
  readonly runId?: string;
  readonly plan?: RunPlan;
  readonly result?: RunResult;
  /** Where `plan --out DIR` saved this site's plan. */
  readonly planFile?: string;
}

/** The JSON document of a fleet run (`--json`): one entry per site of the run, in name order. */
export interface FleetDocument {
  readonly format: 'acp-play/fleet@1';
  readonly mode: 'plan' | 'apply' | 'check';
  readonly fleet: string;
  /** `I/N` when the run took one shard. */
  readonly shard?: string;
  readonly sites: readonly FleetSiteOutcome[];
  readonly summary: FleetSummary;
}

/** Sites per status, and the changes of all of them. */
export interface FleetSummary {
  readonly sites: number;
  readonly inSync: number;
  readonly withChanges: number;
  readonly failed: number;
  readonly invalid: number;
  readonly interrupted: number;
  readonly changes: number;
}

/** The status of a site from its plan. */
export function planStatus(plan: RunPlan): FleetSiteStatus {
  if (plan.interrupted) return 'interrupted';
  if (plan.summary.failed > 0) return 'failed';
  return plan.summary.changes > 0 ? 'changes' : 'in-sync';
}

/** The status of a site from its apply (or check) result, and the changes it applied (or found). */
export function resultStatus(result: RunResult): { status: FleetSiteStatus; changes: number } {
  const changes = result.hosts.reduce(
    (n, h) => n + h.tasks.filter((t) => t.status === 'changed').reduce((m, t) => m + t.changes.length, 0),
    0,
  );
  const down = result.hosts.some((h) => h.status === 'failed' || h.status === 'unreachable');
  const status = down ? 'failed' : result.interrupted ? 'interrupted' : changes > 0 ? 'changes' : 'in-sync';
  return { status, changes };
}

export function fleetSummary(sites: readonly FleetSiteOutcome[]): FleetSummary {
  const count = (s: FleetSiteStatus): number => sites.filter((x) => x.status === s).length;
  return {
    sites: sites.length,
    inSync: count('in-sync'),
    withChanges: count('changes'),
    failed: count('failed'),
    invalid: count('invalid'),
    interrupted: count('interrupted'),
    changes: sites.reduce((n, s) => n + s.changes, 0),
  };
}
