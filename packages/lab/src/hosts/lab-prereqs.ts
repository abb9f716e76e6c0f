import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { AcpError } from 'acp-play/core/errors.js';

const run = promisify(execFile);

/** The login user of every lab host: /bin/sh (no slow startup files), key login only. */
export const LAB_USER = 'acplab';
/** Its home on the real filesystem; every host mounts its own empty tmpfs over it. */
export const LAB_USER_HOME = `/home/${LAB_USER}`;

const TOOLS: readonly (readonly [string, string])[] = [
  ['/usr/sbin/sshd', 'openssh-server'],
  ['/usr/bin/socat', 'socat'],
  ['/usr/bin/unshare', 'util-linux'],
];

/** Why the namespace lab cannot run here, or undefined when it can (root, `ip netns`, sshd, socat). */
export function labUnavailableReason(): string | undefined {
  if (process.platform !== 'linux') return 'the namespace lab needs Linux (network namespaces)';
  if (process.getuid?.() !== 0)
    return 'the namespace lab needs root (it creates network namespaces with `ip netns add`)';
  const missing = TOOLS.filter(([path]) => !isExecutable(path)).map(([, pkg]) => pkg);
  if (!findIp()) missing.unshift('iproute2');
  if (missing.length > 0) return `the namespace lab needs ${missing.join(', ')} (apt-get install ${missing.join(' ')})`;
  return undefined;
}

/** Throws an AcpError saying what is missing when the lab cannot run here. */
export function assertLabAvailable(): void {
  const reason = labUnavailableReason();
  if (reason) throw new AcpError(reason);
}

/** Path of `ip` (iproute2), or undefined. */
export function findIp(): string | undefined {
  return ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].find(isExecutable);
}

/** Creates LAB_USER when missing and unlocks it for key login (`UsePAM no` refuses a locked '!' account). */
export async function ensureLabUser(): Promise<void> {
  if (!(await userExists())) {
    await run('useradd', ['-m', '-d', LAB_USER_HOME, '-s', '/bin/sh', LAB_USER]).catch(async (error: unknown) => {
      if (!(await userExists())) throw error; // a parallel lab created it first
    });
  }
  if (shadowHash().startsWith('!')) await run('usermod', ['-p', '*', LAB_USER]);
}

function userExists(): Promise<boolean> {
  return run('id', ['-u', LAB_USER]).then(
    () => true,
    () => false,
  );
}

function shadowHash(): string {
  const line = readFileSync('/etc/shadow', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${LAB_USER}:`));
  return line?.split(':')[1] ?? '';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
