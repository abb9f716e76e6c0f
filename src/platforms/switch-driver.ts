import type { Host, SwitchPlatform } from '../core/inventory.js';
import type { Transport } from '../core/transport.js';
import type { Change } from '../core/change.js';
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
  /** IOS: configure the archive feature (`archive` / `path flash:acp-play`) when it is missing. */
  readonly configureArchive: boolean;
}

/**
 * The per-platform switch contract behind the `switch_vlans` and `switch_ports` modules. Planning is shared
 * (planSwitch); a driver reads the device and changes it under the platform's safety mechanism:
 * begin (take the safety net) -> apply -> [the runner re-gathers and requires an empty re-plan] -> commit,
 * or rollback. Drivers take the Transport, not a CLI session, so a non-CLI platform (Cumulus: files and
 * `ifreload` over exec) implements the same interface.
 */
export interface SwitchDriver<Txn = unknown> {
  readonly platform: SwitchPlatform;
  gather(conn: Transport, ctx: DriverContext): Promise<SwitchState>;
  begin(conn: Transport, ctx: DriverContext): Promise<Txn>;
  /** `document`: Cumulus only, the whole desired interfaces file the plan produced (SwitchPlan.document). */
  apply(conn: Transport, changes: readonly Change[], ctx: DriverContext, txn: Txn, document?: string): Promise<void>;
  /** Makes the change permanent in running-config (drops the checkpoint, confirms the commit). */
  commit(conn: Transport, ctx: DriverContext, txn: Txn): Promise<void>;
  /** Restores the state before `begin`; returns exactly what was done. */
  rollback(conn: Transport, ctx: DriverContext, txn: Txn): Promise<string>;
  /** Copies running-config to startup-config (a no-op that says so on Cumulus, whose file is the startup config). */
  save(conn: Transport, ctx: DriverContext): Promise<void>;
}
