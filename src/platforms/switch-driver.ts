import type { Change, InSync } from '../core/change.js';
import type { HostSession } from '../core/host-session.js';
import type { Host } from '../core/inventory.js';
import type { RunIdentity } from '../core/run-identity.js';
import type { Transport } from '../core/transport.js';
import type { SwitchPortsArgs, SwitchVlansArgs } from '../playbook/module-args.js';
import type { SwitchState } from './switch-state.js';

/**
 * Timeouts a driver uses, in ms: ordinary commands, and slow ones (show running-config, checkpoint, rollback, save).
 */
export interface DriverTimeouts {
  readonly commandMs: number;
  readonly slowMs: number;
}

/** What a switch driver is given for one host and one step. */
export interface DriverContext {
  readonly host: Host;
  /** Short id of this run, part of checkpoint and session names (`acp-play-<runId>-<n>`). */
  readonly runId: string;
  note(text: string): void;
  readonly timeouts: DriverTimeouts;
  /** The task's arguments; a platform reads its own here (IOS `configure_archive`). */
  readonly args: SwitchVlansArgs | SwitchPortsArgs;
  /** The host's session for the run: its one CLI session, and the sequence that keeps safety-net names unique. */
  readonly session: HostSession;
  /** This run as its safety nets name it, and what can be told about the run behind another run's leftover. */
  readonly run?: RunIdentity;
}

/** What a driver gathered: the state the planner compares, and for a document-based platform the document itself. */
export interface SwitchCurrent<Doc = undefined> {
  readonly state: SwitchState;
  /** The device's configuration document (Cumulus: the parsed interfaces file), rewritten by the plan. */
  readonly document?: Doc;
}

/**
 * A switch module's plan. Command-based platforms: each change carries its exact commands. Document-based platforms:
 * the changes carry none, and `document` is the whole desired document (present when there are changes).
 */
export interface SwitchPlan {
  readonly changes: readonly Change[];
  readonly inSync: readonly InSync[];
  readonly document?: string;
}

/**
 * The per-platform switch contract behind the `switch_vlans` and `switch_ports` modules. Planning is shared
 * (planSwitch); a driver reads the device and changes it under the platform's safety mechanism:
 * begin (take the safety net) -> apply -> [the runner re-gathers and requires an empty re-plan] -> commit,
 * or rollback. Drivers take the Transport, not a CLI session, so a document-based platform (Cumulus: a file and
 * `ifreload` over exec) implements the same interface as the CLI ones.
 */
export interface SwitchDriver<Txn = unknown, Doc = undefined> {
  gather(conn: Transport, ctx: DriverContext): Promise<SwitchCurrent<Doc>>;
  begin(conn: Transport, ctx: DriverContext): Promise<Txn>;
  /** Sends the plan: the changes' commands (command-based) or the whole document (document-based). */
  apply(conn: Transport, plan: SwitchPlan, ctx: DriverContext, txn: Txn): Promise<void>;
  /** Makes the change permanent in running-config (drops the checkpoint, confirms the commit). */
  commit(conn: Transport, ctx: DriverContext, txn: Txn): Promise<void>;
  /** Restores the state before `begin`; returns exactly what was done. */
  rollback(conn: Transport, ctx: DriverContext, txn: Txn): Promise<string>;
  /** Copies running-config to startup-config (a no-op that says so where the file is the startup configuration). */
  save(conn: Transport, ctx: DriverContext): Promise<void>;
}
