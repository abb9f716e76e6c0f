import type { TaskContext, TaskStep } from '../../core/module.js';
import type { Transport } from '../../core/transport.js';
import { nmstateCommands } from './nmstate-commands.js';
import type { NmstateDesired } from './nmstate-desired.js';
import { openCheckpoints, showNode } from './nmstate-node.js';
import { planNode } from './nmstate-node-plan.js';
import type { NmstateState } from './nmstate-state.js';

/** What the commit-confirm window needs to know about an apply in flight. */
export interface NmstateTxn {
  /** The clock's now() when `nmstatectl apply --no-commit` was sent. */
  applyStartedAt?: number;
  /** The checkpoint nmstatectl left open. */
  checkpoint?: string;
  /** nmstatectl apply exited non-zero: nmstate rolled its own checkpoint back. */
  applyFailed?: boolean;
  /** The connection stopped answering after the apply was sent. */
  connectionLost?: boolean;
}

/** The nmstate module's step object: the node as gathered before the change is `current`. */
export type NmstateStep = TaskStep<NmstateDesired, NmstateState, NmstateTxn>;

/** Extra wait after the checkpoint timeout, for NetworkManager to finish restoring the devices. */
export const ROLLBACK_GRACE_MS = 3_000;
/** How long to keep trying to reach the node again after the timeout. */
const RECONNECT_WINDOW_MS = 60_000;

/** Opens a new connection within `ms`; a connection that arrives later is closed, not leaked. */
export async function openFresh(ctx: TaskContext, ms: number): Promise<Transport> {
  let late = false;
  let timer: NodeJS.Timeout | undefined;
  const pending = ctx.openConnection();
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      late = true;
      reject(new Error(`a new SSH connection to ${ctx.host.name} did not open in ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  pending.then(
    (c) => {
      if (late) void c.close().catch(() => undefined);
    },
    () => undefined,
  );
  // The timer must not outlive the race: a pending one keeps the CLI's process alive after the run.
  return Promise.race([pending, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The change cut the node off (or the window ran out): wait until NetworkManager's checkpoint timeout has rolled
 * it back, reach the node on a NEW connection, and confirm it is back in its old state (the same drift from the
 * desired state as before the apply). Returns how the host was restored; throws when that cannot be confirmed.
 */
export async function confirmRollbackByTimeout(step: NmstateStep): Promise<string> {
  const { ctx, desired, txn } = step;
  const { clock } = ctx;
  const rollbackAt = (txn.applyStartedAt ?? clock.now()) + desired.timeoutS * 1000 + ROLLBACK_GRACE_MS;
  ctx.note(
    `waiting ${Math.max(0, Math.round((rollbackAt - clock.now()) / 1000))} s for NetworkManager to roll back by timeout`,
  );
  await clock.sleep(rollbackAt - clock.now());
  const giveUpAt = clock.now() + RECONNECT_WINDOW_MS;
  let conn: Transport | undefined;
  let lastError = '';
  while (!conn && clock.now() < giveUpAt) {
    try {
      conn = await openFresh(ctx, 15_000);
    } catch (error) {
      lastError = (error as Error).message;
      await clock.sleep(2_000);
    }
  }
  if (!conn)
    throw new Error(
      `${ctx.host.name} did not answer again within ${RECONNECT_WINDOW_MS / 1000} s after the checkpoint timeout (${lastError}); check its console`,
    );
  try {
    let how = `by timeout: NetworkManager restored ${txn.checkpoint ?? 'its checkpoint'} after ${desired.timeoutS} s`;
    // nmstate re-arms the checkpoint timer when its own apply ends, so NetworkManager's rollback can come up to a
    // whole timeout later than counted from the start. begin refused to run with any checkpoint open, so every open
    // one now is ours: wait for it to go before judging the node's state.
    const pollUntil = clock.now() + desired.timeoutS * 1000 + ROLLBACK_GRACE_MS;
    let still = await openCheckpoints(conn, desired);
    let waited = false;
    while (still.length > 0 && clock.now() < pollUntil) {
      if (!waited) ctx.note(`checkpoint ${still[0]} still open; waiting for NetworkManager's rollback`);
      waited = true;
      await clock.sleep(1_000);
      still = await openCheckpoints(conn, desired);
    }
    if (waited && still.length === 0) await clock.sleep(ROLLBACK_GRACE_MS); // let the restore settle
    const open = txn.checkpoint && still.includes(txn.checkpoint) ? txn.checkpoint : still[0];
    if (open) {
      // The timeout has long passed: a checkpoint left open must not stay behind.
      const r = await conn.exec(nmstateCommands.rollback(desired.nmstatectl, open), {
        become: desired.become,
        timeoutMs: 60_000,
      });
      if (r.exitCode !== 0)
        throw new Error(`checkpoint ${open} is still open and nmstatectl rollback failed: ${r.stderr.trim()}`);
      how = `${open} was still open after the timeout; rolled back on a new connection`;
    }
    const after = await showNode(conn, desired);
    if (driftKey(desired, after) !== driftKey(desired, step.current)) {
      throw new Error(
        `${ctx.host.name} answers again but is not back in its old state (it differs from the state gathered before the apply)`,
      );
    }
    return `${how}; ${ctx.host.name} answers again on a new connection and is back in its old state`;
  } finally {
    await conn.close().catch(() => undefined);
  }
}

/** The node's drift from the desired state, as a comparable text: equal drift means the same state for our keys. */
function driftKey(desired: NmstateDesired, state: NmstateState): string {
  try {
    const plan = planNode(desired, state);
    return JSON.stringify(plan.changes.map((c) => [c.resource, c.action, c.diff]).sort());
  } catch (error) {
    return (error as Error).message;
  }
}
