import type { Transport } from '../../core/transport.js';
import { ApplyCommandError, configureChanges } from '../cli-apply.js';
import { NOTHING, otherWords } from '../cli-grammar.js';
import { hostCliDevice } from '../host-cli-device.js';
import type { DriverContext, SwitchDriver } from '../switch-driver.js';
import { eosDefinition } from './eos-definition.js';
import { parseEosConfig } from './eos-parse.js';

/** How long EOS keeps a `commit timer` commit before reverting it by itself. */
export const EOS_COMMIT_TIMER = '00:05:00';

/**
 * A configuration session and where it stands: `staging` (entered), `discarded` (aborted before any commit, or
 * never entered), `timer` (committed with `commit timer`, waiting for the confirming commit), `committed`.
 */
export interface EosTxn {
  readonly session: string;
  state: 'new' | 'staging' | 'discarded' | 'timer' | 'committed';
}

const device = (conn: Transport, ctx: DriverContext) => hostCliDevice(conn, ctx, eosDefinition);

/**
 * EOS: the changes are staged in `configure session acp-play-<runId>-<n>`, the staged diff is shown (into the run's
 * transcript), and the session is committed with `commit timer 00:05:00`: the device applies it and reverts by itself
 * unless `configure session NAME commit` arrives within five minutes. Rollback is `configure session NAME abort`.
 * Session names carry a per-run counter because a committed session name cannot be entered again.
 */
export const eosDriver: SwitchDriver<EosTxn> = {
  async gather(conn, ctx) {
    const dev = await device(conn, ctx);
    return { state: parseEosConfig(await dev.run('show running-config', { timeoutMs: ctx.timeouts.slowMs })) };
  },

  async begin(_conn, ctx) {
    // Numbered by the host's sequence: a committed session name cannot be entered again within the run.
    return { session: `acp-play-${ctx.runId}-${ctx.session.nextSequence()}`, state: 'new' };
  },

  async apply(conn, { changes }, ctx, txn) {
    const dev = await device(conn, ctx);
    txn.state = 'staging';
    try {
      await configureChanges(dev, changes, {
        enter: `configure session ${txn.session}`,
        trailing: ['show session-config diffs'],
        leave: `commit timer ${EOS_COMMIT_TIMER}`,
        abandon: 'abort',
      });
      txn.state = 'timer';
    } catch (error) {
      // Refused while staging: the session was left with `abort`, so nothing reached running-config.
      const index = error instanceof ApplyCommandError ? error.refusal.index : undefined;
      const staged = changes.reduce((sum, c) => sum + c.commands.length, 0) + 1;
      if (index !== undefined && index < staged) txn.state = 'discarded';
      throw error;
    }
  },

  async commit(conn, ctx, txn) {
    await (
      await device(conn, ctx)
    ).run(`configure session ${txn.session} commit`, {
      timeoutMs: ctx.timeouts.slowMs,
      expect: NOTHING,
    });
    txn.state = 'committed';
  },

  async rollback(conn, ctx, txn) {
    if (txn.state === 'discarded' || txn.state === 'new')
      return `configure session ${txn.session} aborted before commit; running-config untouched`;
    // A session committed with `commit timer` and not yet confirmed is still pending: `abort` reverts running-config
    // to the checkpoint EOS took at that commit right away (expiry of the timer would do the same after 5 minutes).
    // A session still staging is simply discarded.
    const abort = `configure session ${txn.session} abort`;
    let said: string;
    try {
      said = await (await device(conn, ctx)).run(abort, { timeoutMs: ctx.timeouts.slowMs });
    } catch (error) {
      if (txn.state !== 'timer') throw error;
      throw new Error(
        `${(error as Error).message}; EOS reverts the session by itself when its commit timer (${EOS_COMMIT_TIMER}) runs out`,
        { cause: error },
      );
    }
    txn.state = 'discarded';
    return `${abort}${otherWords(said, NOTHING)}`;
  },

  async save(conn, ctx) {
    await (await device(conn, ctx)).save({ timeoutMs: ctx.timeouts.slowMs });
  },
};
