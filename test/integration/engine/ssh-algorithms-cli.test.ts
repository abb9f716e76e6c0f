// requires root: creates a test user and sudoers entry
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  hasSshd,
  isRoot,
  OLD_SWITCH_SSHD,
  ROOT_SKIP_REASON,
  startSshd,
  stopAllSshd,
  type SshdHost,
} from '../helpers/sshd-host.js';
import { linuxSite, runCli, type LinuxSite } from './cli-harness.js';

const PLAYBOOK = `- name: base
  hosts: linux
  tasks:
    - name: marker
      command: {cmd: "touch {{ workdir }}/marker", creates: "{{ workdir }}/marker"}
`;

const hasSocat = existsSync('/usr/bin/socat');
const ALLOW_OLD = ['  KexAlgorithms +diffie-hellman-group14-sha1', '  HostKeyAlgorithms +ssh-rsa'];

describe.skipIf(!(isRoot && hasSshd))(`acp-play plan against an old switch's sshd (${ROOT_SKIP_REASON})`, () => {
  let old: SshdHost;
  let site: LinuxSite;
  const connections = () =>
    old
      .log()
      .split('\n')
      .filter((l) => l.startsWith('Connection from ')).length;
  /** Writes the ssh config `name` in the run's folder; every host there is 127.0.0.1. */
  const sshConfig = (name: string, lines: string[]): string => {
    writeFileSync(join(site.cwd, name), ['Host 127.0.0.1', ...lines].join('\n') + '\n');
    return name;
  };
  /** Sets the host's inventory vars (host_vars/h0.yaml), or removes them (after each test). */
  const hostVars = (text?: string): void => {
    const file = join(site.inventory, 'host_vars', 'h0.yaml');
    rmSync(file, { force: true });
    if (text === undefined) return;
    mkdirSync(join(site.inventory, 'host_vars'), { recursive: true });
    writeFileSync(file, text);
  };
  const plan = (...args: string[]) => runCli(['plan', 'inventory', '--detailed-exitcode', ...args], site.cwd);

  beforeAll(async () => {
    old = await startSshd({ hostKeyTypes: ['rsa'], extraConfig: OLD_SWITCH_SSHD });
    site = linuxSite([old], { 'playbooks/site.yaml': PLAYBOOK });
  });
  afterEach(() => hostVars());
  afterAll(stopAllSshd);

  it("without a setting: the host fails, exit 1, naming the server's offer and the line to add", async () => {
    const r = await plan();
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(
      /h0: connect failed: 127\.0\.0\.1:\d+: no key exchange algorithm in common; the server \(OpenSSH_[^)]+\) offers diffie-hellman-group14-sha1; acp-play allows curve25519-sha256@libssh\.org, .*; to allow diffie-hellman-group14-sha1 \(SHA-1: weak, off by default\), add "KexAlgorithms \+diffie-hellman-group14-sha1" to the ssh config for this host \(or -o KexAlgorithms=\+diffie-hellman-group14-sha1 in ansible_ssh_common_args\)/,
    );
  });

  it('plans when the ssh config (-F) allows the old algorithms', async () => {
    const r = await plan('-F', sshConfig('ssh_config_allow', ALLOW_OLD));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/h0: marker: will change \(1 change\(s\)\)/);
  });

  it('plans when ansible_ssh_common_args allows them, as an Ansible inventory would', async () => {
    hostVars(
      `ansible_ssh_common_args: '-o KexAlgorithms=+diffie-hellman-group14-sha1 -o HostKeyAlgorithms=+ssh-rsa'\n`,
    );
    const r = await plan();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
  });

  it('lets the inventory win over the ssh config, both ways', async () => {
    const strict = sshConfig('ssh_config_strict', [
      '  KexAlgorithms curve25519-sha256',
      '  HostKeyAlgorithms +ssh-rsa',
    ]);
    const allow = sshConfig('ssh_config_allow', ALLOW_OLD);
    hostVars('ssh_options: {KexAlgorithms: +diffie-hellman-group14-sha1}\n');
    expect((await plan('-F', strict)).code).toBe(2);
    hostVars(`ansible_ssh_extra_args: "-o KexAlgorithms=curve25519-sha256"\n`);
    const r = await plan('-F', allow);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      `KexAlgorithms is set to "curve25519-sha256" by ansible_ssh_extra_args (inventory/host_vars/h0.yaml:1), which wins over the ssh config; to allow diffie-hellman-group14-sha1 (SHA-1: weak, off by default), change it to "KexAlgorithms curve25519-sha256,diffie-hellman-group14-sha1"`,
    );
  });

  it.skipIf(!hasSocat)('honours a ProxyCommand in ansible_ssh_common_args (requires socat)', async () => {
    // The host's name resolves nowhere: only the ProxyCommand can reach it.
    appendFileSync(join(site.inventory, 'known_hosts'), `[old-switch.invalid]:${old.port} ${old.hostKeyPub}\n`);
    hostVars(
      [
        'address: old-switch.invalid',
        `ansible_ssh_common_args: >-`,
        `  -o ProxyCommand="socat STDIO TCP:127.0.0.1:%p"`,
        '  -o KexAlgorithms=+diffie-hellman-group14-sha1 -o HostKeyAlgorithms=+ssh-rsa',
      ].join('\n'),
    );
    const r = await plan();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
  });

  it('refuses an unknown name in the ssh config: exit 3 at its line, nothing contacted', async () => {
    const before = connections();
    const r = await plan('-F', sshConfig('ssh_config_typo', ['  KexAlgorithms +diffie-hellman-group14-sha2']));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /^ssh_config_typo:2:1: KexAlgorithms: unknown key exchange algorithm "diffie-hellman-group14-sha2" — did you mean diffie-hellman-group14-sha1\? acp-play can use: /m,
    );
    expect(r.stdout).toBe('');
    expect(connections()).toBe(before);
  });

  it('refuses an unknown name in the inventory: exit 3 at its line, nothing contacted', async () => {
    const before = connections();
    hostVars(`ansible_ssh_common_args: '-o HostKeyAlgorithms=+ssh-rsa -o Ciphers=+aes128-cbc,aes128-cbd'\n`);
    const r = await plan();
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `inventory/host_vars/h0.yaml:1:26: ansible_ssh_common_args: Ciphers: unknown cipher "aes128-cbd" — did you mean aes128-cbc?`,
    );
    expect(connections()).toBe(before);
  });

  it('keyscan reaches the old switch with the same settings and pins its RSA key', async () => {
    rmSync(join(site.inventory, 'known_hosts'));
    const refused = await runCli(['keyscan', 'inventory', '--yes'], site.cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^h0: keyscan failed: no key exchange algorithm in common; the server/m);
    const allow = sshConfig('ssh_config_allow', ALLOW_OLD);
    const r = await runCli(['keyscan', 'inventory', '--yes', '-F', allow], site.cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^h0 {2}ssh-rsa {2}SHA256:\S+\nh0: pinned at inventory\/known_hosts:1$/m);
    expect((await plan('-F', allow)).code).toBe(2);
  });
});
