// requires root: creates a test user and sudoers entry
import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectHost } from '../../../src/transport/ssh-transport.js';
import {
  hasSshd,
  isRoot,
  PASSWORD_USER,
  ROOT_SKIP_REASON,
  sshdTarget,
  startSshd,
  stopAllSshd,
  TEST_PASSWORD,
  type SshdHost,
} from '../helpers/sshd-host.js';

const canRun = isRoot && hasSshd;

const target = sshdTarget;

describe.skipIf(!canRun)(`upload and become against real sshd (${ROOT_SKIP_REASON})`, () => {
  let withSftp: SshdHost;
  let noSftp: SshdHost;

  beforeAll(async () => {
    [withSftp, noSftp] = await Promise.all([startSshd(), startSshd({ sftp: false })]);
  });
  afterAll(stopAllSshd);

  it('uploads over SFTP with mode 0600, also over an existing wider file', async () => {
    const conn = await connectHost(target(withSftp), { sshConfigPath: false });
    const path = join(withSftp.dir, 'work', 'nmstate.yml');
    await conn.upload(path, 'interfaces: []\n');
    await conn.upload(path, "secret: 'x'\n", { mode: 0o600 });
    expect(readFileSync(path, 'utf8')).toBe("secret: 'x'\n");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await conn.close();
    expect(withSftp.log()).toMatch(/Starting session: subsystem 'sftp'/);
  });

  it('falls back to exec `cat >` + chmod when the server has no SFTP', async () => {
    const conn = await connectHost(target(noSftp), { sshConfigPath: false });
    const path = join(noSftp.dir, 'work', "it's here.txt");
    await conn.upload(path, Buffer.from([0, 1, 2, 255]), { mode: 0o600 });
    expect([...readFileSync(path)]).toEqual([0, 1, 2, 255]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await conn.close();
    expect(noSftp.log()).toMatch(/subsystem not found/);
    expect(noSftp.log()).toMatch(/Starting session: command/);
  });

  it('uploads as root with become (owner root, mode kept)', async () => {
    const conn = await connectHost(target(withSftp), { sshConfigPath: false });
    const path = join(withSftp.dir, 'work', 'root-owned.conf');
    await conn.upload(path, 'a=1\n', { mode: 0o640, become: true });
    const st = statSync(path);
    expect([st.uid, st.mode & 0o777]).toEqual([0, 0o640]);
    await conn.close();
  });

  it('runs sudo with the become password on stdin, before the command input', async () => {
    const conn = await connectHost(
      target(withSftp, { name: 'pwsudo', user: PASSWORD_USER, becomePassword: TEST_PASSWORD }),
      { sshConfigPath: false },
    );
    const r = await conn.exec('id -u; cat', { become: true, stdin: 'payload\n' });
    expect(r).toMatchObject({ exitCode: 0, stdout: '0\npayload\n' });
    expect(r.command).toBe('id -u; cat');
    const plain = await conn.exec('sudo -n true');
    expect(plain.exitCode).not.toBe(0); // this user's sudo really needs the password
    await conn.close();
  });

  it('fails a become command cleanly when the sudo password is wrong', async () => {
    const conn = await connectHost(target(withSftp, { name: 'badsudo', user: PASSWORD_USER, becomePassword: 'nope' }), {
      sshConfigPath: false,
    });
    const r = await conn.exec('id -u', { become: true, timeoutMs: 10_000 });
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout).toBe('');
    await conn.close();
  });

  it('uses sudo -n when the account has NOPASSWD even if a become password is set', async () => {
    const conn = await connectHost(target(withSftp, { name: 'nopw', becomePassword: 'unused' }), {
      sshConfigPath: false,
    });
    const r = await conn.exec('cat', { become: true, stdin: 'only this\n' });
    expect(r).toMatchObject({ exitCode: 0, stdout: 'only this\n' });
    await conn.close();
  });
});
