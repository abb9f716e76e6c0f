import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { ClientChannel } from 'ssh2';
import { parse } from 'yaml';

/**
 * A recorded device session (test/fixtures/device-sessions): what the device printed at login, and per command the
 * bytes it printed in answer (echo, output, prompt), page by page when its pager stopped it.
 */
export interface DeviceSession {
  readonly hostname: string;
  readonly platform: string;
  readonly login: string;
  readonly commands: ReadonlyMap<string, readonly string[]>;
}

/**
 * Reads a session in oxidized's notation (its device2yaml writes the bytes a device sent as YAML block text with
 * Ruby escapes): `\r`, `\n`, `\t`, `\e`, `\b`, `\a`, `\xHH`, `\"` and `\\`; the block's own line breaks are LF.
 */
export function loadDeviceSession(file: string): DeviceSession {
  const doc = parse(readFileSync(file, 'utf8')) as {
    hostname: string;
    platform: string;
    login: string;
    commands: Record<string, string[]>;
  };
  return {
    hostname: doc.hostname,
    platform: doc.platform,
    login: unescapeRuby(doc.login),
    commands: new Map(Object.entries(doc.commands).map(([cmd, pages]) => [cmd, pages.map(unescapeRuby)])),
  };
}

const SIMPLE: Readonly<Record<string, string>> = { r: '\r', n: '\n', t: '\t', e: '\x1b', b: '\b', a: '\x07' };

export function unescapeRuby(text: string): string {
  return text.replace(/\\(x[0-9A-Fa-f]{2}|.)/g, (_, code: string) =>
    code.startsWith('x') && code.length === 3
      ? String.fromCharCode(parseInt(code.slice(1), 16))
      : (SIMPLE[code] ?? code),
  );
}

/**
 * The device end of a shell channel, replaying a recorded session: the login bytes at once, then for each command
 * line written its first page, and the next page for each space written while a pager waits. Bytes arrive in small
 * chunks, as over a network. A command the recording has no answer for fails the test loudly.
 */
export class ReplayChannel extends EventEmitter {
  readonly stderr = new EventEmitter();
  /** The lines written (commands), and `(space)` for each key sent to a pager. */
  readonly sent: string[] = [];
  private line = '';
  private pending: string[] = [];
  private closed = false;

  constructor(private readonly session: DeviceSession) {
    super();
    setImmediate(() => this.play(session.login));
  }

  /** This object where ssh2's ClientChannel is expected (the session layer uses only events, write and close). */
  asChannel(): ClientChannel {
    return this as unknown as ClientChannel;
  }

  write(data: string): boolean {
    if (data === ' ' && this.pending.length > 0) {
      this.sent.push('(space)');
      this.play(this.pending.shift()!);
      return true;
    }
    this.line += data;
    let nl: number;
    while ((nl = this.line.indexOf('\n')) >= 0) {
      const command = this.line.slice(0, nl).trim();
      this.line = this.line.slice(nl + 1);
      this.sent.push(command);
      const pages = this.session.commands.get(command);
      if (!pages) throw new Error(`the recorded ${this.session.platform} session has no answer to "${command}"`);
      this.pending = pages.slice(1);
      this.play(pages[0]!);
    }
    return true;
  }

  end(): void {
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    setImmediate(() => this.emit('close'));
  }

  /** Emits `bytes` in chunks of 97 bytes, one per tick (so lines, escapes and prompts arrive split). */
  private play(bytes: string): void {
    const chunks: Buffer[] = [];
    const buffer = Buffer.from(bytes, 'utf8');
    for (let at = 0; at < buffer.length; at += 97) chunks.push(buffer.subarray(at, at + 97));
    const next = (): void => {
      const chunk = chunks.shift();
      if (chunk === undefined || this.closed) return;
      this.emit('data', chunk);
      setImmediate(next);
    };
    setImmediate(next);
  }
}
