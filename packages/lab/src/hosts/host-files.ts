import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** An OpenSSH key pair: the private key file text and the `ssh-ed25519 AAAA… comment` line. */
export interface KeyPair {
  readonly privateKey: string;
  readonly publicLine: string;
}

/**
 * A fresh ed25519 key pair from ssh-keygen, written to `path` (0600) and `path.pub`. Not ssh2's
 * generateKeyPairSync: in ssh2 1.17 about 1 key in 256 (a public key starting with a zero byte) comes out with
 * a 31-byte public key that OpenSSH refuses to load.
 */
export async function generateEd25519(path: string, comment: string): Promise<KeyPair> {
  rmSync(path, { force: true });
  rmSync(`${path}.pub`, { force: true });
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path]);
  return { privateKey: readFileSync(path, 'utf8'), publicLine: readFileSync(`${path}.pub`, 'utf8').trim() };
}

/** `type base64` without the comment: the form a known_hosts line carries. */
export function keyTypeAndBlob(publicLine: string): string {
  return publicLine.split(/\s+/).slice(0, 2).join(' ');
}

/** Paths of one host's runtime files. */
export interface HostFiles {
  readonly dir: string;
  readonly config: string;
  readonly log: string;
  readonly hostKeyPub: string;
}

/**
 * Writes one host's folder: its own host key, authorized_keys with the lab's client key, and an sshd_config that
 * listens on the namespace's own 127.0.0.1:22. The folder is world-readable because sshd reads authorized_keys as
 * the login user.
 */
export async function writeHostFiles(
  dir: string,
  name: string,
  clientPublicLine: string,
  loginUser: string,
): Promise<HostFiles> {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const keyPath = join(dir, 'host_ed25519');
  const hostKey = await generateEd25519(keyPath, `acp-lab ${name}`);
  writeFileSync(join(dir, 'authorized_keys'), `${clientPublicLine}\n`, { mode: 0o644 });
  const config = [
    'ListenAddress 127.0.0.1:22',
    `HostKey ${keyPath}`,
    'PidFile none',
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    `AllowUsers ${loginUser}`,
    'PermitRootLogin no',
    'UsePAM no',
    'StrictModes no',
    'UseDNS no',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    // The whole run opens one connection per host at once; the default 10:30:100 would drop some.
    'MaxStartups 200',
    'PrintMotd no',
    'PrintLastLog no',
    'LogLevel INFO',
    'Subsystem sftp /usr/lib/openssh/sftp-server',
  ];
  const configPath = join(dir, 'sshd_config');
  writeFileSync(configPath, `${config.join('\n')}\n`, { mode: 0o644 });
  return { dir, config: configPath, log: join(dir, 'sshd.log'), hostKeyPub: keyTypeAndBlob(hostKey.publicLine) };
}
