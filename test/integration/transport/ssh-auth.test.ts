// requires root: creates a test user and sudoers entry
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectError } from '../../../src/core/errors.js';
import { connectHost, type SshTarget } from '../../../src/transport/ssh-transport.js';
import {
  hasSshd,
  isRoot,
  makeClientKey,
  PASSWORD_USER,
  pinnedHostKey,
  ROOT_SKIP_REASON,
  startSshd,
  stopAllSshd,
  TEST_PASSWORD,
  type SshdHost,
} from '../helpers/sshd-host.js';

const canRun = isRoot && hasSshd;
const PW_ENV = 'ACP_TEST_SSH_PASSWORD';

function base(sshd: SshdHost, name: string): SshTarget {
  return {
    name,
    address: '127.0.0.1',
    port: sshd.port,
    user: sshd.user,
    auth: { agentSocket: false },
    ...pinnedHostKey(sshd.hostKeyPub),
  };
}

describe.skipIf(!canRun)(`ssh authentication against real sshd (${ROOT_SKIP_REASON})`, () => {
  let encrypted: { path: string; pub: string };
  let passwordHost: SshdHost;
  let kbdHost: SshdHost;
  let keyHost: SshdHost;

  beforeAll(async () => {
    encrypted = await makeClientKey('encrypted_ed25519', 'correct horse');
    [passwordHost, kbdHost, keyHost] = await Promise.all([
      startSshd({ passwordAuth: true }),
      startSshd({ kbdInteractive: true }),
      startSshd({ extraAuthorizedKeys: [encrypted.pub] }),
    ]);
    process.env[PW_ENV] = TEST_PASSWORD;
  });
  afterAll(async () => {
    delete process.env[PW_ENV];
    delete process.env['ACP_PLAY_KEY_PASSPHRASE'];
    await stopAllSshd();
  });

  it('logs in with a password taken from an environment variable', async () => {
    const conn = await connectHost(
      {
        ...base(passwordHost, 'pw'),
        user: PASSWORD_USER,
        auth: { agentSocket: false, identityFiles: [], password: process.env[PW_ENV]! },
      },
      { sshConfigPath: false },
    );
    expect((await conn.exec('id -un')).stdout).toBe(`${PASSWORD_USER}\n`);
    await conn.close();
    expect(passwordHost.log()).toMatch(new RegExp(`Accepted password for ${PASSWORD_USER}`));
  });

  it('logs in with keyboard-interactive (PAM) using the same password', async () => {
    const conn = await connectHost(
      {
        ...base(kbdHost, 'kbd'),
        user: PASSWORD_USER,
        auth: { agentSocket: false, identityFiles: [], password: process.env[PW_ENV]! },
      },
      { sshConfigPath: false },
    );
    expect((await conn.exec('id -un')).stdout).toBe(`${PASSWORD_USER}\n`);
    await conn.close();
    expect(kbdHost.log()).toMatch(/Accepted keyboard-interactive/);
  });

  it('fails with ConnectError naming the methods tried when the password is wrong', async () => {
    const err = await connectHost(
      {
        ...base(passwordHost, 'badpw'),
        user: PASSWORD_USER,
        auth: { agentSocket: false, identityFiles: [], password: 'wrong' },
      },
      { sshConfigPath: false },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectError);
    expect((err as Error).message).toMatch(/badpw: connect failed: .*authentication failed \(tried: password\)/);
    expect((err as Error).message).not.toContain('wrong');
  });

  it('uses an encrypted private key with the passphrase from ACP_PLAY_KEY_PASSPHRASE', async () => {
    const target = { ...base(keyHost, 'enc'), auth: { agentSocket: false as const, identityFiles: [encrypted.path] } };
    delete process.env['ACP_PLAY_KEY_PASSPHRASE'];
    const missing = await connectHost(target, { sshConfigPath: false }).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/key is encrypted and ACP_PLAY_KEY_PASSPHRASE is not set/);
    process.env['ACP_PLAY_KEY_PASSPHRASE'] = 'correct horse';
    const conn = await connectHost(target, { sshConfigPath: false });
    expect((await conn.exec('echo ok')).stdout).toBe('ok\n');
    await conn.close();
  });

  it('reads the passphrase from the variable the target names', async () => {
    process.env['ACP_TEST_OTHER_PASSPHRASE'] = 'correct horse';
    const conn = await connectHost(
      {
        ...base(keyHost, 'enc2'),
        auth: { agentSocket: false, identityFiles: [encrypted.path], passphraseEnv: 'ACP_TEST_OTHER_PASSPHRASE' },
      },
      { sshConfigPath: false },
    );
    expect((await conn.exec('echo ok')).stdout).toBe('ok\n');
    await conn.close();
    delete process.env['ACP_TEST_OTHER_PASSPHRASE'];
  });
});
