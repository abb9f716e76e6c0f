import type { Host } from '../core/inventory.js';
import type { Play, Task } from '../core/playbook.js';
import type { ApplyPass, RunResult } from '../core/run.js';
import { playsInPass } from './apply-order.js';
import { ApprovedPlan } from './approved-plan.js';
import { NotApplied, runTask, type ApplyRunState } from './apply-task.js';
import { exceedsMaxFail, splitBatches } from './batches.js';
import { ConnectionPool } from './connection-pool.js';
import { HostOutcomes } from './host-outcomes.js';
import { playSkipReason, runPlays } from './play-hosts.js';
import type { ApplyOptions } from './run-options.js';
import { stepEnv } from './task-step.js';
import { forkLimitOf } from './fork-limit.js';

/**
 * Runs the plays for real, in two passes: the forward pass runs the plays in order and applies additions and
 * updates; the reverse pass runs them backwards (and each play's tasks backwards) and applies removals, so node
 * bridges go before trunks narrow and VLAN definitions go last. Per play, hosts run in `serial` batches, each batch
 * in parallel up to --forks. Every task is gathered again right before it runs and checked against the approved
 * plan; with one, only hosts and tasks with approved changes are touched. Failures stay with their host;
 * max_fail_percentage stops a play's later batches. After an interrupt nothing new starts, and every host with work
 * left is `not-applied`. Check mode runs one pass that reports and changes nothing.
 */
export async function applyRun(opts: ApplyOptions, pool = new ConnectionPool(opts.connect)): Promise<RunResult> {
  const startedAt = new Date().toISOString();
  const plays = runPlays(opts);
  const run: ApplyRunState = {
    opts,
    env: stepEnv(opts, pool),
    approved: opts.approved ? new ApprovedPlan(opts.approved, plays) : undefined,
    outcomes: new HostOutcomes(),
    touched: new Set(),
    removalsFound: new Map(),
  };
  if (opts.approved) run.outcomes.seed(opts.approved);
  const notStarted = new Set<string>();
  const unfinished = new Set<string>();
  const limit = forkLimitOf(opts);
  const passes: (ApplyPass | 'check')[] = opts.check ? ['check'] : ['forward', 'reverse'];
  for (const pass of passes) {
    for (const { play: runPlay, tasks } of playsInPass(plays, pass === 'check' ? 'forward' : pass)) {
      const { play, hosts: all } = runPlay;
      if (!opts.approved) for (const h of all) run.outcomes.get(h.name);
      const work = (host: Host) => tasks.filter((t) => hasWork(run, pass, t, host));
      const hosts = all.filter((h) => !notStarted.has(h.name) && work(h).length > 0);
      const skip = playSkipReason({ tasks, hosts });
      if (skip) {
        if (!opts.approved) opts.reporter.emit({ kind: 'play-skip', play: play.name, reason: skip });
        continue;
      }
      if (opts.signal.aborted) {
        hosts.forEach((h) => unfinished.add(h.name));
        continue;
      }
      opts.reporter.emit({
        kind: 'play-start',
        play: play.name,
        hosts: hosts.map((h) => h.name),
        ...(pass === 'reverse' ? { pass } : {}),
      });
      const live = hosts.filter((h) => !run.outcomes.isDown(h.name));
      const batches = splitBatches(live, play.serial);
      let failedInPlay = 0;
      for (let b = 0; b < batches.length; b++) {
        if (opts.signal.aborted) {
          batches
            .slice(b)
            .flat()
            .forEach((h) => unfinished.add(h.name));
          break;
        }
        const results = await Promise.all(
          batches[b]!.map((host) => limit(() => runHost(run, pass, play, work(host), host, unfinished))),
        );
        failedInPlay += results.filter((ok) => !ok).length;
        if (b < batches.length - 1 && exceedsMaxFail(failedInPlay, hosts.length, play.maxFailPercentage)) {
          const rest = batches
            .slice(b + 1)
            .flat()
            .map((h) => h.name);
          rest.forEach((h) => notStarted.add(h));
          opts.reporter.emit({
            kind: 'batch-abort',
            play: play.name,
            reason: `${failedInPlay} of ${hosts.length} hosts failed (max_fail_percentage ${play.maxFailPercentage})`,
            notStarted: rest,
          });
          break;
        }
      }
    }
  }
  for (const host of unfinished) {
    run.outcomes.markNotApplied(host);
    if (run.outcomes.get(host).tasks.every((t) => t.status === 'skipped' || !t.pass)) notStarted.add(host);
  }
  return {
    format: 'acp-play/result@1',
    runId: opts.runId,
    mode: opts.check ? 'check' : 'apply',
    startedAt,
    finishedAt: new Date().toISOString(),
    hosts: run.outcomes.all(),
    notStarted: [...notStarted].filter((h) => !run.outcomes.get(h).tasks.some((t) => t.status !== 'skipped')),
    interrupted: opts.signal.aborted,
  };
}

/**
 * Whether a task has work on a host in a pass: with an approved plan, what it approved; without one, every task in
 * the forward pass (and check mode), and in the reverse pass the tasks whose forward step found removals.
 */
function hasWork(run: ApplyRunState, pass: ApplyPass | 'check', task: Task, host: Host): boolean {
  if (run.approved) return pass === 'check' || run.approved.hasWork(task, host.name, pass);
  return pass !== 'reverse' || (run.removalsFound.get(task)?.has(host.name) ?? false);
}

/** The given tasks of one play on one host; returns false when the host failed. */
async function runHost(
  run: ApplyRunState,
  pass: ApplyPass | 'check',
  play: Play,
  tasks: readonly Task[],
  host: Host,
  unfinished: Set<string>,
): Promise<boolean> {
  const { opts, outcomes } = run;
  if (opts.signal.aborted) {
    unfinished.add(host.name);
    return true;
  }
  opts.reporter.emit({ kind: 'host-start', play: play.name, host: host.name });
  for (const task of tasks) {
    if (opts.signal.aborted) {
      unfinished.add(host.name);
      break;
    }
    try {
      const outcome = await runTask(run, pass, play, task, host);
      outcomes.addTask(host.name, outcome);
      opts.reporter.emit({ kind: 'task-end', play: play.name, host: host.name, outcome });
      if (outcome.status === 'failed') break;
    } catch (error) {
      if (!(error instanceof NotApplied)) throw error;
      unfinished.add(host.name);
      break;
    }
  }
  const final = outcomes.get(host.name);
  opts.reporter.emit({
    kind: 'host-end',
    play: play.name,
    host: host.name,
    status: unfinished.has(host.name) && !outcomes.isDown(host.name) ? 'not-applied' : final.status,
    ...(final.error ? { error: final.error } : {}),
  });
  return !outcomes.isDown(host.name);
}
