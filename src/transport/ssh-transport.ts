import type { ClientChannel, SFTPWrapper } from 'ssh2';
import { CommandError, ConnectError } from '../core/errors.js';
import { becomeCommand } from './become.js';
import { ChannelLimiter } from './channel-limiter.js';
import { SshCliSession } from './cli-session.js';
import { shellQuote } from './shell-quote.js';
import { openSshLink, type SshLink } from './ssh-connect.js';
import type { ConnectOptions, SshTarget } from './ssh-target.js';
import type { CliSession, CommandResult, ExecOptions, Transport } from '../core/transport.js';

export type { ConnectOptions, HostKeyPolicy, SshTarget } from './ssh-target.js';
export type { SshAuthSources } from './ssh-auth.js';

const MASK = '********';

/**
 * Opens the one connection used for every step on `target` (retrying the connect only, with backoff) and returns
 * its Transport. Throws ConnectError when the host cannot be reached, its key is refused or no login works.
 */
export async function connectHost(target: SshTarget, opts: ConnectOptions = {}): Promise<Transport> {
  const link = await openSshLink(target, opts);
  opts.transcript?.record({ host: target.name, kind: 'connect', text: link.endpoint });
  return new SshTransport(target, link, opts);
}

/** Transport over one ssh2 connection: exec channels (at most `maxChannels` at once), shells and uploads. */
export class SshTransport implements Transport {
  readonly host: string;
  private readonly limiter: ChannelLimiter;
  private lostReason: string | undefined;
  private sftpMissing = false;
  private passwordlessSudo: Promise<boolean> | undefined;

  constructor(
    private readonly target: SshTarget,
    private readonly link: SshLink,
    private readonly opts: ConnectOptions,
  ) {
    this.host = target.name;
    this.limiter = new ChannelLimiter(opts.maxChannels ?? 4);
    link.client.on('error', (err: Error) => (this.lostReason ??= err.message));
    link.client.on('close', () => (this.lostReason ??= 'connection closed'));
  }

  get isOpen(): boolean {
    return this.lostReason === undefined;
  }

  async exec(command: string, opts: ExecOptions = {}): Promise<CommandResult> {
    const shown = opts.secret ? MASK : command;
    let wire = command;
    let stdinPrefix = '';
    if (opts.become) {
      const password = (await this.sudoNeedsPassword()) ? this.target.becomePassword : undefined;
      ({ command: wire, stdinPrefix } = becomeCommand(command, password));
    }
    const result = await this.run(wire, shown, opts.stdin, stdinPrefix, opts.timeoutMs);
    this.opts.transcript?.record({
      host: this.host,
      kind: 'exec',
      text: shown,
      output: result.stdout + result.stderr,
      exitCode: result.exitCode,
    });
    return result;
  }

  async shell(opts: { cols?: number; rows?: number } = {}): Promise<CliSession> {
    const client = this.liveClient();
    const { value: channel, release } = await this.limiter.hold(
      () =>
        new Promise<ClientChannel>((resolve, reject) =>
          // Wide columns so the device never wraps the echo of a long command.
          client.shell({ term: 'vt100', cols: opts.cols ?? 511, rows: opts.rows ?? 24 }, (err, ch) =>
            err ? reject(err) : resolve(ch),
          ),
        ),
    );
    return new SshCliSession(channel, {
      host: this.host,
      defaultTimeoutMs: this.opts.commandTimeoutMs ?? 120_000,
      onClose: release,
      ...(this.opts.transcript ? { transcript: this.opts.transcript } : {}),
      ...(this.target.becomePassword !== undefined ? { becomePassword: this.target.becomePassword } : {}),
    });
  }

  async upload(
    remotePath: string,
    content: string | Buffer,
    opts: { mode?: number; become?: boolean } = {},
  ): Promise<void> {
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    this.opts.transcript?.record({ host: this.host, kind: 'upload', text: `${remotePath} (${data.length} bytes)` });
    if (!opts.become && !this.sftpMissing) {
      const sent = await this.limiter.run(() => this.sftpWrite(remotePath, data, opts.mode));
      if (sent) return;
    }
    // umask first, so a file meant to be private is never readable by others, not even before chmod.
    const mode = opts.mode === undefined ? undefined : (opts.mode & 0o7777).toString(8).padStart(4, '0');
    const script = mode
      ? `umask 077 && cat > ${shellQuote(remotePath)} && chmod ${mode} ${shellQuote(remotePath)}`
      : `cat > ${shellQuote(remotePath)}`;
    const result = await this.exec(script, { stdin: data, ...(opts.become ? { become: true } : {}) });
    if (result.exitCode !== 0)
      throw new CommandError(this.host, `upload ${remotePath}`, result.exitCode, result.stderr || result.stdout);
  }

  async close(): Promise<void> {
    const client = this.link.client;
    const wasOpen = this.lostReason === undefined;
    this.lostReason ??= 'transport closed';
    await new Promise<void>((resolve) => {
      if (!wasOpen) return resolve();
      client.once('close', () => resolve());
      setTimeout(resolve, 2_000).unref();
      this.link.close();
    });
    this.link.close();
  }

  /** Writes over SFTP; false when the server has no SFTP subsystem (the caller falls back to exec). */
  private async sftpWrite(path: string, data: Buffer, mode: number | undefined): Promise<boolean> {
    const client = this.liveClient();
    let sftp: SFTPWrapper;
    try {
      sftp = await new Promise<SFTPWrapper>((resolve, reject) =>
        client.sftp((err, s) => (err ? reject(err) : resolve(s))),
      );
    } catch (err) {
      if (/Channel open failure/i.test((err as Error).message)) throw err;
      this.sftpMissing = true;
      return false;
    }
    try {
      await new Promise<void>((resolve, reject) =>
        sftp.writeFile(path, data, mode === undefined ? {} : { mode }, (err) => (err ? reject(err) : resolve())),
      );
      // writeFile's mode applies only when the file is created; chmod covers an existing file.
      if (mode !== undefined)
        await new Promise<void>((resolve, reject) => sftp.chmod(path, mode, (err) => (err ? reject(err) : resolve())));
      return true;
    } catch (err) {
      throw new CommandError(this.host, `upload ${path}`, null, `sftp: ${(err as Error).message}`, { cause: err });
    } finally {
      sftp.end();
    }
  }

  /** With a become password configured, asks once per connection whether sudo needs it at all (NOPASSWD rules). */
  private sudoNeedsPassword(): Promise<boolean> {
    if (this.target.becomePassword === undefined) return Promise.resolve(false);
    this.passwordlessSudo ??= this.run('sudo -n true', 'sudo -n true', undefined, '', 10_000).then(
      (r) => r.exitCode === 0,
    );
    return this.passwordlessSudo.then((passwordless) => !passwordless);
  }

  private liveClient(): SshLink['client'] {
    if (this.lostReason !== undefined) throw new ConnectError(this.host, `connection lost: ${this.lostReason}`);
    return this.link.client;
  }

  private run(
    wire: string,
    shown: string,
    stdin: string | Buffer | undefined,
    stdinPrefix: string,
    timeoutMs: number | undefined,
  ): Promise<CommandResult> {
    const client = this.liveClient();
    const limitMs = timeoutMs ?? this.opts.commandTimeoutMs ?? 120_000;
    return this.limiter.run(
      () =>
        new Promise<CommandResult>((resolve, reject) =>
          // Listeners go on inside the callback: exit-status and close can arrive in the same packet batch as the
          // channel confirmation, before an awaited continuation would run.
          client.exec(wire, (err, ch) =>
            err ? reject(err) : collect(ch, this.host, shown, stdinPrefix, stdin, limitMs).then(resolve, reject),
          ),
        ),
    );
  }
}

function collect(
  channel: ClientChannel,
  host: string,
  shown: string,
  stdinPrefix: string,
  stdin: string | Buffer | undefined,
  limitMs: number,
): Promise<CommandResult> {
  const started = Date.now();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let exitCode: number | null | undefined;
  let signal: string | undefined;
  return new Promise<CommandResult>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // OpenSSH honours the signal request (>= 7.9) but only for the session's shell; a grandchild holding the
      // pipes keeps sshd's side open, so settle now instead of waiting for the server to confirm the close.
      sendSignal(channel, 'KILL');
      channel.close();
      const stdout = Buffer.concat(out).toString();
      const stderr = Buffer.concat(err).toString();
      reject(new CommandError(host, shown, null, `timed out after ${limitMs} ms\n${stdout}${stderr}`));
    }, limitMs);
    channel.on('data', (d: Buffer) => out.push(d));
    channel.stderr.on('data', (d: Buffer) => err.push(d));
    channel.on('exit', (code: number | null, sig?: string) => {
      exitCode = code;
      if (sig) signal = sig;
    });
    channel.on('close', () => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString();
      const stderr = Buffer.concat(err).toString();
      if (timedOut) return;
      if (exitCode === undefined)
        return reject(new CommandError(host, shown, null, `channel closed without an exit status\n${stdout}${stderr}`));
      resolve({
        command: shown,
        stdout,
        stderr,
        exitCode,
        ...(signal ? { signal } : {}),
        durationMs: Date.now() - started,
      });
    });
    if (stdinPrefix) channel.write(stdinPrefix);
    if (stdin !== undefined) channel.write(stdin);
    channel.end();
  });
}

/**
 * ssh2 1.17's `channel.signal()` silently does nothing once stdin is ended (it checks `writable`), and exec always
 * ends stdin; so send the request through the channel's protocol object, as `signal()` itself does.
 */
function sendSignal(channel: ClientChannel, name: string): void {
  const ch = channel as unknown as {
    outgoing?: { id: number; state: string };
    _client?: { _protocol?: { signal(id: number, sig: string): void } };
  };
  if ((ch.outgoing?.state === 'open' || ch.outgoing?.state === 'eof') && ch._client?._protocol)
    ch._client._protocol.signal(ch.outgoing.id, name);
  else channel.signal(name);
}
