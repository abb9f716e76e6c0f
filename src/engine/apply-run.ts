import pLimit from 'p-limit';
import { ApplyError } from '../core/errors.js';
import type { Host } from '../core/inventory.js';
import type { Change } from '../core/change.js';
import type { Play, Task } from '../core/playbook.js';
import { exceedsMaxFail, splitBatches } from './batches.js';
import { ConnectionPool } from './connection-pool.js';
import { HostOutcomes } from './host-outcomes.js';
import { playHosts, selectTasks } from './play-hosts.js';
import type { ApplyOptions } from './run-options.js';
import type { RunResult, TaskOutcome } from '../core/run.js';
import { heldMessage } from './held-changes.js';
import { applyStep, connectFor, planStep, stepEnv, taskContext, UnreachableError, type StepEnv } from './task-step.js';

/**
 * Runs the plays for real: per play, hosts in `serial` batches, each batch in parallel up to --forks. Every task
 * is gathered and planned again right before it runs; when an approved plan is given and the fresh plan differs,
 * the host is not touched. Failures stay with their host; max_fail_percentage stops a play's later batches.
 */
export async function applyRun(opts: ApplyOptions, pool = new ConnectionPool(opts.connect)): Promise<RunResult> {
  const startedAt = new Date().toISOString();
  const outcomes = new HostOutcomes([]);
  const notStarted = new Set<string>();
  const env = stepEnv(opts, pool);
  const limit = pLimit(opts.forks);
  for (const play of opts.playbook.plays) {
    const tasks = selectTasks(play, opts.tags);
    const hosts = playHosts(opts.inventory, play, opts.limit);
    for (const h of hosts) outcomes.get(h.name);
    if (tasks.length === 0 || hosts.length === 0) {
      opts.reporter.emit({
        kind: 'play-skip',
        play: play.name,
        reason: tasks.length === 0 ? 'no task matches --tags' : 'no host matches',
      });
      continue;
    }
    opts.reporter.emit({ kind: 'play-start', play: play.name, hosts: hosts.map((h) => h.name) });
    const live = hosts.filter((h) => !outcomes.isDown(h.name));
    const batches = splitBatches(live, play.serial);
    let failedInPlay = 0;
    for (let b = 0; b < batches.length; b++) {
      if (opts.signal.aborted) {
        batches
          .slice(b)
          .flat()
          .forEach((h) => notStarted.add(h.name));
        break;
      }
      const results = await Promise.all(
        batches[b]!.map((host) => limit(() => runHost(opts, env, play, tasks, host, outcomes))),
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
  return {
    format: 'acp-play/result@1',
    runId: opts.runId,
    mode: opts.check ? 'check' : 'apply',
    startedAt,
    finishedAt: new Date().toISOString(),
    hosts: outcomes.all(),
    notStarted: [...notStarted].filter((h) => !outcomes.get(h).tasks.some((t) => t.status !== 'skipped')),
    interrupted: opts.signal.aborted,
  };
}

/** All tasks of one play on one host; returns false when the host failed. */
async function runHost(
  opts: ApplyOptions,
  env: StepEnv,
  play: Play,
  tasks: Task[],
  host: Host,
  outcomes: HostOutcomes,
): Promise<boolean> {
  if (opts.signal.aborted) return true;
  opts.reporter.emit({ kind: 'host-start', play: play.name, host: host.name });
  for (const task of tasks) {
    if (opts.signal.aborted) break;
    const outcome = await runTask(opts, env, play, task, host, outcomes);
    outcomes.addTask(host.name, outcome);
    opts.reporter.emit({ kind: 'task-end', play: play.name, host: host.name, outcome });
    if (outcome.status === 'failed') break;
  }
  const final = outcomes.get(host.name);
  opts.reporter.emit({
    kind: 'host-end',
    play: play.name,
    host: host.name,
    status: final.status,
    ...(final.error ? { error: final.error } : {}),
  });
  return !outcomes.isDown(host.name);
}

async function runTask(
  opts: ApplyOptions,
  env: StepEnv,
  play: Play,
  task: Task,
  host: Host,
  outcomes: HostOutcomes,
): Promise<TaskOutcome> {
  const started = Date.now();
  opts.reporter.emit({ kind: 'task-start', play: play.name, host: host.name, task: task.name });
  const done = (
    status: TaskOutcome['status'],
    changes: readonly Change[],
    extra: Partial<TaskOutcome> = {},
  ): TaskOutcome => ({
    play: play.name,
    task: task.name,
    status,
    changes,
    durationMs: Date.now() - started,
    ...extra,
  });
  const module = opts.modules.get(task.module);
  const unsupported = module
    ? module.unsupported?.(host, opts.site)
    : `module ${task.module} is not available in this version`;
  if (unsupported) return done('skipped', [], { message: unsupported });
  try {
    const conn = await connectFor(env, host);
    const ctx = taskContext(env, host, task);
    const step = await planStep(module!, ctx, conn);
    const { plan } = step;
    const held = plan.held ?? [];
    if (plan.changes.length === 0 && held.length === 0)
      return done('ok', [], { message: plan.inSync.map((s) => s.reason).join('; ') || 'in sync' });
    const drift = opts.approved ? differsFromApproved(opts, play, task, host, plan.changes) : undefined;
    if (drift) throw new ApplyError(host.name, 'plan', drift, false);
    if (opts.check && held.length === 0) return done('changed', plan.changes, { message: 'check mode: not applied' });
    if (plan.changes.length > 0 && !opts.check) await applyStep(module!, step);
    if (held.length === 0) return done('changed', plan.changes);
    // The rest is applied and committed; the held changes fail the host (exit 1) and its later tasks do not run.
    const message = `${host.name}: ${opts.check ? 'check mode: not applied; ' : ''}${heldMessage(held)}`;
    outcomes.markDown(host.name, 'failed', message);
    return done('failed', plan.changes, { message });
  } catch (error) {
    const message = (error as Error).message;
    const unreachable = error instanceof UnreachableError;
    outcomes.markDown(host.name, unreachable ? 'unreachable' : 'failed', message);
    return done('failed', [], { message, ...(error instanceof ApplyError ? { rolledBack: error.rolledBack } : {}) });
  }
}

/** The change board's rule: what runs is what was reviewed. Returns why not, or undefined when equal. */
function differsFromApproved(
  opts: ApplyOptions,
  play: Play,
  task: Task,
  host: Host,
  changes: readonly Change[],
): string | undefined {
  const hostPlan = opts.approved!.hosts.find((h) => h.host === host.name);
  const approved = hostPlan?.tasks.find((t) => t.play === play.name && t.task === task.name)?.changes ?? [];
  const key = (cs: readonly Change[]) =>
    JSON.stringify(cs.map((c) => [c.resource, c.action, c.diff, c.commands.map((x) => x.text)]));
  if (key(approved) === key(changes)) return undefined;
  return `the host changed since the plan was reviewed (${changes.length} change(s) now, ${approved.length} approved); nothing was applied — run plan again`;
}
