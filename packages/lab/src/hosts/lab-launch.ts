import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AcpError } from 'acp-play/core/errors.js';
import type { KeeperMessage } from './lab-keeper.js';
import { assertLabAvailable } from './lab-prereqs.js';
import { readLabState, type LabState } from './lab-state.js';
import { pidMatches, stopLabInDir } from './lab-teardown.js';

/** Options of {@link launchLab}. */
export interface LaunchLabOptions {
  readonly count: number;
  /** Holds lab.json and keeper.log. */
  readonly stateDir: string;
  readonly inventoryDir: string;
  /** Default 120 s. */
  readonly timeoutMs?: number;
}

/** The keeper's log file inside the state folder. */
export const KEEPER_LOG = 'keeper.log';

/**
 * Starts a lab that outlives this process: a detached keeper process (lab-keeper.js) starts the hosts as its own
 * children and stays; `acp-play lab down` (stopLabInDir) stops it. Resolves with the lab's state once every host
 * answers. A lab already running in `stateDir` is an error; a dead one's leftovers are removed first.
 */
export async function launchLab(opts: LaunchLabOptions): Promise<{ state: LabState; cleanedStale: boolean }> {
  assertLabAvailable();
  const stateDir = resolve(opts.stateDir);
  const existing = readLabState(stateDir);
  if (existing?.keeperPid !== undefined && pidMatches(existing.keeperPid, 'lab-keeper')) {
    throw new AcpError(
      `a lab is already up in ${stateDir} (lab ${existing.id}, ${existing.hosts.length} hosts, since ${existing.createdAt}): run \`acp-play lab down\` first`,
    );
  }
  const cleanedStale = existing !== undefined;
  if (existing) await stopLabInDir(stateDir);
  mkdirSync(stateDir, { recursive: true });
  const logPath = join(stateDir, KEEPER_LOG);
  const logFd = openSync(logPath, 'a');
  const keeper = spawn(
    process.execPath,
    [
      fileURLToPath(new URL('./lab-keeper.js', import.meta.url)),
      '--state-dir',
      stateDir,
      '--inventory',
      resolve(opts.inventoryDir),
      '--hosts',
      String(opts.count),
    ],
    // Own session: a Ctrl-C in this terminal after `lab up` returned does not reach the lab.
    { detached: true, stdio: ['ignore', logFd, logFd, 'ipc'] },
  );
  closeSync(logFd);
  const logTail = (): string => readFileSync(logPath, 'utf8').trim().split('\n').slice(-8).join('\n');
  const message = await new Promise<KeeperMessage | 'exited' | 'timeout'>((done) => {
    const timer = setTimeout(() => done('timeout'), opts.timeoutMs ?? 120_000);
    keeper.once('message', (m: KeeperMessage) => (clearTimeout(timer), done(m)));
    keeper.once('exit', () => (clearTimeout(timer), done('exited')));
  });
  if (message === 'timeout') {
    keeper.kill('SIGTERM');
    throw new AcpError(
      `the lab did not come up within ${(opts.timeoutMs ?? 120_000) / 1000} s (stopping it; log: ${logPath}):\n${logTail()}`,
    );
  }
  if (message === 'exited')
    throw new AcpError(`the lab keeper exited before the lab was up (log: ${logPath}):\n${logTail()}`);
  if (message.kind === 'error') throw new AcpError(`the lab did not start: ${message.message}`);
  keeper.disconnect();
  keeper.unref();
  return { state: message.state, cleanedStale };
}
