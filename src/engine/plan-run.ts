import pLimit from 'p-limit';
import { ConnectionPool } from './connection-pool.js';
import { playHosts, selectTasks } from './play-hosts.js';
import type { RunOptions } from './run-options.js';
import type { HostPlan, RunPlan, TaskPlan } from '../core/run.js';
import { heldMessage, HeldError } from './held-changes.js';
import { connectFor, planStep, stepEnv, taskContext, UnreachableError } from './task-step.js';

/**
 * Gathers every host of every play and plans each task: the dry run. Nothing is changed. A host that fails or
 * cannot be reached is reported and skipped by later plays; the others carry on.
 */
export async function planRun(opts: RunOptions, pool = new ConnectionPool(opts.connect)): Promise<RunPlan> {
  const hostPlans = new Map<string, HostPlan>();
  const env = stepEnv(opts, pool);
  const limit = pLimit(opts.forks);
  for (const play of opts.playbook.plays) {
    const tasks = selectTasks(play, opts.tags);
    const hosts = playHosts(opts.inventory, play, opts.limit);
    if (tasks.length === 0 || hosts.length === 0) {
      opts.reporter.emit({
        kind: 'play-skip',
        play: play.name,
        reason: tasks.length === 0 ? 'no task matches --tags' : 'no host matches',
      });
      continue;
    }
    opts.reporter.emit({ kind: 'play-start', play: play.name, hosts: hosts.map((h) => h.name) });
    await Promise.all(
      hosts.map((host) =>
        limit(async () => {
          const hostPlan = hostPlans.get(host.name) ?? {
            host: host.name,
            tasks: [],
            status: 'in-sync' as HostPlan['status'],
          };
          hostPlans.set(host.name, hostPlan);
          if (hostPlan.status === 'failed' || hostPlan.status === 'unreachable' || opts.signal.aborted) return;
          opts.reporter.emit({ kind: 'host-start', play: play.name, host: host.name });
          for (const task of tasks) {
            const started = Date.now();
            opts.reporter.emit({ kind: 'task-start', play: play.name, host: host.name, task: task.name });
            const module = opts.modules.get(task.module);
            const base = { play: play.name, task: task.name, module: task.module };
            const unsupported = module
              ? module.unsupported?.(host, opts.site)
              : `module ${task.module} is not available in this version`;
            if (unsupported) {
              hostPlan.tasks.push({ ...base, changes: [], inSync: [], skipped: unsupported });
              opts.reporter.emit({
                kind: 'task-end',
                planned: true,
                play: play.name,
                host: host.name,
                outcome: {
                  play: play.name,
                  task: task.name,
                  status: 'skipped',
                  changes: [],
                  message: unsupported,
                  durationMs: Date.now() - started,
                },
              });
              continue;
            }
            try {
              const conn = await connectFor(env, host);
              const { plan } = await planStep(module!, taskContext(env, host, task), conn);
              const held = plan.held ?? [];
              const taskPlan: TaskPlan = {
                ...base,
                changes: plan.changes,
                inSync: plan.inSync,
                ...(held.length > 0 ? { held } : {}),
              };
              hostPlan.tasks.push(taskPlan);
              if (plan.changes.length > 0) (hostPlan as { status: HostPlan['status'] }).status = 'changes';
              // A held change fails the host after the rest, in the plan as in the apply (apply-run.ts).
              if (held.length > 0) throw new HeldError(heldMessage(held));
              opts.reporter.emit({
                kind: 'task-end',
                planned: true,
                play: play.name,
                host: host.name,
                outcome: {
                  play: play.name,
                  task: task.name,
                  status: plan.changes.length > 0 ? 'changed' : 'ok',
                  changes: plan.changes,
                  durationMs: Date.now() - started,
                },
              });
            } catch (error) {
              const status = error instanceof UnreachableError ? 'unreachable' : 'failed';
              const message = (error as Error).message;
              Object.assign(hostPlan, { status, error: message });
              opts.reporter.emit({
                kind: 'task-end',
                planned: true,
                play: play.name,
                host: host.name,
                outcome: {
                  play: play.name,
                  task: task.name,
                  status: 'failed',
                  changes: [],
                  message,
                  durationMs: Date.now() - started,
                },
              });
              break;
            }
          }
          opts.reporter.emit({
            kind: 'host-end',
            planned: true,
            play: play.name,
            host: host.name,
            status: statusOf(hostPlan),
            ...(hostPlan.error ? { error: hostPlan.error } : {}),
          });
        }),
      ),
    );
  }
  const hosts = [...hostPlans.values()];
  const changes = hosts.reduce((n, h) => n + h.tasks.reduce((m, t) => m + t.changes.length, 0), 0);
  return {
    format: 'acp-play/plan@1',
    runId: opts.runId,
    createdAt: new Date().toISOString(),
    inventory: opts.inventory.dir,
    playbook: opts.playbook.file,
    ...(opts.limit ? { limit: opts.limit } : {}),
    hosts,
    summary: {
      changes,
      hostsWithChanges: hosts.filter((h) => h.status === 'changes').length,
      failed: hosts.filter((h) => h.status === 'failed' || h.status === 'unreachable').length,
    },
  };
}

function statusOf(plan: HostPlan) {
  return plan.status === 'changes' ? 'changed' : plan.status === 'in-sync' ? 'unchanged' : plan.status;
}
