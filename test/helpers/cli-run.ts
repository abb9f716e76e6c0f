import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/** The example site every hostile case starts from. */
export const SITE1 = fileURLToPath(new URL('../../inventories/site1', import.meta.url));

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * The environment site1's day-0 keys read their secrets from (`site.cluster.pull_secret_env`, `ssh_key_env`):
 * test values, so that `render` of a copy of site1 gets as far as writing.
 */
export const SITE1_SECRETS_ENV: Readonly<Record<string, string>> = {
  ACP_PLAY_PULL_SECRET: '{"auths":{"example.test":{"auth":"dGVzdDp0ZXN0"}}}',
  ACP_PLAY_SSH_KEY: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRlc3Qtb25seS1ub3QtYS1yZWFsLWtleS0xMjM0NTY test',
};

/** Runs the CLI in process (`main`), capturing stdout and stderr. */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    return { code: await main(args), out: out.join(''), err: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** A fresh copy of site1 in a temporary folder; `cleanup` removes every copy made. */
export function site1Copy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'acp-hostile-')), 'site1');
  cpSync(SITE1, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

const copies: string[] = [];

export function removeSite1Copies(): void {
  for (const dir of copies.splice(0)) rmSync(join(dir, '..'), { recursive: true, force: true });
}

/**
 * The error lines of an exit-3 run (every stderr line but warnings and the closing count). Each must start with
 * `FILE:LINE:COL: ` for the run to count as located.
 */
export function errorLines(run: CliRun): string[] {
  return run.err
    .split('\n')
    .filter((line) => line !== '' && !/^\d+ errors?; nothing was contacted\.$/.test(line))
    .filter((line) => !/^[^:]+:\d+:\d+: warning: /.test(line));
}
