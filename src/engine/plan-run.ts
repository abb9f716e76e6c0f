import type { Host } from '../core/inventory.js';
import type { Play, Task } from '../core/playbook.js';
import { PLAN_FORMAT, type HostPlan, type RunPlan, type TaskOutcome, type TaskPlan } from '../core/run.js';
import { applyOrder } from './apply-order.js';
import { ConnectionPool } from './connection-pool.js';
import { playSkipReason, runPlays, selectTasks } from './play-hosts.js';
import type { RunOptions } from './run-options.js';
import { heldMessage, HeldError } from './held-changes.js';
import { addressOf, describePlannedTask } from './task-plan.js';
import { connectFor, planStep, stepEnv, taskContext, UnreachableError, type StepEnv } from './task-step.js';
import { forkLimitOf } from './fork-limit.js';

type MutableHostPlan = { -readonly [K in keyof HostPlan]: HostPlan[K] };

/**
 * Gathers every host of every play and plans each task: the dry run. Nothing is changed. A host that fails or
 * cannot be reached is reported and skipped by later plays; the others carry on. After an interrupt no new task
 * starts, and every host with a task left unplanned is `not-planned` (never `in-sync`).
 */
export async function planRun(opts: RunOptions, pool = new ConnectionPool(opts.connect)): Promise<RunPlan> {
  const hostPlans = new Map<string, MutableHostPlan>();
  const unfinished = new Set<string>();
  const env = stepEnv(opts, pool);
  const limit = forkLimitOf(opts);
  const plays = runPlays(opts);
  for (const { tasks, hosts } of plays)
    if (tasks.length > 0)
      for (const h of hosts)
        if (!hostPlans.has(h.name)) hostPlans.set(h.name, { host: h.name, tasks: [], status: 'in-sync' });
  connectAhead(plays, pool, limit);
  for (const { play, tasks, hosts } of plays) {
    const skip = playSkipReason({ tasks, hosts });
    if (skip) {
      opts.reporter.emit({ kind: 'play-skip', play: play.name, reason: skip });
      continue;
    }
    if (opts.signal.aborted) {
      hosts.forEach((h) => unfinished.add(h.name));
      continue;
    }
    opts.reporter.emit({ kind: 'play-start', play: play.name, hosts: hosts.map((h) => h.name) });
    await Promise.all(
      hosts.map((host) => limit(() => planHost(opts, env, play, tasks, host, hostPlans.get(host.name)!, unfinished))),
    );
  }
  const hosts = [...hostPlans.values()].map((h): HostPlan => {
    const down = h.status === 'failed' || h.status === 'unreachable';
    return unfinished.has(h.host) && !down ? { ...h, status: 'not-planned' } : h;
  });
  const changes = hosts.reduce((n, h) => n + h.tasks.reduce((m, t) => m + t.changes.length, 0), 0);
  return {
    format: PLAN_FORMAT,
    toolVersion: opts.toolVersion ?? 'unknown',
    runId: opts.runId,
    createdAt: new Date().toISOString(),
    inventory: opts.inventory.dir,
    playbook: opts.playbook.file,
    ...(opts.limit ? { limit: opts.limit } : {}),
    ...(opts.tags && opts.tags.length > 0 ? { tags: opts.tags } : {}),
    inputs: opts.inputs ?? { inventory: {}, playbook: {}, templates: {} },
    hosts,
    order: applyOrder(
      opts.playbook.plays.map((p) => ({ name: p.name, tasks: selectTasks(p, opts.tags) })),
      hosts,
    ),
    interrupted: opts.signal.aborted,
    summary: {
      changes,
      hostsWithChanges: hosts.filter((h) => h.status === 'changes').length,
      failed: hosts.filter((h) => h.status === 'failed' || h.status === 'unreachable').length,
      notPlanned: hosts.filter((h) => h.status === 'not-planned').length,
    },
  };
}

/**
 * Starts connecting every host a play will plan, all plays at once within the fork budget, so that a later play's
 * key exchanges overlap the earlier plays' gathers instead of following them. The pool keeps each connection (or its
 * failure), and the task that first uses a host reports a failure there, as before.
 */
function connectAhead(plays: ReturnType<typeof runPlays>, pool: ConnectionPool, limit: ReturnType<typeof forkLimitOf>) {
  const hosts = new Map<string, Host>();
  for (const { tasks, hosts: playHosts } of plays)
    if (!playSkipReason({ tasks, hosts: playHosts })) for (const h of playHosts) hosts.set(h.name, h);
  for (const host of hosts.values()) void limit(() => pool.get(host).catch(() => undefined));
}

/** Plans one play's tasks on one host, in order; an interrupt stops before the next task. */
async function planHost(
  opts: RunOptions,
  env: StepEnv,
  play: Play,
  tasks: readonly Task[],
  host: Host,
  hostPlan: MutableHostPlan,
  unfinished: Set<string>,
): Promise<void> {
  if (hostPlan.status === 'failed' || hostPlan.status === 'unreachable') return;
  if (opts.signal.aborted) {
    unfinished.add(host.name);
    return;
  }
  opts.reporter.emit({ kind: 'host-start', play: play.name, host: host.name });
  for (const task of tasks) {
    if (opts.signal.aborted) {
      unfinished.add(host.name);
      break;
    }
    const started = Date.now();
    opts.reporter.emit({ kind: 'task-start', play: play.name, host: host.name, task: task.name });
    const end = (outcome: Omit<TaskOutcome, 'play' | 'task' | 'durationMs'>) =>
      opts.reporter.emit({
        kind: 'task-end',
        planned: true,
        play: play.name,
        host: host.name,
        outcome: { play: play.name, task: task.name, durationMs: Date.now() - started, ...outcome },
      });
    try {
      const taskPlan = await planTask(opts, env, play, task, host);
      hostPlan.tasks.push(taskPlan);
      if (taskPlan.skipped) {
        end({ status: 'skipped', changes: [], message: taskPlan.skipped });
        continue;
      }
      if (taskPlan.changes.length > 0) hostPlan.status = 'changes';
      // A held change (a miswired port) fails the host after the rest, in the plan as in the apply (apply-task.ts).
      if (taskPlan.held) throw new HeldError(heldMessage(taskPlan.held));
      end({ status: taskPlan.changes.length > 0 ? 'changed' : 'ok', changes: taskPlan.changes });
    } catch (error) {
      const message = (error as Error).message;
      hostPlan.status = error instanceof UnreachableError ? 'unreachable' : 'failed';
      hostPlan.error = message;
      end({ status: 'failed', changes: [], message });
      break;
    }
  }
  const status = hostPlan.status;
  const down = status === 'failed' || status === 'unreachable';
  opts.reporter.emit({
    kind: 'host-end',
    planned: true,
    play: play.name,
    host: host.name,
    ...(unfinished.has(host.name) && !down
      ? { status: 'skipped', error: 'not planned (interrupted)' }
      : { status: status === 'changes' ? 'changed' : status === 'in-sync' ? 'unchanged' : down ? status : 'skipped' }),
    ...(hostPlan.error ? { error: hostPlan.error } : {}),
  });
}

async function planTask(opts: RunOptions, env: StepEnv, play: Play, task: Task, host: Host): Promise<TaskPlan> {
  const module = opts.modules.get(task.module);
  const unsupported = module
    ? module.unsupported?.(host, opts.site)
    : `module ${task.module} is not available in this version`;
  if (unsupported || !module)
    return {
      play: play.name,
      task: task.name,
      module: task.module,
      address: addressOf(module, host.name, task),
      changes: [],
      inSync: [],
      skipped: unsupported ?? 'no module',
    };
  const conn = await connectFor(env, host);
  const step = await planStep(module, taskContext(env, host, task), conn);
  return describePlannedTask(play, task, module, step, opts.inventory);
}
