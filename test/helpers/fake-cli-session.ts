import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandError } from '../../src/core/errors.js';
import { normalise, stripEcho } from '../../src/transport/terminal-text.js';
import type { CliSession, Transport } from '../../src/core/transport.js';

/**
 * A fake switch CLI keyed by command (STYLE example 9): the answer to `show checkpoint summary` is the file
 * `show_checkpoint_summary.txt` in the case folder (spaces and slashes become `_`), so a new case is a new folder.
 * `_banner.txt` is what the login prints before the first prompt. A command without a file prints nothing.
 * The fake tracks the CLI mode to print the real prompt after each answer (`switch1(config-if)# `); a file whose
 * last line is `@prompt TEXT` ends with TEXT instead (a question such as `Destination filename [startup-config]?`).
 * Like SshCliSession, it matches the prompt on the last line only and strips the echo; a prompt that does not
 * match is a timeout (CommandError), after which the session is closed.
 */
export interface FakeCliOptions {
  readonly dir: string;
  readonly hostname: string;
  /** `# ` (NX-OS) or `#` (EOS, IOS). */
  readonly promptEnd: '# ' | '#';
  /** Start at `host>` (EOS/IOS privilege 1). */
  readonly unprivileged?: boolean;
  /** Extra answers by command, taking precedence over files (for state that changes during a test). */
  readonly answers?: Map<string, string>;
  /** The host's become password, which `sendBecomePassword` sends (recorded in `sent` as `********`). */
  readonly becomePassword?: string;
  /** The device's enable secret: `enable` asks `Password:` and only this secret reaches privileged EXEC. */
  readonly enableSecret?: string;
}

export class FakeCliSession implements CliSession {
  readonly sent: string[] = [];
  closed = false;
  private mode = 'exec';
  private privileged: boolean;
  /** `enable` asked for the password. */
  private asking = false;

  constructor(private readonly opts: FakeCliOptions) {
    this.privileged = !opts.unprivileged;
  }

  async readUntil(prompt: RegExp, _timeoutMs?: number, _opts?: { pager?: RegExp }): Promise<string> {
    const banner = this.file('_banner') ?? '';
    const text = normalise(`${banner}${banner && !banner.endsWith('\n') ? '\n' : ''}${this.prompt()}`);
    this.expect(prompt, text, '(read until prompt)');
    return text;
  }

  async sendBecomePassword(opts: { prompt: RegExp }): Promise<string> {
    const password = this.opts.becomePassword;
    if (password === undefined) throw new CommandError(this.opts.hostname, '(become password)', null, 'none set');
    this.sent.push('********');
    const right = password === this.opts.enableSecret;
    if (right) this.privileged = true;
    this.asking = false;
    return this.answer('', right ? '' : '% Access denied', opts);
  }

  async send(line: string, opts: { prompt: RegExp }): Promise<string> {
    if (this.closed) throw new CommandError(this.opts.hostname, line, null, 'session is closed');
    this.sent.push(line);
    if (line === 'enable' && this.opts.enableSecret !== undefined && !this.privileged) {
      this.asking = true;
      return this.answer(line, '@prompt Password: ', opts);
    }
    if (this.asking) {
      this.asking = false;
      return this.answer(line, '% Access denied', opts);
    }
    return this.answer(line, this.opts.answers?.get(line) ?? this.file(line.replace(/[ /]/g, '_')) ?? '', opts);
  }

  /** The device's answer `body` to `line`, then its prompt (or the `@prompt` the body ends with). */
  private answer(line: string, answer: string, opts: { prompt: RegExp }): string {
    let body = answer;
    let prompt: string | undefined;
    const lines = body.replace(/\n$/, '').split('\n');
    if (lines.at(-1)?.startsWith('@prompt ')) {
      prompt = lines.pop()!.slice('@prompt '.length);
      body = lines.join('\n');
    } else if (!/^%|^ERROR:|^\s+\^/m.test(body)) {
      this.track(line);
    }
    const text = normalise(`${line}\r\n${body}${body && !body.endsWith('\n') ? '\n' : ''}${prompt ?? this.prompt()}`);
    const cut = this.expect(opts.prompt, text, line);
    return stripEcho(text.slice(0, cut), line);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** The config-mode commands sent so far (between entering and leaving config mode), for apply models. */
  configCommands(): string[] {
    const out: string[] = [];
    let inConfig = false;
    for (const line of this.sent) {
      if (/^configure (terminal|session \S+$)/.test(line)) inConfig = true;
      else if (/^(end|abort|commit( timer .*)?)$/.test(line)) inConfig = false;
      else if (inConfig && !/^show /.test(line)) out.push(line);
    }
    return out;
  }

  private expect(prompt: RegExp, text: string, what: string): number {
    const cut = text.lastIndexOf('\n') + 1;
    prompt.lastIndex = 0;
    if (!prompt.test(text.slice(cut))) {
      this.closed = true;
      throw new CommandError(
        this.opts.hostname,
        what,
        null,
        `no prompt matching ${prompt} within 0 ms; last output:\n${text}`,
      );
    }
    return cut;
  }

  private file(name: string): string | undefined {
    const path = join(this.opts.dir, `${name}.txt`);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }

  private prompt(): string {
    const h = this.opts.hostname;
    if (!this.privileged) return `${h}>`;
    return this.mode === 'exec' ? `${h}${this.opts.promptEnd}` : `${h}(${this.mode})${this.opts.promptEnd}`;
  }

  /** A rough model of the mode changes the drivers cause. */
  private track(line: string): void {
    if (line === 'enable') this.privileged = true;
    else if (/^configure (terminal|session \S+$)/.test(line))
      this.mode = line.startsWith('configure session') ? 'config-s-acp-pl' : 'config';
    else if (/^(end|abort|commit( timer .*)?)$/.test(line)) this.mode = 'exec';
    else if (this.mode === 'exec') return;
    else if (/^interface /.test(line))
      this.mode = this.mode.startsWith('config-s') ? 'config-s-acp-pl-if' : 'config-if';
    else if (/^vlan \d/.test(line)) this.mode = 'config-vlan';
    else if (line === 'archive') this.mode = 'config-archive';
    else if (line === 'exit') this.mode = this.mode.startsWith('config-s') ? 'config-s-acp-pl' : 'config';
  }
}

/** A Transport whose only ability is the one fake shell. */
export function fakeCliTransport(host: string, session: CliSession): Transport & { shells: number } {
  const t = {
    host,
    shells: 0,
    async exec(): Promise<never> {
      throw new Error('the fake CLI transport has no exec');
    },
    async shell() {
      t.shells++;
      return session;
    },
    async upload() {},
    async close() {},
  };
  return t;
}
