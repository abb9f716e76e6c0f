import { cloneSimState } from '../model/switch-model.js';
import { SimCommandError, type CommandHandler } from '../sim-cli-types.js';
import type { CommandSpec } from '../sim-grammar.js';
import { renderNxosConfig } from './nxos-render.js';

/** NX-OS keeps at most ten user checkpoints. */
const MAX_CHECKPOINTS = 10;

const checkpoint: CommandHandler = (ctx) => {
  const cps = ctx.device.checkpoints;
  let name = ctx.args.params['word'];
  if (name === undefined) {
    let n = 1;
    while (cps.has(`user-checkpoint-${n}`)) n++;
    name = `user-checkpoint-${n}`;
  }
  // The wording of these two refusals is unverified on hardware; both start with ERROR: as NX-OS refusals do.
  if (cps.has(name)) throw new SimCommandError(`ERROR: Checkpoint name ${name} is already in use`);
  if (cps.size >= MAX_CHECKPOINTS) throw new SimCommandError('ERROR: Maximum number of checkpoints (10) reached');
  const description = ctx.args.params['rest'];
  // The documented limit (Nexus 9000 System Management guide: "up to 80 alphanumeric characters, including spaces");
  // the refusal's wording is unverified on hardware.
  if (description !== undefined && description.length > 80)
    throw new SimCommandError('ERROR: Description exceeds the maximum length of 80 characters');
  cps.set(name, {
    state: cloneSimState(ctx.device.running),
    createdAt: new Date(),
    user: ctx.cli.username,
    ...(description !== undefined ? { description } : {}),
  });
  return '.......Done';
};

const removeCheckpoint: CommandHandler = (ctx) => {
  const name = ctx.args.params['word']!;
  if (!ctx.device.checkpoints.delete(name)) throw new SimCommandError(`ERROR: Checkpoint ${name} does not exist`);
};

/** `rollback running-config checkpoint NAME [atomic|...]`; with ignoreRollback the same words and no change. */
const rollback: CommandHandler = (ctx) => {
  const cp = ctx.device.checkpoints.get(ctx.args.params['word']!);
  if (!cp) throw new SimCommandError(`ERROR: Checkpoint ${ctx.args.params['word']!} does not exist`);
  if (!ctx.device.opts.ignoreRollback) ctx.device.setRunning(cp.state);
  return [
    'Note: Applying config parallelly may fail Rollback verification',
    'Collecting Running-Config',
    '#Generating Rollback Patch',
    'Executing Rollback Patch',
    'Generating Running-config for verification',
    'Generating Patch for verification',
    'Verification is Successful.',
    '',
    'Rollback completed successfully.',
    '',
  ].join('\n');
};

const summary: CommandHandler = (ctx) => {
  const rule = '-'.repeat(80);
  const lines = ['User Checkpoint Summary', rule];
  let i = 1;
  for (const [name, cp] of ctx.device.checkpoints) {
    const size = renderNxosConfig(cp.state).length;
    lines.push(
      `${i++}) ${name}:`,
      `Created by ${cp.user}`,
      `Created at ${cp.createdAt.toUTCString()}`,
      `Size is ${size.toLocaleString('en-US')} bytes`,
      `Description: ${cp.description ?? 'None'}`,
      '',
    );
  }
  lines.push('System Checkpoint Summary', rule, '');
  return lines.join('\n');
};

/** NX-OS's safety net: checkpoints and rollback (there is no commit timer). */
export const NXOS_CHECKPOINT_COMMANDS: CommandSpec<CommandHandler>[] = [
  { pattern: 'checkpoint', handler: checkpoint },
  { pattern: 'checkpoint <word>', handler: checkpoint },
  { pattern: 'checkpoint <word> description <rest>', handler: checkpoint },
  { pattern: 'no checkpoint <word>', handler: removeCheckpoint },
  { pattern: 'rollback running-config checkpoint <word>', handler: rollback },
  ...['atomic', 'best-effort', 'stop-at-first-failure'].map((w) => ({
    pattern: `rollback running-config checkpoint <word> ${w}`,
    handler: rollback,
  })),
  { pattern: 'show checkpoint summary', handler: summary },
];
