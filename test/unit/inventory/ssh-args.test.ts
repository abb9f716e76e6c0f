import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/core/errors.js';
import { loadInventory } from '../../../src/inventory/load-inventory.js';
import { splitShellWords } from '../../../src/inventory/shell-words.js';
import { SshCommandLine } from '../../../src/inventory/ssh-command-line.js';
import { DEFAULT_ALGORITHMS } from '../../../src/transport/ssh-algorithm-catalog.js';
import { resolveHostAlgorithms } from '../../../src/transport/ssh-algorithms.js';
import { loadProblems, writeInventory } from './inventory-test-helpers.js';

describe('splitting ssh arguments like Ansible (shlex, POSIX)', () => {
  it('handles quotes and backslashes', () => {
    expect(splitShellWords(`-o 'ProxyCommand=ssh -W %h:%p bastion' -o"Ciphers=+aes128-cbc"  a\\ b "x\\"y\\z"`)).toEqual(
      ['-o', 'ProxyCommand=ssh -W %h:%p bastion', '-oCiphers=+aes128-cbc', 'a b', 'x"y\\z'],
    );
    expect(splitShellWords("''")).toEqual(['']);
    expect(() => splitShellWords('-o "KexAlgorithms=a')).toThrow('a double quote is not closed');
  });
});

describe('reading ssh arguments as one command line', () => {
  const read = (...texts: string[]): SshCommandLine => {
    const line = new SshCommandLine();
    texts.forEach((text, i) => line.read(text, `var${i}`));
    return line;
  };

  it('reads -o Key=Value, -oKey=Value, -o "Key Value", case-insensitive keywords; the first -o wins', () => {
    const line = read(
      '-o KexAlgorithms=+diffie-hellman-group14-sha1 -oHostkeyAlgorithms=+ssh-rsa',
      '-o "ciphers aes128-ctr" -o KexAlgorithms=curve25519-sha256',
    );
    expect(Object.fromEntries(line.algorithms)).toEqual({
      KexAlgorithms: { value: '+diffie-hellman-group14-sha1', variable: 'var0' },
      HostKeyAlgorithms: { value: '+ssh-rsa', variable: 'var0' },
      Ciphers: { value: 'aes128-ctr', variable: 'var1' },
    });
    expect(line.errors).toEqual([]);
  });

  it('lets -c and -m override, as ssh does', () => {
    const line = read('-o Ciphers=aes256-ctr -c aes128-cbc -maes128-ctr', '-m hmac-sha1');
    expect(line.algorithms.get('Ciphers')?.value).toBe('aes128-cbc');
    expect(line.algorithms.get('MACs')).toEqual({ value: 'hmac-sha1', variable: 'var1' });
  });

  it('honours the first of ProxyJump and ProxyCommand', () => {
    expect(read(`-o ProxyCommand="ssh -W %h:%p -q bastion" -J other`).proxy).toEqual({
      kind: 'ProxyCommand',
      value: 'ssh -W %h:%p -q bastion',
      variable: 'var0',
    });
    expect(read('-J admin@bastion:2200', '-o ProxyCommand=x').proxy).toEqual({
      kind: 'ProxyJump',
      value: 'admin@bastion:2200',
      variable: 'var0',
    });
  });

  it('ignores what acp-play does not apply, saying why', () => {
    const line = read('-C -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -p 2222 -o ControlPersist=60s');
    expect(line.ignored.map((i) => `${i.option}: ${i.why}`)).toEqual([
      '-C: acp-play does not apply it',
      'StrictHostKeyChecking: acp-play always checks host keys strictly (the inventory known_hosts, then ~/.ssh/known_hosts)',
      'UserKnownHostsFile: acp-play always checks host keys strictly (the inventory known_hosts, then ~/.ssh/known_hosts)',
      '-p: set ansible_port instead',
      'ControlPersist: acp-play does not apply it',
    ]);
  });

  it('refuses what ssh itself would refuse', () => {
    expect(read('-o KexAlgoritms=+x').errors).toEqual([
      { variable: 'var0', message: '-o KexAlgoritms: not an ssh option', fix: 'did you mean KexAlgorithms?' },
    ]);
    expect(read('-Z').errors[0]?.message).toBe('ssh has no option -Z');
    expect(read('-o').errors[0]?.message).toBe('-o needs a value');
    expect(read('-o Ciphers').errors[0]?.message).toBe('-o Ciphers needs a value');
    expect(read('switch1').errors[0]?.message).toBe('"switch1" is not an ssh option');
    expect(read("-o 'KexAlgorithms=+a").errors[0]?.message).toMatch(/cannot be split into arguments/);
    expect(read('-o ProxyJump={{ bastion }}').errors[0]?.message).toBe('holds a Jinja2 template');
  });
});

describe('SSH options in the inventory', () => {
  const HOSTS = [
    'all:',
    '  hosts:',
    '    sw1:',
    `      ansible_ssh_common_args: '-o KexAlgorithms=+diffie-hellman-group14-sha1 -o HostkeyAlgorithms=+ssh-rsa'`,
    `      ansible_ssh_extra_args: '-o KexAlgorithms=diffie-hellman-group1-sha1 -o MACs=+hmac-sha1'`,
    '      ssh_options: {Ciphers: +aes128-cbc, macs: hmac-sha2-256}',
    '    sw2:',
    `      ansible_ssh_common_args: '-o ProxyCommand="ssh -W %h:%p bastion" -o StrictHostKeyChecking=no'`,
    '    node1: {}',
  ];

  it('ssh_options wins, then ansible_ssh_args, _common_args, _extra_args in that order, each located', async () => {
    const dir = writeInventory({ 'hosts.yaml': `${HOSTS.join('\n')}\n` });
    const inventory = await loadInventory(dir);
    const sw1 = inventory.hosts.get('sw1')!;
    expect(sw1.ssh?.algorithms).toEqual({
      Ciphers: {
        value: '+aes128-cbc',
        origin: 'inventory',
        variable: 'ssh_options',
        source: `ssh_options (${dir}/hosts.yaml:6)`,
        location: { file: `${dir}/hosts.yaml`, line: 6, col: 20 },
      },
      MACs: expect.objectContaining({ value: 'hmac-sha2-256', variable: 'ssh_options' }),
      KexAlgorithms: expect.objectContaining({
        value: '+diffie-hellman-group14-sha1',
        variable: 'ansible_ssh_common_args',
      }),
      HostKeyAlgorithms: expect.objectContaining({ value: '+ssh-rsa', variable: 'ansible_ssh_common_args' }),
    });
    const { lists } = resolveHostAlgorithms({}, sw1.ssh!.algorithms).algorithms;
    expect(lists.KexAlgorithms).toEqual([...DEFAULT_ALGORITHMS.KexAlgorithms, 'diffie-hellman-group14-sha1']);
    expect(inventory.hosts.get('sw2')?.ssh).toEqual({ algorithms: {}, proxyCommand: 'ssh -W %h:%p bastion' });
    expect(inventory.hosts.get('node1')?.ssh).toBeUndefined();
    expect(inventory.warnings?.map(formatProblem)).toEqual([
      `${dir}/hosts.yaml:8:32: warning: ansible_ssh_common_args: StrictHostKeyChecking is ignored: acp-play always checks host keys strictly (the inventory known_hosts, then ~/.ssh/known_hosts)`,
    ]);
  });

  it('refuses an unknown algorithm or option with its file and line, once for a group of hosts', async () => {
    const dir = writeInventory({
      'hosts.yaml': 'all:\n  hosts:\n    sw1:\n    sw2:\n',
      'group_vars/all.yaml': [
        'ansible_ssh_common_args: >-',
        '  -o KexAlgorithms=+diffie-hellman-group14-sha2',
        'ssh_options:',
        '  HostKeyAlgorithm: +ssh-rsa',
      ].join('\n'),
    });
    expect((await loadProblems(dir)).map(formatProblem)).toEqual([
      `${dir}/group_vars/all.yaml:4:3: ssh_options: unknown option HostKeyAlgorithm — did you mean HostKeyAlgorithms? ssh_options takes KexAlgorithms, HostKeyAlgorithms, Ciphers, MACs`,
      expect.stringMatching(
        new RegExp(
          `^${dir}/group_vars/all.yaml:1:26: ansible_ssh_common_args: KexAlgorithms: unknown key exchange algorithm "diffie-hellman-group14-sha2" — did you mean diffie-hellman-group14-sha1\\? acp-play can use: `,
        ),
      ),
    ]);
  });
});
