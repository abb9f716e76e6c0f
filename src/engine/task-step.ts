import type { Change } from '../core/change.js';
import { ApplyError, AcpError, ConnectError } from '../core/errors.js';
import type { Host } from '../core/inventory.js';
import type { Site } from '../core/site.js';
import type { Task } from '../core/playbook.js';
import type { Transport } from '../core/transport.js';
import type { ConnectionPool } from './connection-pool.js';
import type { Clock } from '../core/clock.js';
import type { RunIdentity } from '../core/run-identity.js';
import type { PlannedStep, TaskContext, TaskModule, TaskStep } from '../core/module.js';
import type { RunOptions } from './run-options.js';
import { checkRollback, ROLLBACK_NOT_VERIFIED, ROLLBACK_VERIFIED } from './rollback-check.js';
import { systemClock } from './system-clock.js';

/** What a step needs besides the host and task. */
export interface StepEnv {
  readonly site: Site;
  readonly runId: string;
  readonly pool: ConnectionPool;
  readonly signal: AbortSignal;
  readonly clock: Clock;
  readonly identity?: RunIdentity;
  note(host: Host, task: Task, text: string): void;
}

/**
 * The step environment of a run: its site, id, connection pool (connections and host sessions), interrupt signal
 * and clock; notes go to the reporter.
 */
export function stepEnv(opts: RunOptions, pool: ConnectionPool): StepEnv {
  return {
    site: opts.site,
    runId: opts.runId,
    pool,
    signal: opts.signal,
    clock: opts.clock ?? systemClock,
    ...(opts.identity ? { identity: opts.identity } : {}),
    note: (host, task, text) =>
      opts.reporter.emit({ kind: 'task-note', play: '', host: host.name, task: task.name, text }),
  };
}

export function taskContext(env: StepEnv, host: Host, task: Task): TaskContext {
  return {
    host,
    site: env.site,
    task,
    runId: env.runId,
    signal: env.signal,
    clock: env.clock,
    session: env.pool.session(host),
    ...(env.identity ? { run: env.identity } : {}),
    openConnection: () => env.pool.fresh(host),
    note: (text) => env.note(host, task, text),
  };
}

/** A host that could not be reached: later tasks and plays skip it. */
export class UnreachableError extends AcpError {}

export async function connectFor(env: StepEnv, host: Host): Promise<Transport> {
  try {
    return await env.pool.get(host);
  } catch (error) {
    const text =
      error instanceof ConnectError ? error.message : `${host.name}: connect failed: ${(error as Error).message}`;
    throw new UnreachableError(text, { cause: error });
  }
}

/** Render -> gather -> plan for one task on one host (no change is made): the step object the apply starts from. */
export async function planStep<D, C, T>(
  module: TaskModule<D, C, T>,
  ctx: TaskContext,
  conn: Transport,
): Promise<PlannedStep<D, C>> {
  const desired = await module.render(ctx);
  const current = await module.gather(conn, desired, ctx);
  return { ctx, conn, desired, current, plan: module.plan(desired, current, ctx) };
}

/** What a step applies of its task's plan, when not all of it. */
export interface StepScope {
  /**
   * Changes of the task held back for a later pass (its removals, while the forward pass applies the rest): the
   * re-plan after apply must show exactly these, and nothing else.
   */
  readonly heldBack?: readonly Change[];
}

/**
 * begin -> apply -> verify -> commit, and rollback on any failure in between, every phase given the one step
 * object. After a rollback the host is gathered again and compared with its state before the change; the message of
 * a failure says how the host was restored and whether that was verified (`rolledBack` only when it was).
 */
export async function applyStep<D, C, T>(
  module: TaskModule<D, C, T>,
  planned: PlannedStep<D, C>,
  scope: StepScope = {},
): Promise<void> {
  const { ctx, conn, desired } = planned;
  // A module without begin has no transaction: its Txn is undefined.
  const step: TaskStep<D, C, T> = { ...planned, txn: module.begin ? await module.begin(planned) : (undefined as T) };
  let phase = 'apply';
  try {
    await module.apply(step);
    phase = 'verify';
    if (module.verifyByReplan !== false) {
      const after = module.plan(desired, await module.gather(conn, desired, ctx), ctx);
      const heldBack = new Set((scope.heldBack ?? []).map((c) => `${c.action} ${c.resource}`));
      const unexpected = after.changes.filter((c) => !heldBack.has(`${c.action} ${c.resource}`));
      if (unexpected.length > 0) {
        const left = unexpected.map((c) => `${c.resource} (${c.diff.split('\n')[0]})`).join(', ');
        throw new Error(`the device does not match the plan after apply: ${left}`);
      }
    }
    if (module.verify) await module.verify(step);
    phase = 'commit';
    if (module.commit) await module.commit(step);
  } catch (error) {
    const detail = error instanceof ApplyError ? error.message : (error as Error).message;
    if (error instanceof ApplyError) throw error;
    if (!module.rollback)
      throw new ApplyError(
        ctx.host.name,
        phase,
        `${detail} (no rollback available for ${module.name}; check the host)`,
        false,
        { cause: error },
      );
    let how: string;
    try {
      how = await module.rollback(step, error);
    } catch (rollbackError) {
      throw new ApplyError(
        ctx.host.name,
        phase,
        `${detail}; ROLLBACK ALSO FAILED: ${(rollbackError as Error).message}`,
        false,
        { cause: error },
      );
    }
    // A rollback is only as good as the state it leaves: read the host again and compare.
    const differences = await checkRollback(module, step);
    if (differences.length === 0)
      throw new ApplyError(ctx.host.name, phase, `${detail} (${ROLLBACK_VERIFIED}: ${how})`, true, { cause: error });
    throw new ApplyError(
      ctx.host.name,
      phase,
      `${detail} (${ROLLBACK_NOT_VERIFIED}: ${differences.join('; ')}; the rollback was: ${how}; check the host)`,
      false,
      { cause: error },
    );
  }
}
