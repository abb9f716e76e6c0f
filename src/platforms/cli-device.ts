import type { Command } from '../core/change.js';
import { displayCommand } from '../core/change.js';
import { CommandError } from '../core/errors.js';
import type { CliSession, Transport } from '../core/transport.js';
import type { CliDefinition, CliQuestion } from './cli-definition.js';
import { judgeOutput, type OutputKind } from './cli-grammar.js';
import { PromptWatch } from './cli-prompt-watch.js';

/** Which prompt ended the last read. */
export type CliMode = 'exec' | 'config' | 'unprivileged' | 'question' | 'unknown';

export interface CliDeviceOptions {
  /** Default timeout of one command, in ms (30 s). */
  readonly commandTimeoutMs?: number;
  /** How long to wait for the first prompt after the shell opens, in ms (20 s). */
  readonly openTimeoutMs?: number;
  /**
   * The host asks for privilege escalation (Ansible's `become` with `become_method: enable`): when `enable` asks
   * for a password, the session sends the host's become password (the enable secret) as a secret line.
   */
  readonly become?: boolean;
}

export interface RunOptions {
  readonly timeoutMs?: number;
  /** A question the command may ask; its answer is sent when it appears. */
  readonly question?: CliQuestion;
  /**
   * An action's output when it worked (`Done`, or /^$/ for nothing): any other output fails the command. Without
   * it the output is data (`show`), refused only when it starts with a refusal.
   */
  readonly expect?: RegExp;
}

export interface ConfigureOptions {
  /** Enters config mode (default: the definition's `configEnter`). */
  readonly enter?: string;
  /** Leaves config mode, ending at the exec prompt (default: `configLeave`). */
  readonly leave?: string;
  /** Sent instead of `leave` when a command fails (default: `configLeave`). */
  readonly abandon?: string;
  /** Per command, in ms. */
  readonly timeoutMs?: number;
}

/**
 * A command refused inside `configure`. `index` is the position in the commands given (-1: the enter command,
 * `commands.length`: the leave command). `output` holds the device's own words.
 */
export class ConfigureError extends CommandError {
  constructor(
    host: string,
    command: string,
    words: string,
    readonly index: number,
  ) {
    super(host, command, null, words);
  }
}

/**
 * A generic prompt-driven device session on top of a CliSession: waits for the first prompt, runs the on-open
 * commands, runs commands and configuration with failure detection. All platform knowledge comes from the
 * CliDefinition. After a transport error (timeout, closed channel) the device is unusable: open a new one.
 */
export class CliDevice {
  private mode: CliMode = 'unknown';
  private broken = false;

  private constructor(
    readonly host: string,
    readonly definition: CliDefinition,
    private readonly session: CliSession,
    private readonly opts: CliDeviceOptions,
  ) {}

  static async open(conn: Transport, definition: CliDefinition, opts: CliDeviceOptions = {}): Promise<CliDevice> {
    const session = await conn.shell();
    const device = new CliDevice(conn.host, definition, session, opts);
    try {
      await device.start();
    } catch (error) {
      device.broken = true;
      await session.close().catch(() => undefined);
      throw error;
    }
    return device;
  }

  /** False once the session failed below the CLI (timeout, closed): the caller must open a new device. */
  get isUsable(): boolean {
    return !this.broken;
  }

  /** The mode the last prompt showed. */
  get currentMode(): CliMode {
    return this.mode;
  }

  /** Runs one exec-mode command and returns its output; throws CommandError with the device's words on refusal. */
  async run(command: string, opts: RunOptions = {}): Promise<string> {
    const { exec, config } = this.definition.prompts;
    const timeoutMs = opts.timeoutMs ?? this.opts.commandTimeoutMs;
    let output = await this.send(
      command,
      opts.question ? [exec, config, opts.question.prompt] : [exec, config],
      timeoutMs,
    );
    if (this.mode === 'question' && opts.question)
      output += `\n${await this.send(opts.question.answer, [exec, config], timeoutMs)}`;
    const words = this.refusal(output, opts.expect ? { expect: opts.expect } : 'data');
    if (words !== undefined) throw new CommandError(this.host, command, null, words);
    return output;
  }

  /**
   * Enters config mode, sends each command, leaves; returns each command's output. A secret Command is sent as
   * written and reaches the session (and its transcript) marked secret; errors name it masked.
   */
  async configure(commands: readonly (string | Command)[], opts: ConfigureOptions = {}): Promise<string[]> {
    const def = this.definition;
    const { exec, config } = def.prompts;
    const timeoutMs = opts.timeoutMs ?? this.opts.commandTimeoutMs;
    const enter = opts.enter ?? def.configEnter;
    const entered = await this.send(enter, [exec, config], timeoutMs);
    const enterWords =
      this.refusal(entered, 'config') ??
      (this.mode === 'config' ? undefined : `${enter} did not enter configuration mode`);
    if (enterWords !== undefined) {
      if (this.mode === 'config') await this.abandon(opts.abandon ?? def.configLeave, timeoutMs);
      throw new ConfigureError(this.host, enter, enterWords, -1);
    }
    const outputs: string[] = [];
    for (const [index, given] of commands.entries()) {
      const cmd = typeof given === 'string' ? { text: given } : given;
      const shown = displayCommand(cmd);
      const output = await this.send(cmd.text, [exec, config], timeoutMs, cmd.secret ? 'secret' : 'plain');
      const words =
        this.refusal(output, /^show\s/i.test(cmd.text) ? 'data' : 'config') ??
        (this.mode === 'config' ? undefined : `left configuration mode after "${shown}"`);
      if (words !== undefined) {
        await this.abandon(opts.abandon ?? def.configLeave, timeoutMs);
        throw new ConfigureError(this.host, shown, words, index);
      }
      outputs.push(output);
    }
    const leave = opts.leave ?? def.configLeave;
    const left = await this.leaveConfig(leave, timeoutMs);
    const leaveWords = this.refusal(left, 'config');
    if (leaveWords !== undefined) throw new ConfigureError(this.host, leave, leaveWords, commands.length);
    return outputs;
  }

  /** Copies running-config to startup-config with the definition's save command (answering its question). */
  async save(opts: { timeoutMs?: number } = {}): Promise<string> {
    const { command, question, expect } = this.definition.save;
    return this.run(command, { ...opts, expect, ...(question ? { question } : {}) });
  }

  async close(): Promise<void> {
    this.broken = true;
    await this.session.close();
  }

  /** Leaves config mode after a refusal; the refusal is what the caller reports, so a failure here is not. */
  private async abandon(command: string, timeoutMs: number | undefined): Promise<void> {
    await this.leaveConfig(command, timeoutMs).catch(() => undefined);
  }

  /** Sends `command` from config mode and makes sure the device is back at the exec prompt. */
  private async leaveConfig(command: string, timeoutMs: number | undefined): Promise<string> {
    const { exec, config } = this.definition.prompts;
    const output = await this.send(command, [exec, config], timeoutMs);
    // Still in config mode (the leave command was refused, or it does not end config mode on this release).
    if (this.mode === 'config' && command !== this.definition.configLeave)
      await this.send(this.definition.configLeave, [exec, config], timeoutMs);
    if (this.mode === 'config')
      throw new CommandError(this.host, command, null, `still in configuration mode after "${command}"\n${output}`);
    return output;
  }

  private async start(): Promise<void> {
    const def = this.definition;
    const { exec, config, unprivileged } = def.prompts;
    const watch = new PromptWatch(unprivileged ? [exec, config, unprivileged] : [exec, config]);
    try {
      await this.session.readUntil(watch, this.opts.openTimeoutMs ?? 20_000, { pager: def.pager });
    } catch (error) {
      const why = error instanceof CommandError ? error.output : (error as Error).message;
      throw new CommandError(
        this.host,
        '(login)',
        null,
        `no ${def.platform} prompt for hostname "${def.hostname}" (expected "${def.hostname}#"); if the device's hostname differs from the inventory name, set the host var hostname\n${why}`,
        { cause: error },
      );
    }
    this.mode = this.modeOf(watch.seen);
    if (this.mode === 'config') await this.leaveConfig(def.configLeave, this.opts.commandTimeoutMs);
    if (this.mode === 'unprivileged') await this.enable();
    for (const command of def.onOpen) await this.run(command);
  }

  /**
   * Leaves the unprivileged prompt with `enable`. When it asks for the enable secret: with `become`, the session
   * sends the host's become password as a secret line (never printed nor recorded); without, the login is refused
   * with the inventory keys that would set it.
   */
  private async enable(): Promise<void> {
    const def = this.definition;
    const { exec, unprivileged } = def.prompts;
    if (!def.enable)
      throw new CommandError(
        this.host,
        '(login)',
        null,
        `logged in unprivileged (prompt ending in ">"); ${def.platform} configuration needs a privilege-15 login`,
      );
    const prompts = [exec, unprivileged ?? exec, /[Pp]assword:\s*$/];
    const timeoutMs = this.opts.commandTimeoutMs;
    let said = await this.send(def.enable, prompts, timeoutMs);
    if (this.mode === 'question' && !this.opts.become)
      throw new CommandError(
        this.host,
        def.enable,
        null,
        `"${def.enable}" asks for the enable secret: set ansible_become: true and ansible_become_method: enable on the ` +
          'host, with the secret in ansible_become_password (a !vault value) or become_password_env: VAR',
      );
    if (this.mode === 'question') said = await this.send('', prompts, timeoutMs, 'become');
    if (this.mode === 'exec') return;
    // Still asked (a wrong secret), or back at ">" with the device's refusal.
    throw new CommandError(
      this.host,
      def.enable,
      null,
      `"${def.enable}" did not reach privileged EXEC${said.trim() ? `: ${said.trim()}` : ''}` +
        (this.opts.become ? '; check the enable secret in ansible_become_password' : ''),
    );
  }

  /**
   * Sends a line and reads on. `secret`: the line is a secret and is masked in the session's transcript; `become`:
   * the line is the host's become password, which only the session knows.
   */
  private async send(
    line: string,
    prompts: readonly RegExp[],
    timeoutMs: number | undefined,
    kind: 'plain' | 'secret' | 'become' = 'plain',
  ): Promise<string> {
    const watch = new PromptWatch(prompts);
    try {
      const opts = {
        prompt: watch,
        pager: this.definition.pager,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        ...(kind === 'secret' ? { secret: true } : {}),
      };
      const output =
        kind === 'become' ? await this.session.sendBecomePassword(opts) : await this.session.send(line, opts);
      this.mode = this.modeOf(watch.seen);
      return output;
    } catch (error) {
      this.broken = true;
      this.mode = 'unknown';
      throw error;
    }
  }

  private modeOf(line: string | undefined): CliMode {
    if (line === undefined) return 'unknown';
    const { exec, config, unprivileged } = this.definition.prompts;
    if (new RegExp(exec.source, exec.flags).test(line)) return 'exec';
    if (new RegExp(config.source, config.flags).test(line)) return 'config';
    if (unprivileged && new RegExp(unprivileged.source, unprivileged.flags).test(line)) return 'unprivileged';
    return 'question';
  }

  /**
   * Why the output does not show the command accepted (cli-grammar.ts): the device's own refusal, or `unexpected
   * output: ...`; undefined when accepted.
   */
  private refusal(output: string, kind: OutputKind): string | undefined {
    // A line that is only a prompt is not output: some devices print one more (an NX-OS 5548 does, recorded).
    const { exec, config } = this.definition.prompts;
    const lines = output.split('\n').filter((l) => !exec.test(l.trim()) && !config.test(l.trim()));
    const judged = judgeOutput(this.definition.grammar, lines.join('\n'), kind);
    if (judged.kind === 'accepted') return undefined;
    return judged.kind === 'refused' ? judged.words : `unexpected output: ${judged.words}`;
  }
}
