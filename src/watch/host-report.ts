import type { RunPlan } from '../core/run.js';

/** What one round found on one host: the facts the metrics and the round's log line are made of. */
export interface HostReport {
  readonly host: string;
  /** Reached over SSH this round (false: the dial failed, the key was refused, or the connection was lost). */
  readonly up: boolean;
  /** Planned changes per task; absent when the host could not be planned this round. */
  readonly changesByTask?: ReadonlyMap<string, number>;
  /** Why the host could not be planned (unreachable, or a gather that failed). */
  readonly error?: string;
}

/** One site's round: its plan condensed per host. */
export interface SiteReport {
  readonly site: string;
  readonly hosts: readonly HostReport[];
}

/**
 * Condenses a site's plan per host. `isConnected` tells whether the host's connection is open after the round: a
 * host whose plan failed because its connection went away mid-round counts as down, not as a failed plan.
 */
export function reportSite(site: string, plan: RunPlan, isConnected: (host: string) => boolean): SiteReport {
  const hosts = plan.hosts.map((h): HostReport => {
    if (h.status === 'unreachable') return { host: h.host, up: false, error: h.error ?? 'unreachable' };
    if (h.status === 'failed') return { host: h.host, up: isConnected(h.host), error: h.error ?? 'failed' };
    // A round cut short (SIGTERM) says nothing about the hosts it did not reach: no verdict, and not a failure.
    if (h.status === 'not-planned') return { host: h.host, up: isConnected(h.host) };
    const changesByTask = new Map<string, number>();
    for (const t of h.tasks) {
      if (t.skipped !== undefined) continue;
      changesByTask.set(t.task, (changesByTask.get(t.task) ?? 0) + t.changes.length);
    }
    return { host: h.host, up: true, changesByTask };
  });
  return { site, hosts };
}

/** Total planned changes of a host; undefined when it could not be planned. */
export function changesOf(report: HostReport): number | undefined {
  if (!report.changesByTask) return undefined;
  let n = 0;
  for (const c of report.changesByTask.values()) n += c;
  return n;
}
