import type { ServerChannel } from 'ssh2';
import type { SimCli } from './sim-cli.js';

/** What a terminal needs from its connection. */
export interface TerminalOptions {
  /** A pty was requested: echo typed characters and page long output. */
  readonly pty: boolean;
  /** Rows of the pty: the default `terminal length` (0 = no paging). */
  readonly rows: number;
  readonly onCommand?: (line: string) => void;
  /** Fault injection fired: drop the whole connection. */
  readonly onDrop: () => void;
}

/** The pager prompt and how it is wiped once a key is pressed. */
const MORE = ' --More-- ';
const WIPE = `${'\b'.repeat(MORE.length)}${' '.repeat(MORE.length)}${'\b'.repeat(MORE.length)}`;

/**
 * The line discipline of a shell channel: echoes typed characters (only with a pty), takes CR, LF or CRLF as Enter,
 * handles backspace, writes CRLF line ends, and pages output longer than `terminal length` with ` --More-- `
 * (space: next page, Enter: next line, q: stop) as the devices do until `terminal length 0`.
 */
export class SimTerminal {
  private line = '';
  private lastWasCr = false;
  private paging: string[] | undefined;

  constructor(
    private readonly channel: ServerChannel,
    private readonly cli: SimCli,
    private readonly opts: TerminalOptions,
  ) {
    cli.termLength = opts.pty ? opts.rows : 0;
  }

  start(): void {
    this.write(this.cli.platform.banner(this.cli.device) + this.cli.prompt());
  }

  receive(data: Buffer): void {
    for (const ch of data.toString('utf8')) {
      if (this.cli.closed) return;
      if (this.paging) {
        this.page(ch);
        continue;
      }
      if (ch === '\n' && this.lastWasCr) {
        this.lastWasCr = false;
        continue;
      }
      this.lastWasCr = ch === '\r';
      if (ch === '\r' || ch === '\n') this.enter();
      else if (ch === '\x7f' || ch === '\b') {
        if (this.line.length > 0) {
          this.line = this.line.slice(0, -1);
          if (this.echoes()) this.write('\b \b');
        }
      } else if (ch >= ' ' || ch === '\t') {
        this.line += ch;
        if (this.echoes()) this.write(ch);
      }
    }
  }

  private echoes(): boolean {
    return this.opts.pty && !this.cli.isAskingSecret();
  }

  private enter(): void {
    const line = this.line;
    this.line = '';
    if (this.opts.pty) this.write('\r\n');
    this.opts.onCommand?.(line);
    const promptLength = this.cli.isAsking() ? 0 : this.cli.prompt().length;
    const result = this.cli.run(line, promptLength);
    if (result.drop) return this.opts.onDrop();
    if (this.cli.isAsking()) return this.write(result.output);
    const lines = result.output === '' ? [] : result.output.split('\n');
    const length = this.cli.termLength;
    if (length > 1 && lines.length > length - 1) {
      this.write(
        lines
          .slice(0, length - 1)
          .map((l) => `${l}\r\n`)
          .join('') + MORE,
      );
      this.paging = lines.slice(length - 1);
      return;
    }
    this.finish(lines);
  }

  private page(key: string): void {
    const rest = this.paging!;
    const count = key === ' ' ? this.cli.termLength - 1 : key === '\r' || key === '\n' ? 1 : 0;
    this.write(WIPE);
    if (key === 'q' || key === 'Q' || key === '\x03') {
      this.paging = undefined;
      return this.finish([]);
    }
    if (count === 0) return this.write(MORE);
    const shown = rest.splice(0, count);
    if (rest.length === 0) {
      this.paging = undefined;
      return this.finish(shown);
    }
    this.write(shown.map((l) => `${l}\r\n`).join('') + MORE);
  }

  private finish(lines: readonly string[]): void {
    if (lines.length > 0) this.write(lines.map((l) => `${l}\r\n`).join(''));
    if (this.cli.closed) {
      this.channel.exit(0);
      this.channel.end();
      return;
    }
    this.write(this.cli.prompt());
  }

  private write(text: string): void {
    if (text !== '' && this.channel.writable) this.channel.write(text);
  }
}
