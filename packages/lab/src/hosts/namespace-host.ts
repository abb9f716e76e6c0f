import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeHostFiles } from './host-files.js';
import { LAB_USER, LAB_USER_HOME } from './lab-prereqs.js';
import type { LabHostState } from './lab-state.js';

const run = promisify(execFile);

/** One running namespace host: its recorded state plus the two child processes. */
export interface NamespaceHost extends LabHostState {
  readonly sshd: ChildProcess;
  readonly socat: ChildProcess;
}

export interface StartHostOptions {
  readonly labId: string;
  /** 1-based; the host is `h<index>` in namespace `acp-<labId>-h<index>`. */
  readonly index: number;
  readonly runtimeDir: string;
  readonly clientPublicLine: string;
  /** Path of `ip`. */
  readonly ip: string;
  /** Forwarder port for attempt 1, 2, ... (called again when the port turned out to be taken). */
  readonly portFor: (attempt: number) => Promise<number>;
  /** Called right after the namespace exists, so a failed start can still remove it. */
  readonly onNamespace: (netns: string) => void;
  /** Called for every process as soon as it is spawned (kept for teardown). */
  readonly onProcess: (child: ChildProcess) => void;
}

// Runs as `sh -c SCRIPT sh HOSTNAME CONFIG HOME USER` inside the host's network, UTS and mount namespaces.
const HOST_SCRIPT = [
  'set -e',
  'hostname "$1"',
  'mount -t tmpfs -o mode=755 tmpfs /run',
  'mkdir -m 755 /run/sshd',
  'mount -t tmpfs -o mode=1777 tmpfs /var/tmp',
  // Clean HOMEs: root's real startup files cost 100+ ms per command here.
  'mount -t tmpfs -o mode=700 tmpfs /root',
  'mount -t tmpfs -o mode=755 tmpfs "$3"',
  'chown "$4": "$3"',
  'exec /usr/sbin/sshd -D -e -f "$2"',
].join('\n');

/**
 * Starts host `h<index>`: a network namespace with loopback up, its own sshd on the namespace's 127.0.0.1:22 (own
 * hostname, tmpfs /run, /var/tmp, /root and login HOME), and a socat forwarder on 127.0.0.1:PORT in the root
 * namespace. Resolves once an SSH banner comes back through the forwarder.
 */
export async function startNamespaceHost(opts: StartHostOptions): Promise<NamespaceHost> {
  const name = `h${opts.index}`;
  const netns = `acp-${opts.labId}-${name}`;
  await run(opts.ip, ['netns', 'add', netns]);
  opts.onNamespace(netns);
  await run(opts.ip, ['-n', netns, 'link', 'set', 'lo', 'up']);
  const files = await writeHostFiles(join(opts.runtimeDir, name), name, opts.clientPublicLine, LAB_USER);
  const logFd = openSync(files.log, 'a');
  const sshd = spawn(
    opts.ip,
    [
      'netns',
      'exec',
      netns,
      'unshare',
      '--uts',
      '--mount',
      '--propagation',
      'private',
      'sh',
      '-c',
      HOST_SCRIPT,
      'sh',
      name,
      files.config,
      LAB_USER_HOME,
      LAB_USER,
    ],
    { stdio: ['ignore', 'ignore', logFd] },
  );
  closeSync(logFd);
  opts.onProcess(sshd);
  const sshdExit = exitOf(sshd);
  for (let attempt = 1; ; attempt++) {
    const port = await opts.portFor(attempt);
    const socat = spawn(
      'socat',
      [
        `TCP-LISTEN:${port},bind=127.0.0.1,fork,reuseaddr,backlog=128,nodelay`,
        // Escaped so the outer socat passes ':' and ',' through to the inner one.
        `EXEC:${opts.ip} netns exec ${netns} socat STDIO TCP\\:127.0.0.1\\:22\\,nodelay`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    opts.onProcess(socat);
    let socatErr = '';
    socat.stderr!.on('data', (d: Buffer) => (socatErr += d.toString()));
    const outcome = await Promise.race([
      waitForBanner(port, 10_000),
      exitOf(socat).then(() => 'socat' as const),
      sshdExit.then(() => 'sshd' as const),
    ]);
    if (outcome === 'ready') {
      return {
        name,
        netns,
        port,
        sshdPid: sshd.pid!,
        socatPid: socat.pid!,
        dir: files.dir,
        hostKeyPub: files.hostKeyPub,
        sshd,
        socat,
      };
    }
    socat.kill('SIGKILL');
    if (outcome === 'sshd') throw new Error(`${name}: sshd exited at start:\n${readLog(files.log)}`);
    if (outcome === 'socat' && /Address already in use/.test(socatErr) && attempt < 5) continue;
    throw new Error(
      `${name}: no SSH banner through 127.0.0.1:${port} (${outcome}): ${socatErr.trim()}\n${readLog(files.log)}`,
    );
  }
}

/** A free TCP port on 127.0.0.1 at or above `from` (checked by binding it). */
export async function freePortFrom(from: number): Promise<number> {
  for (let port = from; port < 65_000; port++) {
    if (await canBind(port)) return port;
  }
  throw new Error(`no free port on 127.0.0.1 from ${from}`);
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Connects through the forwarder until sshd's `SSH-2.0-` banner arrives; 'ready' or 'timeout'. */
async function waitForBanner(port: number, timeoutMs: number): Promise<'ready' | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await bannerOnce(port)) return 'ready';
    await new Promise((r) => setTimeout(r, 30));
  }
  return 'timeout';
}

function bannerOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect({ host: '127.0.0.1', port });
    let text = '';
    const done = (ok: boolean): void => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(2_000, () => done(false));
    sock.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (text.startsWith('SSH-')) done(true);
    });
    sock.on('error', () => done(false));
    sock.on('close', () => done(false));
  });
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-10).join('\n');
  } catch {
    return '';
  }
}
