import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SshdHost } from '../helpers/sshd-host.js';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const CLI = join(ROOT, 'bin', 'acp-play.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI in `cwd` with a clean HOME (no ssh config, no user known_hosts, no agent). */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done) => {
    const home = join(cwd, 'home');
    mkdirSync(home, { recursive: true });
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, NO_COLOR: '1', CI: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

export interface LinuxSite {
  readonly cwd: string;
  readonly inventory: string;
  readonly workdirs: string[];
}

/**
 * A working directory with an inventory of plain Linux hosts (the given sshd processes, plus `unreachable` ports
 * where nothing listens), their host keys pinned in the inventory's known_hosts, and the given playbook/templates.
 */
export function linuxSite(
  hosts: readonly SshdHost[],
  files: Record<string, string>,
  unreachablePorts: number[] = [],
): LinuxSite {
  const cwd = mkdtempSync(join(tmpdir(), 'acp-play-run-'));
  const inventory = join(cwd, 'inventory');
  mkdirSync(inventory);
  const workdirs = hosts.map((h) => join(h.dir, 'work'));
  const lines = [
    'all:',
    '  vars:',
    `    user: ${hosts[0]!.user}`,
    `    ssh_private_key_file: ${hosts[0]!.clientKeyPath}`,
    '  children:',
    '    linux:',
    '      hosts:',
    ...hosts.map((h, i) => `        h${i}: {address: 127.0.0.1, port: ${h.port}, workdir: ${workdirs[i]}}`),
    ...unreachablePorts.map((p, i) => `        down${i}: {address: 127.0.0.1, port: ${p}, workdir: /nonexistent}`),
  ];
  writeFileSync(join(inventory, 'hosts.yaml'), `${lines.join('\n')}\n`);
  writeFileSync(join(inventory, 'known_hosts'), hosts.map((h) => `[127.0.0.1]:${h.port} ${h.hostKeyPub}\n`).join(''));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(cwd, path, '..'), { recursive: true });
    writeFileSync(join(cwd, path), text);
  }
  return { cwd, inventory, workdirs };
}
