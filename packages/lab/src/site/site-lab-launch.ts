import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AcpError } from 'acp-play/core/errors.js';
import { isRunning, signalPid, waitGone } from '../hosts/process-tree.js';
import type { SimPlatformId } from '../sim/sim-types.js';
import { ENABLE_SECRET_ENV, type LabSwitchSettings } from './lab-switch.js';
import { removeSiteLabInventory } from './site-lab-inventory.js';
import type { SiteKeeperMessage } from './site-lab-keeper.js';
import { KEEPER_MARKER, readSiteLabState, SITE_LAB_STATE_FILE, type SiteLabState } from './site-lab-state.js';

/** Options of {@link launchSiteLab}. */
export interface LaunchSiteLabOptions {
  readonly dir: string;
  readonly inventoryDir: string;
  readonly nodes: number;
  readonly platform: SimPlatformId;
  /** Fault and fidelity settings of the switch. */
  readonly switchSettings?: LabSwitchSettings;
  /** Default 60 s. */
  readonly timeoutMs?: number;
}

/** True when `pid` runs and is a site-lab keeper (a recycled PID is never signalled). */
export function isKeeper(pid: number): boolean {
  if (!isRunning(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(KEEPER_MARKER);
  } catch {
    return false;
  }
}

/**
 * Starts the default lab as ONE detached background process (site-lab-keeper.js) that outlives this command, and
 * resolves with its lab.json once every simulator listens. A lab already running in `dir` is an error; the
 * leftovers of a dead one are removed first.
 */
export async function launchSiteLab(
  opts: LaunchSiteLabOptions,
): Promise<{ state: SiteLabState; cleanedStale: boolean }> {
  const dir = resolve(opts.dir);
  const existing = readSiteLabState(dir);
  if (existing && isKeeper(existing.keeperPid)) {
    throw new AcpError(
      `a lab is already up in ${dir} (lab ${existing.id}, since ${existing.createdAt}): run \`acp-play lab down\` first`,
    );
  }
  const cleanedStale = existing !== undefined;
  if (existing) await stopSiteLab(dir);
  mkdirSync(dir, { recursive: true });
  const logPath = join(dir, 'keeper.log');
  const secret = opts.switchSettings?.enableSecret;
  const logFd = openSync(logPath, 'a');
  const keeper = spawn(
    process.execPath,
    [
      fileURLToPath(new URL('./site-lab-keeper.js', import.meta.url)),
      '--dir',
      dir,
      '--inventory',
      resolve(opts.inventoryDir),
      '--nodes',
      String(opts.nodes),
      '--platform',
      opts.platform,
      ...(opts.switchSettings
        ? ['--switch-settings', JSON.stringify({ ...opts.switchSettings, enableSecret: undefined })]
        : []),
    ],
    // Its own session: a Ctrl-C in this terminal after `lab up` returned does not reach the lab.
    {
      detached: true,
      stdio: ['ignore', logFd, logFd, 'ipc'],
      // The enable secret goes by environment, never on a command line that `ps` shows.
      env: { ...process.env, ...(secret !== undefined ? { [ENABLE_SECRET_ENV]: secret } : {}) },
    },
  );
  closeSync(logFd);
  const tail = (): string => readFileSync(logPath, 'utf8').trim().split('\n').slice(-8).join('\n');
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const message = await new Promise<SiteKeeperMessage | 'exited' | 'timeout'>((done) => {
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    keeper.once('message', (m: SiteKeeperMessage) => (clearTimeout(timer), done(m)));
    keeper.once('exit', () => (clearTimeout(timer), done('exited')));
  });
  if (message === 'timeout') {
    keeper.kill('SIGTERM');
    throw new AcpError(`the lab did not come up within ${timeoutMs / 1000} s (log: ${logPath}):\n${tail()}`);
  }
  if (message === 'exited')
    throw new AcpError(`the lab process exited before the lab was up (log: ${logPath}):\n${tail()}`);
  if (message.kind === 'error') throw new AcpError(`the lab did not start: ${message.message} (log: ${logPath})`);
  keeper.disconnect();
  keeper.unref();
  return { state: message.state, cleanedStale };
}

/** What `lab down` did. */
export interface SiteLabDownReport {
  readonly state: SiteLabState;
  /** 'stopped': the keeper ended on SIGTERM; 'killed': it needed SIGKILL; 'gone': it had died already. */
  readonly keeper: 'stopped' | 'killed' | 'gone';
}

/**
 * Stops the lab recorded in `<dir>/lab.json` from any process: SIGTERM to the keeper (by PID, after checking its
 * command line), SIGKILL if it lingers, then removes the inventory files it wrote and the whole lab folder
 * (nodes' state, keys, log). Undefined when there is no site lab in `dir`.
 */
export async function stopSiteLab(dir: string): Promise<SiteLabDownReport | undefined> {
  const state = readSiteLabState(resolve(dir));
  if (!state) return undefined;
  let keeper: SiteLabDownReport['keeper'] = 'gone';
  if (isKeeper(state.keeperPid)) {
    signalPid(state.keeperPid, 'SIGTERM');
    keeper = 'stopped';
    if ((await waitGone([state.keeperPid], 10_000)).length > 0) {
      signalPid(state.keeperPid, 'SIGKILL');
      await waitGone([state.keeperPid], 2_000);
      keeper = 'killed';
    }
  }
  removeSiteLabInventory(state.inventoryDir, state.inventoryFiles);
  // Only a folder that holds this lab's state file (never an arbitrary --dir).
  rmSync(join(state.dir, SITE_LAB_STATE_FILE), { force: true });
  rmSync(state.dir, { recursive: true, force: true });
  return { state, keeper };
}
