import { displayCommand, type Change, type Command } from '../core/change.js';
import { ConfigureError, type CliDevice, type ConfigureOptions } from './cli-device.js';

/** Sends the plan's commands in one configuration session, after optional extra commands (`trailing`). */
export interface ConfigureChangesOptions extends ConfigureOptions {
  /** Commands sent after the changes, still in config mode (EOS `show session-config diffs`). */
  readonly trailing?: readonly string[];
}

/**
 * Applies the changes' commands in config mode. A refusal becomes an Error in the shape the runner reports:
 * `interface Ethernet1/3: % Invalid command at '^' marker.` (the change's first command, then the refused command
 * when it is a different one, then the device's own words). The ConfigureError is kept as the cause.
 */
export async function configureChanges(
  device: CliDevice,
  changes: readonly Change[],
  opts: ConfigureChangesOptions = {},
): Promise<void> {
  const commands: (string | Command)[] = [];
  const owner: string[] = [];
  for (const change of changes) {
    const first = change.commands[0];
    const head = first ? displayCommand(first) : change.resource;
    for (const cmd of change.commands) {
      // The Command itself, so a secret one reaches the session (and its transcript) marked secret.
      commands.push(cmd);
      owner.push(head);
    }
  }
  commands.push(...(opts.trailing ?? []));
  try {
    await device.configure(commands, opts);
  } catch (error) {
    if (!(error instanceof ConfigureError)) throw error;
    const words = error.output.split('\n').join('; ');
    const head = owner[error.index];
    const where = head === undefined || head === error.command ? error.command : `${head}: ${error.command}`;
    throw new ApplyCommandError(`${where}: ${words}`, error);
  }
}

/** A refused configuration command, worded for the apply failure message; `cause` is the ConfigureError. */
export class ApplyCommandError extends Error {
  constructor(
    message: string,
    readonly refusal: ConfigureError,
  ) {
    super(message, { cause: refusal });
    this.name = 'ApplyCommandError';
  }
}
