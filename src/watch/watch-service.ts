import { randomBytes } from 'node:crypto';
import type { ListenAddress } from './listen-address.js';
import { startMetricsServer } from './metrics-server.js';
import { formatRoundLine } from './round-log.js';
import { watchHealth } from './watch-health.js';
import { WatchLoop } from './watch-loop.js';
import type { WatchMetrics } from './watch-metrics.js';
import { planWatchedSite, type WatchSite } from './watch-site.js';

/** Options of {@link startWatch}. */
export interface WatchServiceOptions {
  readonly sites: readonly WatchSite[];
  readonly metrics: WatchMetrics;
  readonly intervalMs: number;
  readonly listen: ListenAddress;
  /** Where the round lines go (one per round). */
  readonly log: (line: string) => void;
}

/** A running watch. */
export interface RunningWatch {
  /** Where /metrics and /healthz answer. */
  readonly address: ListenAddress;
  /** Ends the schedule, lets the round in flight end, closes the server and every connection. */
  stop(): Promise<{ readonly rounds: number }>;
}

/**
 * The drift watch: the metrics server, then a round now and every interval after. A round plans every site at once
 * over the connections kept from the last round, sets the metrics from the plans and logs one line. It never
 * changes anything: planning is a dry run.
 */
export async function startWatch(opts: WatchServiceOptions): Promise<RunningWatch> {
  const startedAt = Date.now();
  const watchId = randomBytes(3).toString('hex');
  let lastRoundAt: number | undefined;
  let rounds = 0;
  let skippedTicks = 0;
  const server = await startMetricsServer(opts.listen, {
    metrics: async () => ({
      contentType: opts.metrics.registry.contentType,
      body: await opts.metrics.registry.metrics(),
    }),
    health: () => watchHealth({ intervalMs: opts.intervalMs, startedAt, now: Date.now(), lastRoundAt }),
  });
  const loop = new WatchLoop({
    intervalMs: opts.intervalMs,
    onSkip: () => {
      skippedTicks += 1;
      opts.metrics.recordSkippedRound();
    },
    onError: (error) =>
      opts.log(`${new Date().toISOString()} round failed: ${(error as Error).stack ?? String(error)}`),
    runRound: async (round, signal) => {
      const began = Date.now();
      const reports = await Promise.all(opts.sites.map((site) => planWatchedSite(site, `${watchId}-${round}`, signal)));
      if (signal.aborted) return; // a round cut short by stop() is incomplete: its hosts were not all planned
      for (const report of reports) opts.metrics.recordSite(report);
      const finished = new Date();
      opts.metrics.recordRound(finished.getTime() - began, finished);
      lastRoundAt = finished.getTime();
      rounds = round;
      opts.log(formatRoundLine({ round, durationMs: finished.getTime() - began, skippedTicks, at: finished }, reports));
      skippedTicks = 0;
    },
  });
  loop.start();
  return {
    address: server.address,
    stop: async () => {
      await loop.stop();
      await server.close();
      await Promise.all(opts.sites.map((s) => s.pool.closeAll()));
      return { rounds };
    },
  };
}
