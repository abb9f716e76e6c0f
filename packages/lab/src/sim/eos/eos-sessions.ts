import { createTwoFilesPatch } from 'diff';
import { cloneSimState } from '../model/switch-model.js';
import { endConfig } from '../config-commands.js';
import { SimCommandError, type CommandContext, type CommandHandler } from '../sim-cli-types.js';
import type { CommandSpec } from '../sim-grammar.js';
import { renderEosConfig } from './eos-render.js';

/**
 * EOS configuration sessions: `configure session NAME` stages a copy of running-config; `commit` applies it;
 * `commit timer HH:MM:SS` applies it and reverts unless a second `commit` arrives in time; `abort` discards it (or,
 * for a timed commit, rolls running-config back at once). With ignoreRollback the revert and the abort of a timed
 * commit are accepted and change nothing.
 */

function sessionOf(ctx: CommandContext): string {
  const name = ctx.cli.session;
  if (name === undefined || !ctx.device.sessions.has(name)) return invalid(ctx);
  return name;
}

function invalid(ctx: CommandContext): never {
  throw new SimCommandError(ctx.platform.invalid(ctx.line, 0, 0, ctx.promptLength));
}

export const enterSession: CommandHandler = (ctx) => {
  let name = ctx.args.params['word'];
  if (name === undefined) {
    let n = 1;
    while (ctx.device.sessions.has(`session${n}`)) n++;
    name = `session${n}`;
  }
  if (ctx.device.pendingRevert?.session === name)
    throw new SimCommandError(`% Cannot enter session ${name} (session has been committed)`);
  if (!ctx.device.sessions.has(name)) {
    if ([...ctx.device.sessions.values()].filter((s) => s.status === 'pending').length >= 5)
      throw new SimCommandError('% Maximum number of pending sessions has been reached');
    ctx.device.sessions.set(name, { state: cloneSimState(ctx.device.running), status: 'pending' });
  }
  ctx.cli.session = name;
  ctx.cli.mode = { kind: 'config' };
};

/** `commit` (in the session, or `configure session NAME commit` from EXEC): applies, or confirms a commit timer. */
function commitSession(ctx: CommandContext, name: string): void {
  const session = ctx.device.sessions.get(name);
  if (!session) throw new SimCommandError(`% Session ${name} does not exist`);
  if (ctx.device.pendingRevert?.session === name) ctx.device.confirmRevert();
  else {
    ctx.device.setRunning(session.state);
    ctx.device.sessions.delete(name);
  }
  endConfig(ctx);
}

const commitTimer: CommandHandler = (ctx) => {
  const name = sessionOf(ctx);
  const [h, m, s] = ctx.args.params['hms']!.split(':').map(Number) as [number, number, number];
  const previous = cloneSimState(ctx.device.running);
  ctx.device.setRunning(ctx.device.sessions.get(name)!.state);
  ctx.device.sessions.get(name)!.status = 'pendingCommitTimer';
  ctx.device.armRevert(h * 3600 + m * 60 + s, previous, name);
  endConfig(ctx);
};

function abortSession(ctx: CommandContext, name: string): void {
  if (ctx.device.pendingRevert?.session === name) ctx.device.revertNow();
  ctx.device.sessions.delete(name);
}

const sessionDiffs: CommandHandler = (ctx) => {
  const name = sessionOf(ctx);
  const patch = createTwoFilesPatch(
    'system:/running-config',
    `session:/${name}-session-config`,
    renderEosConfig(ctx.device.running),
    renderEosConfig(ctx.device.sessions.get(name)!.state),
    '',
    '',
    { context: 3 },
  );
  return patch.slice(patch.indexOf('--- ')).trimEnd();
};

const listSessions: CommandHandler = (ctx) => {
  const rows = [...ctx.device.sessions].map(
    ([name, s]) => `  ${name.padEnd(12)} ${s.status === 'pending' ? 'pending' : 'pendingCommitTimer'}`,
  );
  return [
    'Maximum number of completed sessions: 1',
    'Maximum number of pending sessions: 5',
    '',
    '  Name         State',
    '  ------------ ------------------',
    ...rows,
  ].join('\n');
};

/** Commands valid in every configuration mode of a session. */
export const SESSION_CONFIG_COMMANDS: CommandSpec<CommandHandler>[] = [
  { pattern: 'commit', handler: (ctx) => commitSession(ctx, sessionOf(ctx)) },
  { pattern: 'commit timer <hms>', handler: commitTimer },
  { pattern: 'abort', handler: (ctx) => (abortSession(ctx, sessionOf(ctx)), endConfig(ctx)) },
  { pattern: 'show session-config diffs', handler: sessionDiffs },
  { pattern: 'show session-config', handler: (ctx) => renderEosConfig(ctx.device.sessions.get(sessionOf(ctx))!.state) },
];

/** Session commands of privileged EXEC. */
export const SESSION_EXEC_COMMANDS: CommandSpec<CommandHandler>[] = [
  { pattern: 'configure session', handler: enterSession },
  { pattern: 'configure session <word>', handler: enterSession },
  { pattern: 'configure session <word> commit', handler: (ctx) => commitSession(ctx, ctx.args.params['word']!) },
  { pattern: 'configure session <word> abort', handler: (ctx) => abortSession(ctx, ctx.args.params['word']!) },
  { pattern: 'show configuration sessions', handler: listSessions },
];
