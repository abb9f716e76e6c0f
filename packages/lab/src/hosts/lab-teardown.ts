import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { removeLabInventory } from './lab-inventory.js';
import { findIp } from './lab-prereqs.js';
import { readLabState, removeLabState, type LabState } from './lab-state.js';
import { isRunning, killTrees, signalPid, waitGone } from './process-tree.js';

const run = promisify(execFile);

/** What a teardown removed. */
export interface TeardownReport {
  readonly labId: string;
  readonly hosts: number;
  /** Recorded processes this call still found running and killed (a keeper stops its own before exiting). */
  readonly processesKilled: number;
  /** Recorded namespaces this call still found and deleted. */
  readonly namespacesRemoved: number;
}

/** True when `pid` runs and its command line contains `marker` (guards against a recycled PID). */
export function pidMatches(pid: number, marker: string): boolean {
  if (!isRunning(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    return false;
  }
}

/**
 * Removes everything a lab recorded: its processes (only PIDs whose command line still names the lab's host,
 * with everything under them), its namespaces, its runtime temp folder, the inventory files it wrote, and the
 * state file. Safe to run twice, and from a process other than the one that started the lab.
 */
export async function teardownLab(state: LabState, stateDir: string | undefined): Promise<TeardownReport> {
  const pids = state.hosts.flatMap((h) => [
    ...(pidMatches(h.socatPid, h.netns) ? [h.socatPid] : []),
    ...(pidMatches(h.sshdPid, h.dir) ? [h.sshdPid] : []),
  ]);
  await killTrees(pids);
  const ip = findIp() ?? 'ip';
  let namespacesRemoved = 0;
  for (const netns of state.namespaces) {
    if (!existsSync(`/run/netns/${netns}`)) continue;
    await run(ip, ['netns', 'del', netns]).catch(() => undefined);
    namespacesRemoved++;
  }
  // Only a folder the lab made itself (mkdtemp acp-lab-*).
  if (state.runtimeDir && basename(state.runtimeDir).startsWith('acp-lab-'))
    rmSync(state.runtimeDir, { recursive: true, force: true });
  if (state.inventoryDir) removeLabInventory(state.inventoryDir);
  if (stateDir) removeLabState(stateDir);
  return { labId: state.id, hosts: state.hosts.length, processesKilled: pids.length, namespacesRemoved };
}

/** What `lab down` did. */
export interface LabDownReport extends TeardownReport {
  /** 'stopped': the keeper process tore its lab down; 'gone': it had died, its leftovers were removed here. */
  readonly keeper: 'stopped' | 'gone' | 'none';
}

/**
 * `lab down` from any process: asks the keeper process (the parent of every sshd and socat) to tear the lab down
 * and waits for it; then removes whatever is left (a keeper that was killed leaves its hosts behind).
 * Returns undefined when `<dir>/lab.json` does not exist.
 */
export async function stopLabInDir(dir: string): Promise<LabDownReport | undefined> {
  const state = readLabState(dir);
  if (!state) return undefined;
  let keeper: LabDownReport['keeper'] = state.keeperPid === undefined ? 'none' : 'gone';
  if (state.keeperPid !== undefined && pidMatches(state.keeperPid, 'lab-keeper')) {
    signalPid(state.keeperPid, 'SIGTERM');
    if ((await waitGone([state.keeperPid], 30_000)).length > 0) signalPid(state.keeperPid, 'SIGKILL');
    await waitGone([state.keeperPid], 2_000);
    keeper = 'stopped';
  }
  // The keeper removes lab.json when it is done; whatever it left behind is removed from the same record.
  return { ...(await teardownLab(state, dir)), keeper };
}
