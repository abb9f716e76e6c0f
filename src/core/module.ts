import type { Clock } from './clock.js';
import type { HostSession } from './host-session.js';
import type { Host } from './inventory.js';
import type { Site } from './site.js';
import type { Change, Held, InSync } from './change.js';
import type { ModuleName, Task } from './playbook.js';
import type { RunIdentity } from './run-identity.js';
import type { Transport } from './transport.js';

/** What a module is given for one host and one task. Passed explicitly: there is no global run state. */
export interface TaskContext {
  readonly host: Host;
  readonly site: Site;
  readonly task: Task;
  /** Short id of this run, used in checkpoint names (`acp-play-<runId>`). */
  readonly runId: string;
  /** Opens a NEW connection to the same host (to prove a node still answers after a change). */
  openConnection(): Promise<Transport>;
  /** Progress note for the reporter (`taking checkpoint`, `waiting for rollback timeout`). */
  note(text: string): void;
  /** Set when the user pressed Ctrl-C: finish or roll back, start nothing new. */
  readonly signal: AbortSignal;
  /** Time: commit-confirm windows are measured and waited out through it. */
  readonly clock: Clock;
  /** What the host keeps for the whole run (its CLI session), owned and closed by the engine. */
  readonly session: HostSession;
  /** This run as its safety nets on devices name it, and what can be told about the run behind another's. */
  readonly run?: RunIdentity;
}

/** The pure result of planning one task on one host. Empty `changes` means in sync. */
export interface ModulePlan {
  readonly changes: readonly Change[];
  readonly inSync: readonly InSync[];
  /** The whole document a document-based module writes (a Cumulus interfaces file), reviewed and saved as planned. */
  readonly document?: string;
  /** Changes kept back (a miswired port): not in `changes`, never applied; the task fails after the rest. */
  readonly held?: readonly Held[];
}

/** One task on one host, gathered and planned: what `begin` receives. */
export interface PlannedStep<Desired, Current> {
  readonly ctx: TaskContext;
  /** The host's connection for the run. */
  readonly conn: Transport;
  readonly desired: Desired;
  /** The host as gathered before the change: what the plan was made from, and what a rollback must restore. */
  readonly current: Current;
  readonly plan: ModulePlan;
}

/** The step object of `apply`, `verify`, `commit` and `rollback`: the planned step and what `begin` returned. */
export interface TaskStep<Desired, Current, Txn> extends PlannedStep<Desired, Current> {
  /** The safety net `begin` took (undefined for a module without `begin`). */
  readonly txn: Txn;
}

/**
 * The per-module contract behind the runner's lifecycle:
 * render -> gather -> plan -> (check mode stops here) -> begin -> apply -> verify -> commit, rollback on failure.
 * `plan` is pure, so the dry run and the apply share it exactly. Every phase after the plan receives one step
 * object; a module keeps no state of its own between phases.
 */
export interface TaskModule<Desired = unknown, Current = unknown, Txn = undefined> {
  readonly name: ModuleName;
  /** Why this host cannot run this module (wrong platform, no config for it), or undefined. */
  unsupported?(host: Host, site: Site): string | undefined;
  /** The desired state for this host, from the site model and templates; no connection. */
  render(ctx: TaskContext): Desired | Promise<Desired>;
  gather(conn: Transport, desired: Desired, ctx: TaskContext): Promise<Current>;
  plan(desired: Desired, current: Current, ctx: TaskContext): ModulePlan;
  /**
   * What tells two tasks of this module on one host apart (a file's path). Absent: the module manages one thing per
   * host, so two of its tasks in one play are an input error (their changes would share addresses).
   */
  target?(desired: Desired): string;
  /**
   * The gathered state the plan depends on, by resource, as JSON values that two gathers of an unchanged device give
   * alike (no timestamps, counters or timers). Hashed into the saved plan's fingerprint, so `apply PLANFILE` can tell
   * that a host moved, and name what. Default: the whole gathered state as one resource.
   */
  facts?(current: Current, desired: Desired): Readonly<Record<string, unknown>>;
  /** Takes the platform's safety net (checkpoint, config session, backup) before any change. */
  begin?(step: PlannedStep<Desired, Current>): Promise<Txn>;
  apply(step: TaskStep<Desired, Current, Txn>): Promise<void>;
  /**
   * Proves the change: by default the runner gathers again and requires an empty re-plan. A module may add
   * probes (a new connection, a gateway ping) and throw to trigger the rollback.
   */
  verify?(step: TaskStep<Desired, Current, Txn>): Promise<void>;
  /** Confirms the change (nmstate commit, EOS confirming commit, dropping the NX-OS checkpoint). */
  commit?(step: TaskStep<Desired, Current, Txn>): Promise<void>;
  /** Restores the state before `begin`; returns how (`rolled back to checkpoint acp-play-…`). */
  rollback?(step: TaskStep<Desired, Current, Txn>, cause: unknown): Promise<string>;
  /**
   * What differs between two gathered states of the host, in the module's terms (`Ethernet1/3 mode: access ->
   * trunk`), leaving out what is noise to it (counters, timestamps, the safety net's own checkpoints); empty when
   * they are the same state. After a rollback the runner gathers again and compares with the state gathered before
   * the change. Without it, the runner compares the plans made from both: the same drift means the same state.
   */
  compareStates?(before: Current, after: Current, desired: Desired): readonly string[];
  /** Re-reading the device right after apply is the default verification; a module can turn it off. */
  readonly verifyByReplan?: boolean;
}
