import { cloneSimState, type SimSwitchState } from './model/switch-model.js';
import { compileCommands, matchLine, type Compiled, type MatchResult } from './sim-grammar.js';
import {
  SimCommandError,
  type CliHandle,
  type CliMode,
  type CommandHandler,
  type ModeKind,
  type SimPlatform,
} from './sim-cli-types.js';
import type { SimDevice } from './sim-device.js';
import { parseOutputFilter } from './sim-output-filter.js';

/** What one typed line produced. */
export interface LineResult {
  /** Output text, LF line ends, without the next prompt. */
  readonly output: string;
  /** Some command of the line printed an error. */
  readonly failed: boolean;
  /** The user left (exit from EXEC): end the channel. */
  readonly close: boolean;
  /** Fault injection: drop the connection without a reply. */
  readonly drop: boolean;
}

const compiledByPlatform = new WeakMap<SimPlatform, Record<ModeKind, Compiled<CommandHandler>[]>>();

function compiled(platform: SimPlatform): Record<ModeKind, Compiled<CommandHandler>[]> {
  let c = compiledByPlatform.get(platform);
  if (!c) {
    const modes = Object.keys(platform.commands) as ModeKind[];
    c = Object.fromEntries(modes.map((m) => [m, compileCommands(platform.commands[m])])) as Record<
      ModeKind,
      Compiled<CommandHandler>[]
    >;
    compiledByPlatform.set(platform, c);
  }
  return c;
}

/**
 * One connection's CLI: its mode, terminal settings and pending question, on top of the shared device. Lines are
 * matched against the current mode's commands; in a sub-mode a line that only the global config mode knows leaves
 * the sub-mode first, as on the devices.
 */
export class SimCli implements CliHandle {
  mode: CliMode;
  session: string | undefined;
  termLength = 24;
  termWidth = 80;
  closed = false;
  private question: { onAnswer: (answer: string) => string; secret: boolean } | undefined;

  constructor(
    readonly device: SimDevice,
    readonly platform: SimPlatform,
    readonly username: string,
    privilege: number,
    readonly loading = false,
  ) {
    this.mode = { kind: loading ? 'config' : privilege >= 15 ? 'exec' : 'user' };
  }

  prompt(): string {
    return this.platform.prompt(this.device.hostname, this.mode, this.session);
  }

  /** True while a question (`Destination filename`, `Password:`) waits; its answer must not be echoed if secret. */
  isAskingSecret(): boolean {
    return this.question?.secret ?? false;
  }

  isAsking(): boolean {
    return this.question !== undefined;
  }

  readState(): SimSwitchState {
    const session = this.session !== undefined ? this.device.sessions.get(this.session) : undefined;
    return cloneSimState(session ? session.state : this.device.running);
  }

  writeState(next: SimSwitchState): void {
    const session = this.session !== undefined ? this.device.sessions.get(this.session) : undefined;
    if (session) session.state = cloneSimState(next);
    else this.device.setRunning(next);
  }

  ask(question: string, onAnswer: (answer: string) => string, opts: { secret?: boolean } = {}): string {
    this.question = { onAnswer, secret: opts.secret ?? false };
    return question;
  }

  close(): void {
    this.closed = true;
  }

  /** Runs one typed line. `promptLength` places `^` markers (0 on exec channels). */
  run(line: string, promptLength: number): LineResult {
    const drop = this.device.opts.dropAfter?.test(line.trim()) ?? false;
    if (this.question) {
      const { onAnswer } = this.question;
      this.question = undefined;
      return this.result(
        this.guard(() => onAnswer(line)),
        drop,
      );
    }
    const parts = this.platform.semicolonSeparates ? line.split(/\s*;\s*/) : [line];
    const outputs: string[] = [];
    let failed = false;
    for (const part of parts) {
      const r = this.guard(() => this.runOne(part, promptLength));
      if (r.text !== '') outputs.push(r.text);
      failed ||= r.failed;
      if (r.failed || this.closed || this.question) break;
    }
    return { output: outputs.join('\n'), failed, close: this.closed, drop };
  }

  private result(r: { text: string; failed: boolean }, drop: boolean): LineResult {
    return { output: r.text, failed: r.failed, close: this.closed, drop };
  }

  private guard(fn: () => string): { text: string; failed: boolean } {
    try {
      return { text: fn(), failed: false };
    } catch (err) {
      if (err instanceof SimCommandError) return { text: err.output, failed: true };
      throw err;
    }
  }

  private runOne(raw: string, promptLength: number): string {
    const pipe = raw.indexOf('|');
    const line = pipe >= 0 ? raw.slice(0, pipe) : raw;
    const filter = pipe >= 0 ? parseOutputFilter(raw.slice(pipe + 1), this.platform.pipes) : undefined;
    if (filter && 'error' in filter) {
      const col = pipe + 1 + (raw.slice(pipe + 1).length - raw.slice(pipe + 1).trimStart().length);
      throw new SimCommandError(
        filter.error === 'incomplete'
          ? this.platform.incomplete(raw, promptLength)
          : this.platform.invalid(raw, col, -1, promptLength),
      );
    }
    // Fault injection: any command, a configuration line or an exec one (EOS's confirming `configure session NAME
    // commit`, so a failure can come after a commit timer), except while the startup-config boots.
    if (!this.loading && this.device.opts.rejectCommands?.some((re) => re.test(line.trim()))) {
      const first = /\S/.exec(line)?.index ?? 0;
      throw new SimCommandError(this.platform.invalid(line, first, 0, promptLength));
    }
    const { match, mode } = this.lookup(line);
    if (match.kind === 'empty') return '';
    if (match.kind === 'incomplete') throw new SimCommandError(this.platform.incomplete(line, promptLength));
    if (match.kind === 'ambiguous') throw new SimCommandError(this.platform.ambiguous(line, match.col, promptLength));
    if (match.kind === 'invalid')
      throw new SimCommandError(this.platform.invalid(line, match.col, match.token, promptLength));
    if (mode !== this.mode.kind && mode === 'config') this.mode = { kind: 'config' };
    const json = filter !== undefined && 'json' in filter;
    const ctx = {
      device: this.device,
      platform: this.platform,
      cli: this,
      args: match.args,
      line,
      expanded: match.expanded,
      promptLength,
      json,
    };
    const out = match.handler(ctx) ?? '';
    if (typeof out !== 'string')
      return filter && 'json' in filter && filter.json === 'json-pretty'
        ? JSON.stringify(out.json, null, 2)
        : JSON.stringify(out.json);
    if (json) throw new SimCommandError(this.platform.noJson);
    return filter && 'apply' in filter ? filter.apply(out) : out;
  }

  /** Matches in the current mode, then (sub-modes) in global config, then (NX-OS/EOS config) `show` commands. */
  private lookup(line: string): { match: MatchResult<CommandHandler>; mode: ModeKind } {
    const tables = compiled(this.platform);
    const own = matchLine(line, tables[this.mode.kind]);
    if (own.kind === 'ok' || own.kind === 'empty') return { match: own, mode: this.mode.kind };
    const fallbacks: ModeKind[] = [];
    if (this.mode.kind !== 'config' && this.mode.kind.startsWith('config')) fallbacks.push('config');
    let best: { match: MatchResult<CommandHandler>; mode: ModeKind } = { match: own, mode: this.mode.kind };
    for (const mode of fallbacks) {
      const m = matchLine(line, tables[mode]);
      if (m.kind === 'ok') return { match: m, mode };
      if (m.kind === 'invalid' && best.match.kind === 'invalid' && m.token > best.match.token)
        best = { match: m, mode };
      if (m.kind === 'incomplete' && best.match.kind === 'invalid' && best.match.token === 0) best = { match: m, mode };
    }
    if (this.mode.kind.startsWith('config') && this.platform.showInConfig && /^\s*sh/i.test(line)) {
      const m = matchLine(line, tables.exec);
      if (m.kind === 'ok' || best.match.kind === 'invalid') return { match: m, mode: this.mode.kind };
    }
    return best;
  }
}
