import { StringDecoder } from 'node:string_decoder';
import type { ClientChannel } from 'ssh2';
import { CommandError } from '../core/errors.js';
import type { CliSession, TranscriptSink } from '../core/transport.js';

const MASK = '********';

/** What the session needs from the transport around it. */
export interface CliSessionContext {
  readonly host: string;
  readonly defaultTimeoutMs: number;
  readonly transcript?: TranscriptSink;
  /** Called once when the channel is gone (frees the channel slot). */
  readonly onClose: () => void;
}

/**
 * A prompt-driven CLI on a shell channel. Incoming text is normalised (CRLF and stray CR to LF, ANSI escape
 * sequences removed) and the prompt is matched against the LAST line only, so a prompt-like string inside
 * command output never ends a read early. Sends are serialised. A timeout closes the session: after it the
 * device's state is unknown.
 */
export class SshCliSession implements CliSession {
  private raw = '';
  private readonly decoder = new StringDecoder('utf8');
  private waiter:
    { prompt: RegExp; keepPrompt: boolean; resolve: (text: string) => void; reject: (err: Error) => void } | undefined;
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

  send(line: string, opts: { prompt: RegExp; timeoutMs?: number; secret?: boolean }): Promise<string> {
    return this.serial(async () => {
      const shown = opts.secret ? MASK : line;
      this.channel.write(`${line}\n`);
      const text = await this.waitFor(opts.prompt, opts.timeoutMs, shown);
      // A device may echo a secret line in its own way (wrapped, or inside an error): none of it leaves the session.
      const output = opts.secret && line !== '' ? stripEcho(text, line).split(line).join(MASK) : stripEcho(text, line);
      this.ctx.transcript?.record({ host: this.ctx.host, kind: 'send', text: shown, output });
      return output;
    });
  }

  readUntil(prompt: RegExp, timeoutMs?: number): Promise<string> {
    return this.serial(() => this.waitFor(prompt, timeoutMs, '(read until prompt)', true));
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
  private waitFor(prompt: RegExp, timeoutMs: number | undefined, what: string, keepPrompt = false): Promise<string> {
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
    if (!waiter.prompt.test(lastLine)) return;
    this.raw = '';
    this.waiter = undefined;
    waiter.resolve(waiter.keepPrompt ? text : text.slice(0, cut));
  }
}

/** CRLF (and CR CR LF from some pty stacks) -> LF; other CRs and ANSI escape sequences removed. */
export function normalise(text: string): string {
  return text
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/\r+\n/g, '\n')
    .replace(/\r/g, '');
}

/** Drops the device's echo of `line` (the first line, when it ends with what was sent) and the final newline. */
export function stripEcho(text: string, line: string): string {
  const nl = text.indexOf('\n');
  const first = nl >= 0 ? text.slice(0, nl) : text;
  const body =
    line.trim() !== '' && first.trimEnd().endsWith(line.trim()) ? text.slice(nl >= 0 ? nl + 1 : text.length) : text;
  return body.replace(/\n$/, '');
}
