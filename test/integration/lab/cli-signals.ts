import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, type CliRun } from '../engine/cli-harness.js';

/**
 * When to send a signal: at the first output matching `at`, looking only at what came after the previous signal;
 * without `at`, 300 ms after the previous one (an operator pressing Ctrl-C again; the kernel merges signals sent
 * closer together than the process takes them).
 */
export interface SignalAt {
  readonly at?: RegExp;
  /** Without `at`: how long after the previous signal (default 300 ms). */
  readonly afterMs?: number;
  readonly signal?: NodeJS.Signals;
}

/**
 * Runs the built CLI like runCli, and sends SIGINT (or the given signal) when its output matches each `at` in turn:
 * the operator pressing Ctrl-C at a known point of a run. `sent` says which signals went out.
 */
export function runCliWithSignals(
  args: string[],
  cwd: string,
  signals: readonly SignalAt[],
): Promise<CliRun & { sent: number }> {
  return new Promise((done) => {
    const home = join(cwd, 'home');
    mkdirSync(home, { recursive: true });
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, NO_COLOR: '1', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = 0;
    let from = 0;
    let waiting = false;
    const check = (): void => {
      const next = signals[sent];
      if (!next || waiting) return;
      const text = (stdout + stderr).slice(from);
      const send = (): void => {
        waiting = false;
        sent++;
        from = (stdout + stderr).length;
        child.kill(next.signal ?? 'SIGINT');
        check();
      };
      if (!next.at) {
        waiting = true;
        setTimeout(send, next.afterMs ?? 300);
      } else if (next.at.test(text)) send();
    };
    child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), check()));
    child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), check()));
    child.on('close', (code) => done({ code, stdout, stderr, sent }));
  });
}
