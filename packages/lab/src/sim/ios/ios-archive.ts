import { cloneSimState } from '../model/switch-model.js';
import { endConfig } from '../config-commands.js';
import { CISCO_ENTER_CONFIG } from '../exec-commands.js';
import { SimCommandError, type CommandHandler } from '../sim-cli-types.js';
import type { CommandSpec } from '../sim-grammar.js';

/**
 * IOS's safety net: the `archive` feature (`path`, `maximum`), `configure terminal revert timer N` (minutes) that
 * rolls back by itself unless `configure confirm` arrives, `configure revert now|timer N`. With ignoreRollback a
 * revert (typed or by the timer) is accepted and changes nothing.
 */

const revertTimer: CommandHandler = (ctx) => {
  // The rollback needs an archive of the running config to roll back to.
  if (ctx.device.running.archive?.path === undefined)
    throw new SimCommandError('%Archive path is not configured; configure "archive" / "path" first\n');
  const minutes = Number(ctx.args.params['num']);
  if (minutes < 1 || minutes > 120)
    throw new SimCommandError(ctx.platform.invalid(ctx.line, ctx.line.lastIndexOf(' ') + 1, 4, ctx.promptLength));
  ctx.device.armRevert(minutes * 60, cloneSimState(ctx.device.running));
  ctx.cli.mode = { kind: 'config' };
  return CISCO_ENTER_CONFIG;
};

const resetTimer: CommandHandler = (ctx) => {
  const pending = ctx.device.pendingRevert;
  if (!pending) throw new SimCommandError('%No Rollback Confirmed Change pending\n');
  ctx.device.armRevert(Number(ctx.args.params['num']) * 60, pending.previous);
};

const confirm: CommandHandler = (ctx) => {
  if (!ctx.device.confirmRevert()) throw new SimCommandError('%No Rollback Confirmed Change pending\n');
};

const revertNow: CommandHandler = (ctx) => {
  if (!ctx.device.revertNow()) throw new SimCommandError('%No Rollback Confirmed Change pending\n');
};

const archiveTimer: CommandHandler = (ctx) => {
  const pending = ctx.device.pendingRevert;
  if (!pending) return '%No Rollback Confirmed Change pending';
  const left = Math.max(0, Math.round((pending.firesAt - Date.now()) / 1000 / (ctx.device.opts.timeScale ?? 1)));
  return `Timer value: ${Math.ceil(left / 60)} min\nTime remaining: ${left} seconds`;
};

/** Privileged EXEC commands of the archive feature. */
export const IOS_ARCHIVE_EXEC: CommandSpec<CommandHandler>[] = [
  { pattern: 'configure terminal revert timer <num>', handler: revertTimer },
  { pattern: 'configure confirm', handler: confirm },
  { pattern: 'configure revert now', handler: revertNow },
  { pattern: 'configure revert timer <num>', handler: resetTimer },
  { pattern: 'show archive config rollback timer', handler: archiveTimer },
];

const setArchive =
  (key: 'path' | 'maximum'): CommandHandler =>
  (ctx) => {
    const state = ctx.cli.readState();
    const archive = { ...(state.archive ?? {}) };
    if (key === 'path') archive.path = ctx.args.params['word']!;
    else archive.maximum = Number(ctx.args.params['num']);
    state.archive = archive;
    ctx.cli.writeState(state);
  };

/** `archive` (global configuration) and its sub-mode. */
export const IOS_ARCHIVE_CONFIG: CommandSpec<CommandHandler>[] = [
  {
    pattern: 'archive',
    handler: (ctx) => {
      const state = ctx.cli.readState();
      state.archive ??= {};
      ctx.cli.writeState(state);
      ctx.cli.mode = { kind: 'config-archive' };
    },
  },
];

export const IOS_ARCHIVE_MODE: CommandSpec<CommandHandler>[] = [
  { pattern: 'path <word>', handler: setArchive('path') },
  { pattern: 'maximum <num>', handler: setArchive('maximum') },
  { pattern: 'write-memory', handler: () => undefined },
  { pattern: 'time-period <num>', handler: () => undefined },
  { pattern: 'exit', handler: (ctx) => void (ctx.cli.mode = { kind: 'config' }) },
  { pattern: 'end', handler: endConfig },
];
