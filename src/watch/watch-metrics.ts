import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { changesOf, type SiteReport } from './host-report.js';

/** Round durations from a warm round on a few hosts to a slow fleet. */
const ROUND_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

/**
 * The watch's Prometheus metrics, in a registry of their own (plus the process metrics: memory, CPU, open files).
 * A host that could not be planned this round has no `in_sync` and no `changes` series (nothing is claimed about
 * it), only `up` and `plan_failed`. Label sets are bounded by the inventory: the same hosts and tasks every round.
 */
export class WatchMetrics {
  readonly registry = new Registry();
  private readonly inSync: Gauge<'site' | 'host'>;
  private readonly changes: Gauge<'site' | 'host' | 'task'>;
  private readonly up: Gauge<'site' | 'host'>;
  private readonly planFailed: Gauge<'site' | 'host'>;
  private readonly connects: Counter<'site' | 'host' | 'result'>;
  private readonly lastRound: Gauge;
  private readonly roundDuration: Histogram;
  private readonly skipped: Counter;
  /** site -> host -> tasks with a `changes` series, so a host that stops being planned loses all of them. */
  private readonly taskSeries = new Map<string, Map<string, Set<string>>>();

  constructor() {
    const registers = [this.registry];
    this.inSync = new Gauge({
      name: 'acp_play_host_in_sync',
      help: '1 when the last round planned no change on the host, 0 when it planned changes; absent when it could not plan the host',
      labelNames: ['site', 'host'],
      registers,
    });
    this.changes = new Gauge({
      name: 'acp_play_host_changes',
      help: 'Changes the last round planned on the host, per task',
      labelNames: ['site', 'host', 'task'],
      registers,
    });
    this.up = new Gauge({
      name: 'acp_play_host_up',
      help: '1 when the last round reached the host over SSH, 0 when it could not (dial failed, host key refused, connection lost)',
      labelNames: ['site', 'host'],
      registers,
    });
    this.planFailed = new Gauge({
      name: 'acp_play_host_plan_failed',
      help: '1 when the host was reached but could not be planned (a gather or render failed), else 0',
      labelNames: ['site', 'host'],
      registers,
    });
    this.connects = new Counter({
      name: 'acp_play_host_connects_total',
      help: 'SSH dials to the host (the watch keeps connections open between rounds, so this grows only on re-dials)',
      labelNames: ['site', 'host', 'result'],
      registers,
    });
    this.lastRound = new Gauge({
      name: 'acp_play_last_round_timestamp_seconds',
      help: 'Unix time at which the last round finished',
      registers,
    });
    this.roundDuration = new Histogram({
      name: 'acp_play_round_duration_seconds',
      help: 'Duration of a round: plan every host of every site once',
      buckets: ROUND_BUCKETS,
      registers,
    });
    this.skipped = new Counter({
      name: 'acp_play_rounds_skipped_total',
      help: 'Rounds not started because the previous round was still running at their start time',
      registers,
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Sets every host's series of one site from its round. */
  recordSite(report: SiteReport): void {
    const { site } = report;
    const bySite = this.taskSeries.get(site) ?? new Map<string, Set<string>>();
    this.taskSeries.set(site, bySite);
    for (const h of report.hosts) {
      const labels = { site, host: h.host };
      this.up.set(labels, h.up ? 1 : 0);
      this.planFailed.set(labels, h.up && h.error !== undefined ? 1 : 0);
      const total = changesOf(h);
      const tasks = bySite.get(h.host) ?? new Set<string>();
      bySite.set(h.host, tasks);
      if (total === undefined || !h.changesByTask) {
        this.inSync.remove(labels);
        for (const task of tasks) this.changes.remove({ ...labels, task });
        tasks.clear();
        continue;
      }
      this.inSync.set(labels, total === 0 ? 1 : 0);
      for (const task of tasks) if (!h.changesByTask.has(task)) this.changes.remove({ ...labels, task });
      tasks.clear();
      for (const [task, n] of h.changesByTask) {
        this.changes.set({ ...labels, task }, n);
        tasks.add(task);
      }
    }
  }

  recordRound(durationMs: number, finishedAt: Date): void {
    this.roundDuration.observe(durationMs / 1_000);
    this.lastRound.set(finishedAt.getTime() / 1_000);
  }

  recordSkippedRound(): void {
    this.skipped.inc();
  }

  recordDial(site: string, host: string, result: 'ok' | 'failed'): void {
    this.connects.inc({ site, host, result });
  }
}
