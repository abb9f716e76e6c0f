/**
 * Test harness: real OpenSSH sshd processes on 127.0.0.1, each with its own host key, on a free port.
 * Needs root (sshd switches to the login user; the harness creates test users and a sudoers file) and the Debian
 * packages openssh-server (sshd, sftp-server), openssh-client (ssh-keygen) and sudo.
 *
 * Every process started here is a child of the test process and is killed by `stopAllSshd()` (call it in
 * afterAll), together with the per-connection sshd processes under it.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { HostKeyPolicy, SshTarget } from '../../../src/transport/ssh-target.js';

const run = promisify(execFile);

/** Key-only login user with passwordless sudo. */
export const TEST_USER = 'acptest';
/** Password login user whose sudo asks for the password. */
export const PASSWORD_USER = 'acptestpw';
/** The password of PASSWORD_USER (a throwaway account on a test machine, reachable only on loopback ports). */
export const TEST_PASSWORD = 'acp-Play-test-9';
export const SUDOERS_FILE = '/etc/sudoers.d/acp-play-test';
/** Why the sshd tests skip when not root. */
export const ROOT_SKIP_REASON = 'requires root: creates a test user and sudoers entry';
export const isRoot = process.getuid?.() === 0;
/**
 * sshd_config lines (with hostKeyTypes ['rsa']) for a switch whose SSH server predates OpenSSH 7.2: it offers only
 * the SHA-1 key exchange diffie-hellman-group14-sha1 and its RSA key with SHA-1 signatures (ssh-rsa). Debian 12's
 * OpenSSH 9.2 still accepts both settings.
 */
export const OLD_SWITCH_SSHD: readonly string[] = [
  'KexAlgorithms diffie-hellman-group14-sha1',
  'HostKeyAlgorithms ssh-rsa',
];
export const hasSshd = existsSync('/usr/sbin/sshd');

export interface SshdOptions {
  /** `PasswordAuthentication` (default no). */
  readonly passwordAuth?: boolean;
  /** keyboard-interactive through PAM (`UsePAM yes`, `KbdInteractiveAuthentication yes`); default off. */
  readonly kbdInteractive?: boolean;
  /** Offer the SFTP subsystem (default yes); off to exercise the exec upload fallback. */
  readonly sftp?: boolean;
  /** Host key types (default ['ed25519']). */
  readonly hostKeyTypes?: readonly ('ed25519' | 'rsa')[];
  /** Extra public keys (lines) for authorized_keys, besides the shared client key. */
  readonly extraAuthorizedKeys?: readonly string[];
  /** Extra sshd_config lines; they win over the harness defaults (sshd keeps the first value). */
  readonly extraConfig?: readonly string[];
}

export interface SshdHost {
  readonly port: number;
  /** `type base64` of the first host key, known_hosts style ('ssh-ed25519 AAAA…'). */
  readonly hostKeyPub: string;
  /** Every host key, same format, in hostKeyTypes order. */
  readonly hostKeyPubs: readonly string[];
  /** Unencrypted ed25519 client key accepted for TEST_USER and PASSWORD_USER. */
  readonly clientKeyPath: string;
  readonly user: string;
  /** This sshd's private folder; `dir/work` is world-writable for uploads. */
  readonly dir: string;
  readonly pid: number;
  /** Everything sshd logged so far (-e: to stderr). */
  log(): string;
  /** Number of 'Accepted ...' lines: successful logins, i.e. TCP connections that authenticated. */
  acceptedCount(): number;
  stop(): Promise<void>;
}

const started = new Set<ChildProcess>();
let labRoot: Promise<string> | undefined;
let clientKey: Promise<{ path: string; pub: string }> | undefined;
let usersReady: Promise<void> | undefined;

/** Per-process temp folder (0755 so sshd, acting as the login user, can read authorized_keys). */
export function labDir(): Promise<string> {
  labRoot ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acp-sshd-'));
    await chmod(dir, 0o755);
    return dir;
  })();
  return labRoot;
}

/** Generates a client key pair; with `passphrase`, an encrypted one. Returns the private key path and public line. */
export async function makeClientKey(name: string, passphrase = ''): Promise<{ path: string; pub: string }> {
  const path = join(await labDir(), name);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', name, '-f', path]);
  return { path, pub: (await readFile(`${path}.pub`, 'utf8')).trim() };
}

function sharedClientKey(): Promise<{ path: string; pub: string }> {
  clientKey ??= makeClientKey('client_ed25519');
  return clientKey;
}

/**
 * Creates TEST_USER (key login, passwordless sudo) and PASSWORD_USER (password TEST_PASSWORD, sudo asks for it)
 * with /bin/sh and a fresh home, plus SUDOERS_FILE. Idempotent and safe to run from parallel test files.
 */
export function ensureTestUsers(): Promise<void> {
  usersReady ??= (async () => {
    for (const user of [TEST_USER, PASSWORD_USER]) {
      if (!(await userExists(user)))
        await run('useradd', ['-m', '-s', '/bin/sh', user]).catch(async (err) => {
          if (!(await userExists(user))) throw err; // another test file created it first
        });
    }
    // With UsePAM no a fresh account is locked ('!') even for key login; '*' unlocks keys without a password.
    if (shadowHash(TEST_USER).startsWith('!')) await run('usermod', ['-p', '*', TEST_USER]);
    await runWithStdin('chpasswd', [], `${PASSWORD_USER}:${TEST_PASSWORD}\n`);
    const sudoers = `${TEST_USER} ALL=(ALL) NOPASSWD: ALL\n${PASSWORD_USER} ALL=(ALL) ALL\nDefaults:${PASSWORD_USER} !lecture\n`;
    const current = existsSync(SUDOERS_FILE) ? readFileSync(SUDOERS_FILE, 'utf8') : '';
    if (current !== sudoers) {
      const tmp = join(await labDir(), 'sudoers');
      await writeFile(tmp, sudoers, { mode: 0o440 });
      await run('visudo', ['-c', '-q', '-f', tmp]);
      await writeFile(SUDOERS_FILE, sudoers, { mode: 0o440 });
    }
  })();
  return usersReady;
}

/** Starts one sshd on a free loopback port and waits until it listens. */
export async function startSshd(opts: SshdOptions = {}): Promise<SshdHost> {
  await ensureTestUsers();
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  const key = await sharedClientKey();
  const dir = await mkdtemp(join(await labDir(), 'sshd-'));
  await chmod(dir, 0o755);
  await mkdir(join(dir, 'work'));
  await chmod(join(dir, 'work'), 0o1777);
  const types = opts.hostKeyTypes ?? ['ed25519'];
  const hostKeyPubs: string[] = [];
  for (const type of types) {
    const file = join(dir, `host_${type}`);
    await run('ssh-keygen', [
      '-q',
      '-t',
      type,
      ...(type === 'rsa' ? ['-b', '2048'] : []),
      '-N',
      '',
      '-C',
      '',
      '-f',
      file,
    ]);
    hostKeyPubs.push((await readFile(`${file}.pub`, 'utf8')).trim().split(/\s+/).slice(0, 2).join(' '));
  }
  await writeFile(join(dir, 'authorized_keys'), [key.pub, ...(opts.extraAuthorizedKeys ?? [])].join('\n') + '\n', {
    mode: 0o644,
  });
  const config = [
    // sshd keeps the first value it reads, so the caller's lines go first and override the defaults below.
    ...(opts.extraConfig ?? []),
    'ListenAddress 127.0.0.1',
    ...types.map((t) => `HostKey ${join(dir, `host_${t}`)}`),
    'PidFile none',
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    `UsePAM ${opts.kbdInteractive ? 'yes' : 'no'}`,
    'StrictModes no',
    'UseDNS no',
    'PermitRootLogin no',
    `PasswordAuthentication ${opts.passwordAuth ? 'yes' : 'no'}`,
    `KbdInteractiveAuthentication ${opts.kbdInteractive ? 'yes' : 'no'}`,
    'MaxStartups 200',
    'PrintMotd no',
    'PrintLastLog no',
    'LogLevel VERBOSE',
    ...(opts.sftp === false ? [] : ['Subsystem sftp /usr/lib/openssh/sftp-server']),
  ];
  await writeFile(join(dir, 'sshd_config'), config.join('\n') + '\n');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await launch(dir, port, hostKeyPubs, key.path);
    } catch (err) {
      // Another process may have taken the port between freePort() and bind.
      if (attempt >= 3 || !/Address already in use/.test(String(err))) throw err;
    }
  }
}

/** Starts `n` sshd hosts (8 at a time); each has its own port and host key. */
export async function startManySshd(n: number, opts: SshdOptions = {}): Promise<SshdHost[]> {
  const hosts: SshdHost[] = new Array(n);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      hosts[i] = await startSshd(opts);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, n) }, worker));
  return hosts;
}

/** Kills every sshd this process started (and their per-connection children). Call in afterAll. */
export async function stopAllSshd(): Promise<void> {
  await Promise.all([...started].map((child) => killTree(child)));
}

/** A host key policy that accepts exactly `pub` ('type base64'), restricting the handshake to its type. */
export function pinnedHostKey(pub: string): HostKeyPolicy {
  const [type, b64] = pub.split(/\s+/);
  return {
    hostKeyCheck: (blob) => (blob.toString('base64') === b64 ? true : `key does not match the pinned ${type} key`),
    hostKeyAlgorithms: [type ?? 'ssh-ed25519'],
  };
}

async function launch(dir: string, port: number, hostKeyPubs: string[], clientKeyPath: string): Promise<SshdHost> {
  const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config'), '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  started.add(child);
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => (started.delete(child), resolve())));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sshd did not start within 10 s:\n${log}`)), 10_000);
    const check = (): void => {
      if (log.includes(`Server listening on 127.0.0.1 port ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr!.on('data', check);
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`sshd exited with ${code}:\n${log}`))));
  });
  return {
    port,
    hostKeyPub: hostKeyPubs[0]!,
    hostKeyPubs,
    clientKeyPath,
    user: TEST_USER,
    dir,
    pid: child.pid!,
    log: () => log,
    acceptedCount: () =>
      log.split('\n').filter((l) => /^Accepted (publickey|password|keyboard-interactive)/.test(l)).length,
    stop: async () => {
      await killTree(child);
      await exited;
    },
  };
}

async function killTree(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Per-connection sshd processes first, while the listener is alive to reap them.
  for (const pid of descendants(child.pid)) signal(pid, 'SIGTERM');
  for (let i = 0; i < 40 && descendants(child.pid).some(isRunning); i++) await new Promise((r) => setTimeout(r, 25));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

/** PIDs below `root` in the process tree, read from /proc (deepest last). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const walk = (pid: number): void => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** False for a zombie (exited, waiting to be reaped) or a vanished process. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function userExists(user: string): Promise<boolean> {
  return run('id', ['-u', user]).then(
    () => true,
    () => false,
  );
}

function shadowHash(user: string): string {
  const line = readFileSync('/etc/shadow', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${user}:`));
  return line?.split(':')[1] ?? '';
}

function runWithStdin(cmd: string, args: string[], input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, (err) => (err ? reject(err) : resolve()));
    child.stdin!.end(input);
  });
}

/** The project transport's target for a harness sshd: key login as its user, its host key pinned. */
export function sshdTarget(sshd: SshdHost, extra: Partial<SshTarget> = {}): SshTarget {
  return {
    name: 'node1',
    address: '127.0.0.1',
    port: sshd.port,
    user: sshd.user,
    auth: { identityFiles: [sshd.clientKeyPath], agentSocket: false },
    ...pinnedHostKey(sshd.hostKeyPub),
    ...extra,
  };
}
