import type { Reporter } from '../core/run.js';
import { planRun } from '../engine/plan-run.js';
import type { RunOptions } from '../engine/run-options.js';
import { reportSite, type SiteReport } from './host-report.js';
import type { WatchPool } from './watch-pool.js';

/**
 * One site the watch plans every round: its run options (inventory, site, playbook, modules, scope, forks) and its
 * pool of connections kept between rounds. A fleet is a list of these.
 */
export interface WatchSite {
  readonly name: string;
  readonly options: Omit<RunOptions, 'reporter' | 'signal' | 'runId'>;
  readonly pool: WatchPool;
}

/** The watch keeps no per-event output: the round's plan is all it reads, so nothing accumulates between rounds. */
const quiet: Reporter = { emit: () => undefined, close: () => Promise.resolve() };

/** Plans one site once over its kept connections (a dry run: nothing is changed) and condenses the plan per host. */
export async function planWatchedSite(site: WatchSite, runId: string, signal: AbortSignal): Promise<SiteReport> {
  const plan = await planRun({ ...site.options, reporter: quiet, runId, signal }, site.pool);
  return reportSite(site.name, plan, (host) => site.pool.isConnected(host));
}
