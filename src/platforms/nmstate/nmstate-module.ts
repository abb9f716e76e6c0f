import { stringify } from 'yaml';
import { ApplyError, CommandError, ConfigError, ConnectError } from '../../core/errors.js';
import type { TaskModule } from '../../core/module.js';
import { moduleArgs } from '../../playbook/module-args.js';
import { desiredTempPath, findCheckpoints, nmstateCommands } from './nmstate-commands.js';
import { findNode, renderNmstateDesired, type NmstateDesired } from './nmstate-desired.js';
import { nmstateFacts } from './nmstate-facts.js';
import { documentFor, planNode } from './nmstate-node-plan.js';
import { openCheckpoints, readTimeoutMs, showNode } from './nmstate-node.js';
import { runProbes } from './nmstate-probes.js';
import { confirmRollbackByTimeout, openFresh, type NmstateStep, type NmstateTxn } from './nmstate-reconnect.js';
import type { NmstateState } from './nmstate-state.js';
import { compareNmstateStates } from './nmstate-state-compare.js';

/** Time the commit must have left in the window; less means the probes took too long to trust the commit. */
const COMMIT_MARGIN_MS = 1_500;

/**
 * `nmstate`: a node's VLAN interfaces and bridges, applied with a real commit-confirm.
 *   gather   `nmstatectl show --json` of the named interfaces, their base interfaces, the marked ones and the
 *            VLAN interfaces and bridges on the trunk NIC
 *   plan     pure: planNode (a one-line summary and a YAML before/after per interface; marked interfaces the
 *            inventory dropped are removed unless `prune: false`, unmarked ones on the trunk are left alone)
 *   begin    refuses to start when NetworkManager already has an open checkpoint (reported, never rolled back)
 *   apply    upload the state (0600, temp path), `nmstatectl apply --no-commit --timeout T`
 *   verify   (after the runner's re-gather on the old connection) a NEW connection answers, then the probes
 *   commit   `nmstatectl commit CHECKPOINT`
 *   rollback `nmstatectl rollback CHECKPOINT`; when the node is cut off: wait out T, reconnect, confirm the old state
 *   (then the runner reads the node again and compares it with `current`: compareNmstateStates)
 */
export const nmstateModule: TaskModule<NmstateDesired, NmstateState, NmstateTxn> = {
  name: 'nmstate',
  unsupported(host, site) {
    return findNode(host, site)
      ? undefined
      : `${host.name} is not a node of the site (no platform nmstate with a node variable)`;
  },
  render(ctx) {
    const node = findNode(ctx.host, ctx.site);
    const where = `${ctx.task.location.file}:${ctx.task.location.line}`;
    if (!node)
      throw new ConfigError({
        severity: 'error',
        message: `${where}: ${ctx.host.name} is not a node of the site`,
        fix: 'run the nmstate module on the nodes group',
      });
    return renderNmstateDesired(node, ctx.site, moduleArgs(ctx.task, 'nmstate'), where);
  },
  gather: (conn, desired) => showNode(conn, desired),
  plan: (desired, current) => planNode(desired, current),
  facts: (current, desired) => nmstateFacts(current, desired),
  async begin({ conn, ctx, desired }) {
    const stale = await openCheckpoints(conn, desired);
    if (stale.length > 0) {
      const list = stale.join(', ');
      throw new ApplyError(
        ctx.host.name,
        'begin',
        `NetworkManager already has an open checkpoint (${list}), left by an earlier run or another tool; nothing was applied ` +
          `and the checkpoint was not touched — look at the node, then \`nmstatectl rollback ${stale[0]}\` or \`nmstatectl commit ${stale[0]}\``,
        false,
      );
    }
    // The state before the change is the step's `current`: the runner gathered and planned it just now.
    return {};
  },
  async apply({ conn, plan, desired, ctx, txn: t }) {
    const file = desiredTempPath(ctx.runId, desired.node);
    const doc = documentFor(desired, plan.changes);
    await conn.upload(
      file,
      `# nmstate desired state of ${desired.node}, applied by acp-play run ${ctx.runId}\n${stringify(doc, { lineWidth: 0 })}`,
      { mode: 0o600, become: desired.become },
    );
    ctx.note(`nmstatectl apply --no-commit --timeout ${desired.timeoutS}`);
    t.applyStartedAt = ctx.clock.now();
    const cmd = nmstateCommands.applyNoCommit(desired.nmstatectl, file, desired.timeoutS);
    let r;
    try {
      // No answer within the window means the change cut the node off: NetworkManager is rolling it back.
      r = await conn.exec(cmd, { become: desired.become, timeoutMs: desired.timeoutS * 1000 });
    } catch (error) {
      if (!isLostConnection(error)) throw error;
      t.connectionLost = true;
      throw new Error(`lost the connection during nmstatectl apply (${(error as Error).message.split('\n')[0]})`, {
        cause: error,
      });
    }
    if (r.exitCode !== 0) {
      t.applyFailed = true;
      throw new CommandError(
        conn.host,
        `nmstatectl apply --no-commit --timeout ${desired.timeoutS}`,
        r.exitCode,
        r.stderr || r.stdout,
      );
    }
    t.checkpoint = findCheckpoints(`${r.stderr}\n${r.stdout}`).pop() ?? (await openCheckpoints(conn, desired)).pop();
    if (!t.checkpoint) throw new Error('nmstatectl apply --no-commit left no checkpoint to commit');
  },
  async verify(step) {
    const { desired, ctx } = step;
    ctx.note('checking that the node answers on a new SSH connection');
    const fresh = await openFresh(ctx, Math.max(2_000, remainingMs(step)));
    try {
      const r = await fresh.exec(nmstateCommands.alive, { timeoutMs: readTimeoutMs(desired) });
      if (r.exitCode !== 0 || !r.stdout.includes('acp-play-alive'))
        throw new Error(`a new SSH connection to ${ctx.host.name} does not run commands: ${r.stderr.trim()}`);
      if (desired.probes.length > 0) ctx.note(`probes: ${desired.probes.map((p) => p.label).join(', ')}`);
      await runProbes(fresh, desired.probes, Math.min(15_000, Math.max(2_000, remainingMs(step))));
    } finally {
      await fresh.close().catch(() => undefined);
    }
    if (remainingMs(step) < COMMIT_MARGIN_MS) {
      throw new Error(
        `the checks took longer than the ${desired.timeoutS} s checkpoint timeout allows; raise the nmstate timeout`,
      );
    }
  },
  async commit(step) {
    const { conn, ctx, desired, txn: t } = step;
    ctx.note(`nmstatectl commit ${t.checkpoint}`);
    const cmd = nmstateCommands.commit(desired.nmstatectl, t.checkpoint!);
    const r = await conn.exec(cmd, { become: desired.become, timeoutMs: Math.max(2_000, remainingMs(step)) });
    if (r.exitCode !== 0) throw new CommandError(conn.host, cmd, r.exitCode, r.stderr || r.stdout);
  },
  async rollback(step, cause) {
    const { conn, ctx, desired, txn } = step;
    if (txn.applyStartedAt === undefined) return 'nothing was applied';
    if (txn.applyFailed)
      return 'nmstatectl undid its own change (its checkpoint was rolled back when the apply failed)';
    if (!txn.connectionLost && !isLostConnection(cause) && txn.checkpoint) {
      const cmd = nmstateCommands.rollback(desired.nmstatectl, txn.checkpoint);
      try {
        const r = await conn.exec(cmd, { become: desired.become, timeoutMs: 15_000 });
        if (r.exitCode === 0) return `nmstatectl rollback ${txn.checkpoint}`;
        ctx.note(
          `nmstatectl rollback failed (${r.stderr.trim().split('\n').pop() ?? ''}); the checkpoint may have expired`,
        );
      } catch (error) {
        if (!isLostConnection(error)) throw error;
      }
    }
    return confirmRollbackByTimeout(step);
  },
  compareStates: (before, after) => compareNmstateStates(before, after),
};

/** Time left in the commit-confirm window. */
function remainingMs({ ctx, desired, txn }: NmstateStep): number {
  const now = ctx.clock.now();
  return (txn.applyStartedAt ?? now) + desired.timeoutS * 1000 - now;
}

/** A timed-out command (exit code null) or a dropped connection: the node stopped answering. */
function isLostConnection(error: unknown): boolean {
  return (
    error instanceof ConnectError ||
    (error instanceof CommandError && error.exitCode === null) ||
    /connection lost|ECONNRESET|Not connected|No response/i.test(String((error as Error)?.message))
  );
}
