import { readFileSync } from 'node:fs';

/** Fields of `/proc/PID/stat` after the command name (which is in parentheses and may hold spaces). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * A process's start time from `/proc/PID/stat` (field 22, clock ticks since boot), or undefined where there is no
 * /proc. Together with the pid it names one process: a pid reused later has another start time.
 */
export function processStart(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

/**
 * Whether the process `pid` (started at `start`, when known) is still running on this machine. A zombie (exited,
 * not yet reaped by its parent) is gone.
 */
export function processStatus(pid: number, start?: string): 'alive' | 'dead' {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, owned by another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return 'dead';
  }
  const fields = statFields(pid);
  if (fields?.[0] === 'Z' || fields?.[0] === 'X') return 'dead';
  if (start !== undefined && fields?.[19] !== undefined && fields[19] !== start) return 'dead';
  return 'alive';
}
