// requires root: creates a test user and sudoers entry
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, ConnectError, formatProblem } from '../../../src/core/errors.js';
import type { AlgorithmSettings } from '../../../src/transport/ssh-algorithms.js';
import { connectHost } from '../../../src/transport/ssh-transport.js';
import {
  hasSshd,
  isRoot,
  labDir,
  OLD_SWITCH_SSHD,
  pinnedHostKey,
  ROOT_SKIP_REASON,
  sshdTarget,
  startSshd,
  stopAllSshd,
  type SshdHost,
} from '../helpers/sshd-host.js';

const connections = (sshd: SshdHost): number =>
  sshd
    .log()
    .split('\n')
    .filter((l) => l.startsWith('Connection from ')).length;

let configCount = 0;
/** An ssh config whose `Host NAME` block reaches `sshd` (on 127.0.0.1) with `lines` added. */
async function sshConfig(sshd: SshdHost, name: string, lines: string[]): Promise<string> {
  const file = join(await labDir(), `ssh_config_algorithms_${++configCount}`);
  await writeFile(
    file,
    [`Host ${name}`, ...lines.map((l) => `  ${l}`), '  HostName 127.0.0.1', `  Port ${sshd.port}`].join('\n') + '\n',
  );
  return file;
}

/** Connects to `name` (an alias in `config`) with `sshd`'s key pinned, runs `echo`, and returns what it printed. */
async function echoThrough(sshd: SshdHost, name: string, config: string | false, algorithms?: AlgorithmSettings) {
  const conn = await connectHost(
    { ...sshdTarget(sshd), name, address: name, port: undefined, ...(algorithms ? { algorithms } : {}) },
    { sshConfigPath: config, connectAttempts: 3, retryBaseDelayMs: 50 },
  );
  try {
    return (await conn.exec('echo reached')).stdout;
  } finally {
    await conn.close();
  }
}

const failure = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => new Error('expected a failure'),
    (e: Error) => e,
  );

describe.skipIf(!(isRoot && hasSshd))(`SSH algorithms against real sshd (${ROOT_SKIP_REASON})`, () => {
  let old: SshdHost;
  let cbc: SshdHost;
  let curveOnly: SshdHost;

  beforeAll(async () => {
    [old, cbc, curveOnly] = await Promise.all([
      startSshd({ hostKeyTypes: ['rsa'], extraConfig: OLD_SWITCH_SSHD }),
      startSshd({ extraConfig: ['Ciphers aes128-cbc,3des-cbc', 'MACs hmac-sha1,hmac-md5'] }),
      startSshd({ extraConfig: ['KexAlgorithms curve25519-sha256'] }),
    ]);
    expect(old.hostKeyPub).toMatch(/^ssh-rsa /);
  });
  afterAll(stopAllSshd);

  it("fails at once on an old switch, naming the server's offer and the line that would allow it", async () => {
    const before = connections(old);
    const error = await failure(echoThrough(old, 'old-switch', await sshConfig(old, 'old-switch', [])));
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.message).toMatch(
      /^old-switch: connect failed: 127\.0\.0\.1:\d+: no key exchange algorithm in common; the server \(OpenSSH_[^)]+\) offers diffie-hellman-group14-sha1; acp-play allows curve25519-sha256@libssh\.org, curve25519-sha256, /,
    );
    expect(error.message).toMatch(
      /; to allow diffie-hellman-group14-sha1 \(SHA-1: weak, off by default\), add "KexAlgorithms \+diffie-hellman-group14-sha1" to the ssh config for this host \(or -o KexAlgorithms=\+diffie-hellman-group14-sha1 in ansible_ssh_common_args\)$/,
    );
    expect(connections(old) - before).toBe(1); // an algorithm mismatch is final: no retry
  });

  it('with only the key exchange allowed, names the host key algorithm next', async () => {
    const config = await sshConfig(old, 'old-switch', ['KexAlgorithms +diffie-hellman-group14-sha1']);
    const error = await failure(echoThrough(old, 'old-switch', config));
    expect(error.message).toContain(
      ') offers ssh-rsa; acp-play allows rsa-sha2-512, rsa-sha2-256 (those that fit the ssh-rsa key pinned for this host); to allow ssh-rsa (SHA-1 signatures: weak, off by default), add "HostKeyAlgorithms +ssh-rsa"',
    );
  });

  it('connects, runs a command and drives a CLI shell when the ssh config allows both', async () => {
    const config = await sshConfig(old, 'old-switch', [
      'KexAlgorithms +diffie-hellman-group14-sha1',
      'HostKeyAlgorithms +ssh-rsa',
    ]);
    const conn = await connectHost(
      { ...sshdTarget(old), name: 'old-switch', address: 'old-switch', port: undefined },
      { sshConfigPath: config },
    );
    try {
      expect((await conn.exec('echo exec works')).stdout).toBe('exec works\n');
      const shell = await conn.shell();
      await shell.readUntil(/\$ $/);
      expect(await shell.send('echo shell works', { prompt: /\$ $/ })).toBe('shell works');
      await shell.close();
    } finally {
      await conn.close();
    }
  });

  it('puts names at the head with ^', async () => {
    const config = await sshConfig(old, 'old-switch', [
      'KexAlgorithms ^diffie-hellman-group14-sha1',
      'HostKeyAlgorithms ^ssh-rsa',
    ]);
    expect(await echoThrough(old, 'old-switch', config)).toBe('reached\n');
  });

  it('removes names by pattern with -, and says how to get one back', async () => {
    const config = await sshConfig(curveOnly, 'modern', ['KexAlgorithms -curve25519*,*-sha512']);
    expect(await echoThrough(curveOnly, 'modern', await sshConfig(curveOnly, 'modern', []))).toBe('reached\n');
    const error = await failure(echoThrough(curveOnly, 'modern', config));
    expect(error.message).toContain(
      ') offers curve25519-sha256; acp-play allows ecdh-sha2-nistp256, ecdh-sha2-nistp384, ecdh-sha2-nistp521, ' +
        'diffie-hellman-group-exchange-sha256, diffie-hellman-group14-sha256; ' +
        `KexAlgorithms is set to "-curve25519*,*-sha512" at ${config}:2; to allow curve25519-sha256, change it to ` +
        '"KexAlgorithms ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha256,diffie-hellman-group14-sha256,curve25519-sha256"',
    );
  });

  it('explains a cipher, then a MAC mismatch, and connects once both are allowed', async () => {
    const none = await failure(echoThrough(cbc, 'cbc-switch', await sshConfig(cbc, 'cbc-switch', [])));
    expect(none.message).toMatch(
      /: no cipher in common; the server \(OpenSSH_[^)]+\) offers aes128-cbc, 3des-cbc; acp-play allows aes128-gcm@openssh\.com, .*; to allow aes128-cbc \(CBC: weak, off by default\), add "Ciphers \+aes128-cbc"/,
    );
    const cipherOnly = await sshConfig(cbc, 'cbc-switch', ['Ciphers +aes128-cbc']);
    const mac = await failure(echoThrough(cbc, 'cbc-switch', cipherOnly));
    expect(mac.message).toMatch(
      /: no MAC in common; the server \(OpenSSH_[^)]+\) offers hmac-sha1, hmac-md5; acp-play allows hmac-sha2-256-etm@openssh\.com, hmac-sha2-512-etm@openssh\.com, hmac-sha2-256, hmac-sha2-512; to allow hmac-sha1 \(SHA-1: weak, off by default\), add "MACs \+hmac-sha1"/,
    );
    const both = await sshConfig(cbc, 'cbc-switch', ['Ciphers +aes128-cbc', 'MACs +hmac-sha1']);
    expect(await echoThrough(cbc, 'cbc-switch', both)).toBe('reached\n');
  });

  it("lets the inventory's setting win over the ssh config's, and says so when it is the one in the way", async () => {
    const inventory = (value: string): AlgorithmSettings => ({
      KexAlgorithms: {
        value,
        origin: 'inventory',
        variable: 'ansible_ssh_common_args',
        source: 'ansible_ssh_common_args (inventory/hosts.yaml:5)',
      },
    });
    const strict = await sshConfig(old, 'old-switch', [
      'KexAlgorithms curve25519-sha256',
      'HostKeyAlgorithms +ssh-rsa',
    ]);
    expect(await echoThrough(old, 'old-switch', strict, inventory('+diffie-hellman-group14-sha1'))).toBe('reached\n');
    const allowing = await sshConfig(old, 'old-switch', [
      'KexAlgorithms +diffie-hellman-group14-sha1',
      'HostKeyAlgorithms +ssh-rsa',
    ]);
    const error = await failure(echoThrough(old, 'old-switch', allowing, inventory('curve25519-sha256')));
    expect(error.message).toMatch(
      /; KexAlgorithms is set to "curve25519-sha256" by ansible_ssh_common_args \(inventory\/hosts\.yaml:5\), which wins over the ssh config; to allow diffie-hellman-group14-sha1 \(SHA-1: weak, off by default\), change it to "KexAlgorithms curve25519-sha256,diffie-hellman-group14-sha1"$/,
    );
  });

  it("applies a jump host's own Host block to the hop", async () => {
    const config = join(await labDir(), 'ssh_config_algorithms_jump');
    await writeFile(
      config,
      [
        'Host dest',
        '  HostName 127.0.0.1',
        `  Port ${curveOnly.port}`,
        '  ProxyJump old-jump',
        'Host old-jump',
        '  HostName 127.0.0.1',
        `  Port ${old.port}`,
        `  User ${old.user}`,
        `  IdentityFile ${old.clientKeyPath}`,
        '  KexAlgorithms +diffie-hellman-group14-sha1',
        '  HostKeyAlgorithms +ssh-rsa',
      ].join('\n') + '\n',
    );
    const conn = await connectHost(
      { ...sshdTarget(curveOnly), name: 'dest', address: 'dest', port: undefined },
      { sshConfigPath: config, hostKeyPolicyFor: () => pinnedHostKey(old.hostKeyPub) },
    );
    expect((await conn.exec('echo via the old switch')).stdout).toBe('via the old switch\n');
    await conn.close();
  });

  it('refuses, before connecting, a setting that excludes the pinned key type', async () => {
    const before = connections(old);
    const config = await sshConfig(old, 'old-switch', [
      'KexAlgorithms +diffie-hellman-group14-sha1',
      'HostKeyAlgorithms ssh-ed25519',
    ]);
    const error = await failure(echoThrough(old, 'old-switch', config));
    expect(error.message).toContain(
      `HostKeyAlgorithms "ssh-ed25519" (${config}:3) allows no algorithm for the ssh-rsa key pinned for this host; allow one of rsa-sha2-512, rsa-sha2-256, ssh-rsa`,
    );
    expect(connections(old)).toBe(before);
  });

  it('refuses an unknown name with the file and line, before connecting', async () => {
    const before = connections(old);
    const config = await sshConfig(old, 'old-switch', ['KexAlgorithms +diffie-hellman-group14-sha2']);
    const error = await failure(echoThrough(old, 'old-switch', config));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${config}:2:1: KexAlgorithms: unknown key exchange algorithm "diffie-hellman-group14-sha2" — did you mean diffie-hellman-group14-sha1\\?`,
        ),
      ),
    ]);
    expect(connections(old)).toBe(before);
  });
});
