import { describe, expect, it } from 'vitest';
import { selectTasks } from '../../../src/engine/play-hosts.js';
import { ConfigError, type Problem } from '../../../src/core/errors.js';
import {
  loadPlaybook,
  parsePlaybook,
  PACKAGED_PLAYBOOKS,
  resolvePlaybookPath,
} from '../../../src/playbook/load-playbook.js';
import { join } from 'node:path';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

function problemsOf(text: string): Problem[] {
  try {
    parsePlaybook(text, 'pb.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).problems];
  }
  throw new Error('expected a ConfigError');
}

describe('the packaged site playbook', () => {
  it('runs switches first (VLANs, then ports), then nodes one at a time', async () => {
    const pb = await loadPlaybook(join(PACKAGED_PLAYBOOKS, 'site.yaml'));
    expect(pb.plays.map((p) => [p.hosts, p.tasks.map((t) => t.module)])).toEqual([
      ['switches', ['switch_vlans']],
      ['switches', ['switch_ports']],
      ['switches', ['switch_ports']],
      ['nodes', ['nmstate']],
    ]);
    expect(pb.plays[3]!.serial).toEqual([{ count: 1 }]);
    expect(pb.plays[3]!.maxFailPercentage).toBe(0);
    expect(pb.plays[0]!.location.line).toBe(9);
  });

  it('day 0 is the VLANs and the day-0 ports; day 1 and no tags are the whole site (the never tag)', async () => {
    const pb = await loadPlaybook(join(PACKAGED_PLAYBOOKS, 'site.yaml'));
    const selected = (tags?: string[]) =>
      pb.plays.flatMap((p) =>
        selectTasks(p, tags).map((t) => `${t.module}${t.args['ports'] ? `:${t.args['ports']}` : ''}`),
      );
    expect(selected()).toEqual(['switch_vlans', 'switch_ports', 'nmstate']);
    expect(selected(['day0'])).toEqual(['switch_vlans', 'switch_ports:day0']);
    expect(selected(['day1'])).toEqual(['switch_vlans', 'switch_ports', 'nmstate']);
    expect(selected(['nodes'])).toEqual(['nmstate']);
  });

  it('is the default unless the working directory has its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'acp-pb-'));
    expect(resolvePlaybookPath(undefined, dir)).toBe(join(PACKAGED_PLAYBOOKS, 'site.yaml'));
    mkdirSync(join(dir, 'playbooks'));
    writeFileSync(
      join(dir, 'playbooks', 'site.yaml'),
      '- hosts: all\n  tasks: [{module: command, args: {cmd: true}}]\n',
    );
    expect(resolvePlaybookPath(undefined, dir)).toBe(join('playbooks', 'site.yaml'));
    expect(resolvePlaybookPath('other.yaml', dir)).toBe('other.yaml');
  });
});

describe('playbook syntax', () => {
  it('accepts Ansible-style tasks with the module as the key', () => {
    const pb = parsePlaybook(
      '- name: p\n  hosts: nodes\n  serial: [1, "50%"]\n  tasks:\n    - name: bridges\n      nmstate: {prune: true, timeout: 90}\n',
      'pb.yaml',
    );
    expect(pb.plays[0]!.tasks[0]).toMatchObject({
      name: 'bridges',
      module: 'nmstate',
      args: { prune: true, timeout: 90 },
    });
    expect(pb.plays[0]!.serial).toEqual([{ count: 1 }, { percent: 50 }]);
  });

  it('rejects an unknown module with a did-you-mean at its line', () => {
    const [p] = problemsOf('- hosts: nodes\n  tasks:\n    - module: nmstat\n');
    expect(p!.message).toBe(
      'play 1, task 1: the module is "nmstat"; allowed values: command, file, nmstate, switch_vlans, switch_ports',
    );
    expect(p!.fix).toBe('did you mean nmstate?');
    expect(p!.location).toEqual({ file: 'pb.yaml', line: 3, col: 15 });
  });

  it('rejects an unknown play key and an unknown module argument, all at once', () => {
    const problems = problemsOf(
      '- hosts: nodes\n  seria: 1\n  tasks:\n    - module: nmstate\n      args: {prnue: true}\n',
    );
    expect(problems.map((p) => [p.location?.line, p.message, p.fix])).toEqual([
      [
        2,
        'unknown key seria in play 1',
        'did you mean serial? (known keys of play 1: name, hosts, serial, max_fail_percentage, tags, tasks)',
      ],
      [
        5,
        'unknown key prnue in the nmstate arguments of play 1, task 1',
        'did you mean prune? (known keys of the nmstate arguments of play 1, task 1: prune, timeout, probes)',
      ],
    ]);
  });

  it('checks serial, max_fail_percentage, hosts and argument types', () => {
    const problems = problemsOf(
      '- name: p\n  serial: 0\n  max_fail_percentage: 150\n  tasks:\n    - command: {cmd: 5}\n',
    );
    expect(problems.map((p) => [p.location?.line, p.message, p.fix])).toEqual([
      [
        1,
        'play "p" is missing the required key hosts',
        'add hosts: under play "p" (an Ansible host pattern: a group, a host, nodes:&site1, node*)',
      ],
      [2, 'play "p": serial must be a positive host count, found 0', 'write a positive host count there'],
      [
        3,
        'play "p": max_fail_percentage must be a number from 0 to 100, found 150',
        'write a number from 0 to 100 there (stop the play when more hosts than this failed)',
      ],
      [
        5,
        'play "p", task 1: command.cmd must be a string, found 5',
        'write a string there (the command line, run by the login shell)',
      ],
    ]);
  });

  it('takes a serial percentage above 0 and at most 100, and tags as a string or a list', () => {
    const problems = problemsOf(
      '- hosts: all\n  serial: ["150%", "0%", 2, "50%", "x"]\n  tags: {a: 1}\n  tasks: [{command: ls}]\n',
    );
    expect(problems.map((p) => [p.location?.line, p.location?.col, p.message])).toEqual([
      [2, 12, 'play 1: serial[0] must be a percentage above 0 and at most 100, found the string "150%"'],
      [2, 20, 'play 1: serial[1] must be a percentage above 0 and at most 100, found the string "0%"'],
      [2, 36, 'play 1: serial[4] must be a percentage such as "30%", found the string "x"'],
      [3, 9, 'play 1: tags must be a string or a list, found a mapping'],
    ]);
    const pb = parsePlaybook('- hosts: all\n  serial: [2, "50%"]\n  tags: a, b\n  tasks: [{command: ls}]\n', 'p.yaml');
    expect([pb.plays[0]!.serial, pb.plays[0]!.tags]).toEqual([
      [{ count: 2 }, { percent: 50 }],
      ['a', 'b'],
    ]);
  });

  it('requires required arguments', () => {
    const [p] = problemsOf('- hosts: all\n  tasks:\n    - file: {mode: "0644"}\n');
    expect([p!.location?.line, p!.message, p!.fix]).toEqual([
      3,
      'the file arguments of play 1, task 1 is missing the required key dest',
      'add dest: under the file arguments of play 1, task 1 (remote path)',
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const [p] = problemsOf('- hosts: all\n  tasks: [\n');
    expect(p!.message).toMatch(/^YAML: /);
    expect(p!.location?.file).toBe('pb.yaml');
  });

  it('names the task keys and the modules, and points at the module key a task names', () => {
    const problems = problemsOf(
      '- hosts: all\n  tasks:\n    - name: nothing\n    - nmstate: {}\n      when: x\n    - ansible.builtin.copy:\n        src: a\n    - [a]\n',
    );
    expect(problems.map((p) => [p.location?.line, p.location?.col, p.message, p.fix])).toEqual([
      [
        3,
        7,
        'play 1, task 1 is missing the required key module',
        'add module: under play 1, task 1 (one of: command, file, nmstate, switch_vlans, switch_ports)',
      ],
      [5, 7, 'unknown key when in play 1, task 2', 'known keys of play 1, task 2: name, tags, module, args'],
      [
        6,
        7,
        'play 1, task 3: the module is "ansible.builtin.copy"; allowed values: command, file, nmstate, switch_vlans, switch_ports',
        'use one of: command, file, nmstate, switch_vlans, switch_ports',
      ],
      [
        8,
        7,
        'play 1, task 4 must be a mapping, found a list',
        'write a mapping there (a task: its module as the key (nmstate: {...}, command: echo hi), or module: NAME with args:)',
      ],
    ]);
  });

  it('refuses a play that is not a mapping, and blank names and host patterns', () => {
    const problems = problemsOf('- [a, b]\n- hosts: " "\n  name: ""\n  tasks: []\n');
    expect(problems.map((p) => [p.location?.line, p.message])).toEqual([
      [1, 'play 1 must be a mapping, found a list'],
      [2, 'play 2: hosts must be a text that is not blank, found the string " "'],
      [3, 'play 2: name must be a text that is not blank, found the string ""'],
    ]);
  });

  it('requires a list of plays', () => {
    const [p] = problemsOf('hosts: all\n');
    expect(p!.message).toBe('the playbook must be a list, found a mapping');
  });
});

describe("Ansible's task forms", () => {
  it('reads the free form, shell, collection names and args beside the module as the command module', async () => {
    const pb = await loadPlaybook('test/fixtures/playbooks/ansible-habits.yaml');
    expect(pb.plays[0]!.tasks.map((t) => [t.name, t.module, t.args])).toEqual([
      ['Say hello', 'command', { cmd: 'echo hi' }],
      [
        'Mark the node ready, once',
        'command',
        { cmd: 'touch /var/lib/acp-play/ready', creates: '/var/lib/acp-play/ready' },
      ],
      ['Count the disks', 'command', { cmd: 'lsblk -dn | wc -l' }],
      ['Uptime', 'command', { cmd: 'uptime' }],
      [
        'Restart NetworkManager once',
        'command',
        { cmd: 'systemctl restart NetworkManager', creates: '/run/acp-play/restarted' },
      ],
      ['Mapping form', 'command', { cmd: 'hostname' }],
    ]);
  });

  it('keeps key=value words that are not command parameters in the command line', () => {
    const pb = parsePlaybook('- hosts: all\n  tasks:\n    - command: env LANG=C creates="/a b" ls\n', 'pb.yaml');
    expect(pb.plays[0]!.tasks[0]!.args).toEqual({ cmd: 'env LANG=C ls', creates: '/a b' });
  });

  it("names Ansible's free-form parameters acp-play does not take, at the task's line", () => {
    const problems = problemsOf('- hosts: all\n  tasks:\n    - name: t\n      shell: chdir=/tmp ls\n');
    expect(problems.map((p) => [p.location?.line, p.message])).toEqual([
      [4, 'unknown key chdir in the command arguments of play 1, task 1'],
    ]);
  });

  it('refuses a module of a collection acp-play does not have, or a free form for a module that takes none', () => {
    const problems = problemsOf(
      '- hosts: all\n  tasks:\n    - ansible.builtin.copy: {src: a, dest: b}\n    - nmstate: yes please\n',
    );
    expect(problems.map((p) => [p.location?.line, p.message, p.fix])).toEqual([
      [
        3,
        'play 1, task 1: the module is "ansible.builtin.copy"; allowed values: command, file, nmstate, switch_vlans, switch_ports',
        'use one of: command, file, nmstate, switch_vlans, switch_ports',
      ],
      [
        4,
        'the nmstate arguments of play 1, task 2 must be a mapping, found the string "yes please"',
        'write a mapping there (the arguments of nmstate: prune, timeout, probes)',
      ],
    ]);
  });
});
