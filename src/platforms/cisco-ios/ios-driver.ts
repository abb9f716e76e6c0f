import { ApplyError } from '../../core/errors.js';
import type { Transport } from '../../core/transport.js';
import { ApplyCommandError, configureChanges } from '../cli-apply.js';
import { NOTHING, otherWords } from '../cli-grammar.js';
import { hostCliDevice } from '../host-cli-device.js';
import type { DriverContext, SwitchDriver } from '../switch-driver.js';
import { archivePath, IOS_ARCHIVE_COMMANDS, IOS_ARCHIVE_PATH } from './ios-archive.js';
import { iosDefinition } from './ios-definition.js';
import { parseIosConfig } from './ios-parse.js';
import { parseIosSwitchport, withSwitchportFacts } from './ios-switchport.js';
import { parseIosVlanBrief } from './ios-vlan-brief.js';

/** Minutes IOS waits for `configure confirm` before reverting by itself. */
export const IOS_REVERT_MINUTES = 5;

/** `pending`: config mode was entered with the revert timer, so the device will revert unless confirmed. */
export interface IosTxn {
  state: 'none' | 'pending' | 'confirmed';
}

const device = (conn: Transport, ctx: DriverContext) => hostCliDevice(conn, ctx, iosDefinition);

/**
 * IOS / IOS-XE: `configure terminal revert timer 5` (archive feature required), the changes, `end`; the runner
 * re-reads; `configure confirm` keeps the change, `configure revert now` undoes it at once. Without a confirm the
 * device reverts by itself after five minutes, so a change that cuts acp-play off undoes itself.
 */
export const iosDriver: SwitchDriver<IosTxn> = {
  async gather(conn, ctx) {
    const dev = await device(conn, ctx);
    const slow = { timeoutMs: ctx.timeouts.slowMs };
    const config = parseIosConfig(await dev.run('show running-config', slow));
    // Outside VTP transparent/off mode running-config has no VLAN definitions: the VLAN table is the truth.
    const vlans = parseIosVlanBrief(await dev.run('show vlan brief', slow));
    if (vlans.size > 0) config.vlans = vlans;
    // Modes and encapsulation a Catalyst does not print: `dynamic auto`, a port that may negotiate ISL.
    const facts = parseIosSwitchport(await dev.run('show interfaces switchport', slow));
    const isl = ctx.host.vars['isl_capable'];
    return { state: withSwitchportFacts(config, facts, typeof isl === 'boolean' ? isl : undefined) };
  },

  async begin(conn, ctx) {
    const dev = await device(conn, ctx);
    const path = archivePath(await dev.run('show running-config', { timeoutMs: ctx.timeouts.slowMs }));
    if (path === undefined) {
      if (ctx.args.configure_archive !== true) {
        throw new ApplyError(
          ctx.host.name,
          'begin',
          'the archive feature is not configured, so `configure terminal revert timer` cannot protect the change; ' +
            `configure it on the switch (archive / path ${IOS_ARCHIVE_PATH}), or set configure_archive: true on the task to let acp-play do it`,
          false,
        );
      }
      ctx.note(`configuring the archive feature (archive / path ${IOS_ARCHIVE_PATH}), as configure_archive allows`);
      await dev.configure(IOS_ARCHIVE_COMMANDS);
    }
    return { state: 'none' };
  },

  async apply(conn, { changes }, ctx, txn) {
    try {
      await configureChanges(await device(conn, ctx), changes, {
        enter: `configure terminal revert timer ${IOS_REVERT_MINUTES}`,
        leave: 'end',
        abandon: 'end',
      });
      txn.state = 'pending';
    } catch (error) {
      const refusedEnter = error instanceof ApplyCommandError && error.refusal.index === -1;
      txn.state = refusedEnter ? 'none' : 'pending';
      throw error;
    }
  },

  async commit(conn, ctx, txn) {
    await (await device(conn, ctx)).run('configure confirm', { timeoutMs: ctx.timeouts.slowMs, expect: NOTHING });
    txn.state = 'confirmed';
  },

  async rollback(conn, ctx, txn) {
    if (txn.state === 'none') return 'nothing to revert: configuration mode with the revert timer was never entered';
    const revert = 'configure revert now';
    let said: string;
    try {
      said = await (await device(conn, ctx)).run(revert, { timeoutMs: ctx.timeouts.slowMs });
    } catch (error) {
      if (txn.state !== 'pending') throw error;
      throw new Error(
        `${(error as Error).message}; IOS reverts by itself when its revert timer (${IOS_REVERT_MINUTES} minutes) runs out`,
        { cause: error },
      );
    }
    txn.state = 'none';
    return `${revert}${otherWords(said, NOTHING)}`;
  },

  async save(conn, ctx) {
    await (await device(conn, ctx)).save({ timeoutMs: ctx.timeouts.slowMs });
  },
};
