import { readdirSync, readFileSync } from 'node:fs';

/**
 * Process bookkeeping for the namespace lab, read from /proc. The lab kills only PIDs it recorded itself and the
 * processes below them (sshd's per-connection children, socat's per-connection forks).
 */

/** Parent PID and state letter of `pid`, or undefined when it no longer exists. */
function statOf(pid: number): { ppid: number; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '?', ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/** True while `pid` runs; a zombie (exited, not yet reaped by its parent) counts as gone. */
export function isRunning(pid: number): boolean {
  const stat = statOf(pid);
  return stat !== undefined && stat.state !== 'Z';
}

/** PIDs below each root in the process tree (children before grandchildren), zombies included. */
export function descendantsOf(roots: readonly number[]): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(Number(entry));
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const queue = [...roots];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** Sends `sig` to `pid`, ignoring a process that is already gone. */
export function signalPid(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Waits until none of `pids` runs, up to `timeoutMs`; returns those still running. */
export async function waitGone(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let left = pids.filter(isRunning);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    left = left.filter(isRunning);
  }
  return left;
}

/**
 * Stops the given listener processes and everything under them: the per-connection descendants first (while the
 * listeners are alive to reap them), then the listeners; SIGKILL for anything still running after `graceMs`.
 */
export async function killTrees(listeners: readonly number[], graceMs = 2_000): Promise<void> {
  const below = descendantsOf(listeners).filter(isRunning);
  for (const pid of below) signalPid(pid, 'SIGTERM');
  for (const pid of await waitGone(below, graceMs)) signalPid(pid, 'SIGKILL');
  const live = listeners.filter(isRunning);
  for (const pid of live) signalPid(pid, 'SIGTERM');
  for (const pid of await waitGone(live, graceMs)) signalPid(pid, 'SIGKILL');
  await waitGone(live, graceMs);
}
