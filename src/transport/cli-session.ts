import { StringDecoder } from 'node:string_decoder';
import type { ClientChannel } from 'ssh2';
import { CommandError } from '../core/errors.js';
import type { CliSession, TranscriptSink } from '../core/transport.js';
import { isPagerPrompt, normalise, stripEcho, stripPagerPrompts } from './terminal-text.js';

const MASK = '********';

/** What the session needs from the transport around it. */
export interface CliSessionContext {
  readonly host: string;
  readonly defaultTimeoutMs: number;
  readonly transcript?: TranscriptSink;
  /** The host's become password (`ansible_become_password`): a network device's enable secret. */
  readonly becomePassword?: string;
  /** Called once when the channel is gone (frees the channel slot). */
  readonly onClose: () => void;
}

/**
 * A prompt-driven CLI on a shell channel. Incoming text is read as a terminal shows it (terminal-text.ts: line ends,
 * redraws with CR and backspace, ANSI sequences) and the prompt is matched against the LAST line only, so a
 * prompt-like string inside command output never ends a read early. A pager prompt on the last line (when the send
 * names one) is answered with a space, and pager prompts left in the text are removed. Sends are serialised. A
 * timeout closes the session: after it the device's state is unknown.
 */
export class SshCliSession implements CliSession {
  private raw = '';
  private readonly decoder = new StringDecoder('utf8');
  private waiter:
    | {
        prompt: RegExp;
        pager: RegExp | undefined;
        keepPrompt: boolean;
        resolve: (text: string) => void;
        reject: (err: Error) => void;
      }
    | undefined;
  /** Length of `raw` when the last pager prompt was answered (the same prompt is answered once). */
  private pagerAnsweredAt = -1;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly channel: ClientChannel,
    private readonly ctx: CliSessionContext,
  ) {
    const onData = (chunk: Buffer): void => {
      this.raw += this.decoder.write(chunk);
      this.check();
    };
    channel.on('data', onData);
    channel.stderr.on('data', onData);
    channel.on('close', () => {
      this.closed = true;
      ctx.onClose();
      this.waiter?.reject(
        new CommandError(ctx.host, '(shell)', null, `session closed by the device\n${normalise(this.raw)}`),
      );
      this.waiter = undefined;
    });
  }

  send(line: string, opts: { prompt: RegExp; timeoutMs?: number; secret?: boolean; pager?: RegExp }): Promise<string> {
    return this.serial(async () => {
      const shown = opts.secret ? MASK : line;
      this.channel.write(`${line}\n`);
      const text = await this.waitFor(opts.prompt, opts.pager, opts.timeoutMs, shown);
      // A device may echo a secret line in its own way (wrapped, or inside an error): none of it leaves the session.
      const output = opts.secret && line !== '' ? stripEcho(text, line).split(line).join(MASK) : stripEcho(text, line);
      this.ctx.transcript?.record({ host: this.ctx.host, kind: 'send', text: shown, output });
      return output;
    });
  }

  sendBecomePassword(opts: { prompt: RegExp; timeoutMs?: number; pager?: RegExp }): Promise<string> {
    const password = this.ctx.becomePassword;
    if (password === undefined)
      return Promise.reject(
        new CommandError(
          this.ctx.host,
          '(become password)',
          null,
          'the device asks for the become password (the enable secret), and the host has none: set ' +
            'ansible_become_password (a !vault value) or become_password_env: VAR',
        ),
      );
    return this.send(password, { ...opts, secret: true });
  }

  readUntil(prompt: RegExp, timeoutMs?: number, opts: { pager?: RegExp } = {}): Promise<string> {
    return this.serial(() => this.waitFor(prompt, opts.pager, timeoutMs, '(read until prompt)', true));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      this.channel.once('close', () => resolve());
      // EOF then CLOSE at once: many devices ignore EOF on a shell channel.
      this.channel.end();
      this.channel.close();
      setTimeout(resolve, 2_000).unref();
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Resolves with the text before the prompt line (or with it, when `keepPrompt`), consuming the buffer. */
  private waitFor(
    prompt: RegExp,
    pager: RegExp | undefined,
    timeoutMs: number | undefined,
    what: string,
    keepPrompt = false,
  ): Promise<string> {
    if (this.closed) return Promise.reject(new CommandError(this.ctx.host, what, null, 'session is closed'));
    const ms = timeoutMs ?? this.ctx.defaultTimeoutMs;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        const seen = normalise(this.raw);
        this.channel.close();
        reject(
          new CommandError(
            this.ctx.host,
            what,
            null,
            `no prompt matching ${prompt} within ${ms} ms; last output:\n${seen}`,
          ),
        );
      }, ms);
      this.waiter = {
        prompt,
        pager,
        keepPrompt,
        resolve: (text) => (clearTimeout(timer), resolve(text)),
        reject: (err) => (clearTimeout(timer), reject(err)),
      };
      this.check();
    });
  }

  private check(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    const text = normalise(this.raw);
    const cut = text.lastIndexOf('\n') + 1;
    const lastLine = text.slice(cut);
    waiter.prompt.lastIndex = 0;
    if (!waiter.prompt.test(lastLine)) {
      // A pager waits for a key: a space shows the next page (the device then erases the prompt).
      if (isPagerPrompt(lastLine, waiter.pager) && this.pagerAnsweredAt !== this.raw.length) {
        this.pagerAnsweredAt = this.raw.length;
        this.channel.write(' ');
      }
      return;
    }
    this.raw = '';
    this.pagerAnsweredAt = -1;
    this.waiter = undefined;
    const shown = stripPagerPrompts(text, waiter.pager);
    waiter.resolve(waiter.keepPrompt ? shown : shown.slice(0, shown.lastIndexOf('\n') + 1));
  }
}
