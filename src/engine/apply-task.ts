import { heldMessage } from './held-changes.js';
import { displayCommand, type Change } from '../core/change.js';
import { ApplyError } from '../core/errors.js';
import type { Host } from '../core/inventory.js';
import type { ModulePlan, PlannedStep, TaskModule } from '../core/module.js';
import type { Play, Task } from '../core/playbook.js';
import type { ApplyPass, TaskOutcome, TaskPlan } from '../core/run.js';
import { heldBackAfter, planForPass } from './apply-order.js';
import type { ApprovedPlan } from './approved-plan.js';
import { restoreDesired } from './desired-snapshot.js';
import { movedResources } from './fingerprint.js';
import type { HostOutcomes } from './host-outcomes.js';
import type { ApplyOptions } from './run-options.js';
import { fingerprintStep } from './task-plan.js';
import { applyStep, connectFor, stepEnv, taskContext, UnreachableError } from './task-step.js';

/** What one apply step needs from its run. */
export interface ApplyRunState {
  readonly opts: ApplyOptions;
  readonly env: ReturnType<typeof stepEnv>;
  readonly approved: ApprovedPlan | undefined;
  readonly outcomes: HostOutcomes;
  /** Hosts this run has changed: their state no longer matches the plan's fingerprint, by design. */
  readonly touched: Set<string>;
  /** Without an approved plan: the tasks whose forward step found removals, per host, for the reverse pass. */
  readonly removalsFound: Map<Task, Set<string>>;
}

/** The run was interrupted before this step changed anything. */
export class NotApplied extends Error {}

/**
 * One task on one host in one pass: gather, check against the approved plan, then apply this pass's part of the plan
 * (check mode: report it). Returns the task's outcome; a failure marks the host down.
 */
export async function runTask(
  run: ApplyRunState,
  pass: ApplyPass | 'check',
  play: Play,
  task: Task,
  host: Host,
): Promise<TaskOutcome> {
  const { opts, env } = run;
  const started = Date.now();
  opts.reporter.emit({ kind: 'task-start', play: play.name, host: host.name, task: task.name });
  const done = (status: TaskOutcome['status'], changes: readonly Change[], extra: Partial<TaskOutcome> = {}) => ({
    play: play.name,
    task: task.name,
    status,
    changes,
    durationMs: Date.now() - started,
    ...(pass !== 'check' ? { pass } : {}),
    ...extra,
  });
  const module = opts.modules.get(task.module);
  const unsupported = module
    ? module.unsupported?.(host, opts.site)
    : `module ${task.module} is not available in this version`;
  if (unsupported || !module) return done('skipped', [], { message: unsupported ?? 'no module' });
  const saved = run.approved?.taskPlan(task, host.name);
  opts.inFlight?.start(host.name, task.name, 'gathering');
  try {
    const conn = await connectFor(env, host);
    const ctx = taskContext(env, host, task);
    const desired =
      opts.fromPlanFile && saved ? restoreDesired(saved.desired, opts.inventory) : await module.render(ctx);
    const current = await module.gather(conn, desired, ctx);
    const step: PlannedStep<unknown, unknown> = {
      ctx,
      conn,
      desired,
      current,
      plan: module.plan(desired, current, ctx),
    };
    if (saved) {
      const refusal = refusalOf(run, module, step, saved, pass);
      if (refusal) throw new ApplyError(host.name, 'plan', refusal, false);
    }
    const whole = chooseSavedPlan(run, saved, host.name) ?? step.plan;
    // Changes held back (a miswired port) fail the host once the rest of the forward pass is applied.
    const held = pass === 'reverse' ? [] : (step.plan.held ?? []);
    const heldFails = (applied: readonly Change[]) => {
      const message = `${host.name}: ${pass === 'check' ? 'check mode: not applied; ' : ''}${heldMessage(held)}`;
      run.outcomes.markDown(host.name, 'failed', message);
      return done('failed', applied, { message });
    };
    if (whole.changes.length === 0 && held.length === 0)
      return done('ok', [], { message: step.plan.inSync.map((s) => s.reason).join('; ') || 'in sync' });
    if (pass === 'check')
      return held.length > 0
        ? heldFails(whole.changes)
        : done('changed', whole.changes, { message: 'check mode: not applied' });
    if (pass === 'forward' && planForPass(whole, 'reverse'))
      run.removalsFound.set(task, (run.removalsFound.get(task) ?? new Set()).add(host.name));
    const part = planForPass(whole, pass);
    if (!part && held.length > 0) return heldFails([]);
    if (!part) return done('ok', [], { message: 'removals only: they run in the reverse pass' });
    if (opts.signal.aborted) throw new NotApplied();
    opts.inFlight?.start(host.name, task.name, 'applying');
    await applyStep(module, { ...step, plan: part }, { heldBack: heldBackAfter(whole, pass) });
    run.touched.add(host.name);
    return held.length > 0 ? heldFails(part.changes) : done('changed', part.changes);
  } catch (error) {
    if (error instanceof NotApplied) throw error;
    const message = (error as Error).message;
    run.outcomes.markDown(host.name, error instanceof UnreachableError ? 'unreachable' : 'failed', message);
    return done('failed', [], { message, ...(error instanceof ApplyError ? { rolledBack: error.rolledBack } : {}) });
  } finally {
    opts.inFlight?.end(host.name);
  }
}

/**
 * The saved plan itself, when it can be applied as it is: from a plan file, on a host this run has not changed yet,
 * with no secret command (a plan file holds those masked). Else undefined: the fresh plan is applied, which the
 * check has proved to hold the same changes.
 */
function chooseSavedPlan(run: ApplyRunState, saved: TaskPlan | undefined, host: string): ModulePlan | undefined {
  if (!run.opts.fromPlanFile || !saved || run.touched.has(host)) return undefined;
  if (saved.changes.some((c) => c.commands.some((cmd) => cmd.secret))) return undefined;
  return {
    changes: saved.changes,
    inSync: saved.inSync,
    ...(saved.document !== undefined ? { document: saved.document } : {}),
  };
}

/**
 * The change board's rule: what runs is what was reviewed. On a host this run has not changed, what the task gathers
 * must still match the plan's fingerprint; and the fresh plan must hold exactly the changes still to come (all of
 * them in the forward pass, the removals in the reverse pass). Returns why not, or undefined.
 */
function refusalOf(
  run: ApplyRunState,
  module: TaskModule<any, any, any>,
  step: PlannedStep<unknown, unknown>,
  saved: TaskPlan,
  pass: ApplyPass | 'check',
): string | undefined {
  const host = step.ctx.host.name;
  if (!run.touched.has(host) && saved.fingerprint) {
    const moved = movedResources(saved.fingerprint, fingerprintStep(module, step.current, step.desired));
    if (moved.length > 0)
      return `${saved.address} changed since the plan was made (${moved.join(', ')}); nothing was applied — plan again`;
  }
  const expected = saved.changes.filter((c) => pass !== 'reverse' || c.pass === 'reverse');
  if (changeKey(expected) === changeKey(step.plan.changes)) return undefined;
  return `the host changed since the plan was reviewed (${step.plan.changes.length} change(s) now, ${expected.length} approved for ${saved.address}); this step was not applied — run plan again`;
}

function changeKey(changes: readonly Change[]): string {
  return JSON.stringify(changes.map((c) => [c.resource, c.action, c.diff, c.commands.map(displayCommand)]));
}
