/**
 * The seam between the engine/drivers and SSH. Drivers and modules only ever see these interfaces; test fakes
 * implement the same ones.
 */

export interface ExecOptions {
  /** Bytes written to the command's stdin, then stdin is closed. */
  readonly stdin?: string | Buffer;
  /** Per-command timeout in ms; on expiry the channel is closed and a CommandError is thrown. */
  readonly timeoutMs?: number;
  /** Run through sudo (`sudo -n`, or `sudo -S` with the become password on stdin). */
  readonly become?: boolean;
  /** Text that must never be printed or recorded (for the transcript's masking). */
  readonly secret?: boolean;
}

export interface CommandResult {
  readonly command: string;
  readonly stdout: string;
  readonly stderr: string;
  /** Exit code, or null when the command ended by a signal. */
  readonly exitCode: number | null;
  readonly signal?: string;
  readonly durationMs: number;
}

/** An interactive CLI session on a shell channel (network devices). */
export interface CliSession {
  /**
   * Sends one line and reads until `prompt` matches the LAST line of the buffer. Returns the output with the
   * echoed command and the trailing prompt stripped. A `secret` line is recorded masked. With `pager`, a last line
   * that is only the pager prompt (` --More-- `) is answered with a space, and pager prompts are removed.
   */
  send(line: string, opts: { prompt: RegExp; timeoutMs?: number; secret?: boolean; pager?: RegExp }): Promise<string>;
  /**
   * Sends the host's become password (a network device's enable secret) as `send` sends a secret line: recorded
   * masked, never printed. Rejects when the host has none.
   */
  sendBecomePassword(opts: { prompt: RegExp; timeoutMs?: number; pager?: RegExp }): Promise<string>;
  /** Reads until the prompt appears (the banner and first prompt after opening), answering a pager as `send` does. */
  readUntil(prompt: RegExp, timeoutMs?: number, opts?: { pager?: RegExp }): Promise<string>;
  close(): Promise<void>;
}

/** One persistent connection to one host, reused for every step of a run. */
export interface Transport {
  readonly host: string;
  /**
   * False once the connection has closed or failed (the peer went away, keepalives went unanswered, `close()`).
   * A pool that keeps connections between runs dials again; absent means the transport cannot tell.
   */
  readonly isOpen?: boolean;
  exec(command: string, opts?: ExecOptions): Promise<CommandResult>;
  /** Opens an interactive shell (pty) for CLI devices. */
  shell(opts?: { cols?: number; rows?: number }): Promise<CliSession>;
  /** Writes a file on the host (SFTP, else exec + stdin). */
  upload(remotePath: string, content: string | Buffer, opts?: { mode?: number; become?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** Something that records what was sent and received (the run's transcript); secrets arrive already masked. */
export interface TranscriptSink {
  record(entry: {
    host: string;
    kind: 'exec' | 'send' | 'upload' | 'connect';
    text: string;
    output?: string;
    exitCode?: number | null;
  }): void;
}
