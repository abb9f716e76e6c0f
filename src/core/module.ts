import type { Host } from './inventory.js';
import type { Site } from './site.js';
import type { Change, InSync } from './change.js';
import type { ModuleName, Task } from './playbook.js';
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
}

/** The pure result of planning one task on one host. Empty `changes` means in sync. */
export interface ModulePlan {
  readonly changes: readonly Change[];
  readonly inSync: readonly InSync[];
}

/**
 * The per-module contract behind the runner's lifecycle:
 * render -> gather -> plan -> (check mode stops here) -> begin -> apply -> verify -> commit, rollback on failure.
 * `plan` is pure, so the dry run and the apply share it exactly.
 */
export interface TaskModule<Desired = unknown, Current = unknown, Txn = unknown> {
  readonly name: ModuleName;
  /** Why this host cannot run this module (wrong platform, no config for it), or undefined. */
  unsupported?(host: Host, site: Site): string | undefined;
  /** The desired state for this host, from the site model and templates; no connection. */
  render(ctx: TaskContext): Desired | Promise<Desired>;
  gather(conn: Transport, desired: Desired, ctx: TaskContext): Promise<Current>;
  plan(desired: Desired, current: Current, ctx: TaskContext): ModulePlan;
  /** Takes the platform's safety net (checkpoint, config session, backup) before any change. */
  begin?(conn: Transport, ctx: TaskContext): Promise<Txn>;
  apply(conn: Transport, plan: ModulePlan, desired: Desired, ctx: TaskContext, txn: Txn | undefined): Promise<void>;
  /**
   * Proves the change: by default the runner gathers again and requires an empty re-plan. A module may add
   * probes (a new connection, a gateway ping) and throw to trigger the rollback.
   */
  verify?(conn: Transport, desired: Desired, ctx: TaskContext, txn: Txn | undefined): Promise<void>;
  /** Confirms the change (nmstate commit, EOS confirming commit, dropping the NX-OS checkpoint). */
  commit?(conn: Transport, ctx: TaskContext, txn: Txn | undefined): Promise<void>;
  /** Restores the state before `begin`; returns how (`rolled back to checkpoint acp-play-…`). */
  rollback?(conn: Transport, ctx: TaskContext, txn: Txn | undefined, cause: unknown): Promise<string>;
  /** Re-reading the device right after apply is the default verification; a module can turn it off. */
  readonly verifyByReplan?: boolean;
}
