import { CommandError } from '../../core/errors.js';
import type { Transport } from '../../core/transport.js';
import { configureChanges } from '../cli-apply.js';
import { NOTHING, otherWords } from '../cli-grammar.js';
import { hostCliDevice } from '../host-cli-device.js';
import type { DriverContext, SwitchDriver } from '../switch-driver.js';
import { CHECKPOINT_PREFIX, MAX_USER_CHECKPOINTS, parseCheckpoints, triageCheckpoints } from './nxos-checkpoints.js';
import { nxosDefinition } from './nxos-definition.js';
import { parseNxosConfig } from './nxos-parse.js';

/**
 * The switchport defaults (`[no] system default switchport [shutdown]`), which running-config prints only where they
 * differ from the model's defaults (a Nexus 9000 is routed and shut; other Nexus models are not). Ansible's
 * cisco.nxos asks the same.
 */
export const NXOS_SWITCHPORT_DEFAULTS = "show running-config all | incl 'system default switchport'";

/** What the checkpoint commands print when they worked. */
const CHECKPOINT_DONE = /^\.*\s*Done$/;
const ROLLBACK_DONE = /(^|\n)Rollback completed successfully\.?$/;

/** The checkpoint taken by `begin`. */
export interface NxosTxn {
  readonly checkpoint: string;
}

const device = (conn: Transport, ctx: DriverContext) => hostCliDevice(conn, ctx, nxosDefinition);

/**
 * NX-OS has no commit-confirm timer, so acp-play drives its own: `checkpoint NAME`, the changes in config mode, the
 * runner's re-read, then `no checkpoint NAME`; on any failure `rollback running-config checkpoint NAME atomic`
 * (all or nothing) and `no checkpoint NAME`. `configure session` is not used: several Nexus platforms limit it to ACLs.
 */
export const nxosDriver: SwitchDriver<NxosTxn> = {
  async gather(conn, ctx) {
    const dev = await device(conn, ctx);
    const config = await dev.run('show running-config', { timeoutMs: ctx.timeouts.slowMs });
    // running-config leaves out the switchport defaults of the model at hand; `all` prints them either way.
    const defaults = await dev.run(NXOS_SWITCHPORT_DEFAULTS, { timeoutMs: ctx.timeouts.slowMs });
    return { state: parseNxosConfig(`${defaults}\n${config}`) };
  },

  async begin(conn, ctx) {
    const dev = await device(conn, ctx);
    const checkpoints = parseCheckpoints(await dev.run('show checkpoint summary'));
    const { remove, busy, unknown, others } = triageCheckpoints(checkpoints, ctx);
    if (busy.length > 0) {
      const cp = busy[0]!;
      throw new Error(
        `checkpoint ${cp.name} belongs to acp-play run ${cp.runId}, which is still running (${cp.description ?? ''}): ` +
          'another run is changing this switch, and a rollback of either would undo the other; nothing was applied',
      );
    }
    // A run removes only its own checkpoints, and those of runs that are gone (the site lock says no other run of
    // this site is alive; a run on this machine is checked by its pid).
    for (const cp of remove)
      await dev.run(`no checkpoint ${cp.name}`, { timeoutMs: ctx.timeouts.slowMs, expect: NOTHING });
    if (remove.length > 0)
      ctx.note(
        `deleted ${remove.length} checkpoint(s) of acp-play runs that are gone: ${remove.map((c) => c.name).join(', ')}`,
      );
    const kept = [...others, ...unknown];
    if (kept.length >= MAX_USER_CHECKPOINTS) {
      throw new Error(
        `the switch already holds ${kept.length} user checkpoints (${kept.map((c) => c.name).join(', ')}) and NX-OS allows ${MAX_USER_CHECKPOINTS}; ` +
          'acp-play deletes only its own: remove one with `no checkpoint NAME`',
      );
    }
    if (unknown.length > 0)
      ctx.note(
        `keeping ${unknown.length} checkpoint(s) of other acp-play runs that cannot be checked from here (another machine, or an older acp-play): ` +
          `${unknown.map((c) => c.name).join(', ')}; delete one with \`no checkpoint NAME\` once its run is over`,
      );
    if (others.length > 0)
      ctx.note(`keeping ${others.length} checkpoint(s) acp-play did not make: ${others.map((c) => c.name).join(', ')}`);
    // Numbered by the host's sequence, so names stay unique within a run (`acp-play-<runId>-1`, `-2`, ...).
    const names = checkpoints.map((c) => c.name);
    let n = ctx.session.nextSequence();
    while (names.includes(`${CHECKPOINT_PREFIX}${ctx.runId}-${n}`)) n = ctx.session.nextSequence();
    const checkpoint = `${CHECKPOINT_PREFIX}${ctx.runId}-${n}`;
    ctx.note(`taking checkpoint ${checkpoint}`);
    // The description carries the run's tag, so a later run can tell whether this run is still alive.
    const description = ctx.run ? ` description ${ctx.run.tag}` : '';
    await dev.run(`checkpoint ${checkpoint}${description}`, {
      timeoutMs: ctx.timeouts.slowMs,
      expect: CHECKPOINT_DONE,
    });
    return { checkpoint };
  },

  async apply(conn, plan, ctx) {
    await configureChanges(await device(conn, ctx), plan.changes);
  },

  async commit(conn, ctx, txn) {
    await (
      await device(conn, ctx)
    ).run(`no checkpoint ${txn.checkpoint}`, {
      timeoutMs: ctx.timeouts.slowMs,
      expect: NOTHING,
    });
  },

  async rollback(conn, ctx, txn) {
    const dev = await device(conn, ctx);
    const rollback = `rollback running-config checkpoint ${txn.checkpoint} atomic`;
    const output = await dev.run(rollback, { timeoutMs: ctx.timeouts.slowMs });
    if (/rollback failed|verification failed|failed to/i.test(output))
      throw new CommandError(conn.host, rollback, null, output);
    try {
      await dev.run(`no checkpoint ${txn.checkpoint}`, { timeoutMs: ctx.timeouts.slowMs, expect: NOTHING });
    } catch (error) {
      ctx.note(`rolled back, but could not delete checkpoint ${txn.checkpoint}: ${(error as Error).message}`);
    }
    return `${rollback}${otherWords(output, ROLLBACK_DONE)}`;
  },

  async save(conn, ctx) {
    await (await device(conn, ctx)).save({ timeoutMs: ctx.timeouts.slowMs });
  },
};
