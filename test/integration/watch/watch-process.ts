import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from '../engine/cli-harness.js';

/** `acp-play watch` running as its own process, as it would in a container. */
export interface WatchProcess {
  /** `127.0.0.1:PORT` of its /metrics. */
  readonly target: string;
  /** Everything it printed so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function startWatchProcess(cwd: string, args: readonly string[]): Promise<WatchProcess> {
  const home = join(cwd, 'home');
  mkdirSync(home, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, [CLI, 'watch', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, NO_COLOR: '1', CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const target = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`watch did not start:\n${out}`)), 30_000);
    const look = (): void => {
      const m = /metrics on http:\/\/(127\.0\.0\.1:\d+)\/metrics/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve(m[1]!);
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`watch exited ${code}:\n${out}`));
    });
  });
  return {
    target,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
