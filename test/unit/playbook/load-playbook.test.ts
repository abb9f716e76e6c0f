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
    expect(p!.message).toContain('unknown module "nmstat"');
    expect(p!.fix).toContain('did you mean `nmstate`?');
    expect(p!.location).toMatchObject({ file: 'pb.yaml', line: 3 });
  });

  it('rejects an unknown play key and an unknown module argument, all at once', () => {
    const problems = problemsOf(
      '- hosts: nodes\n  seria: 1\n  tasks:\n    - module: nmstate\n      args: {prnue: true}\n',
    );
    expect(problems.map((p) => [p.location?.line, p.message, p.fix])).toEqual([
      [2, 'play 1: unknown key "seria"', 'did you mean `serial`?'],
      [5, 'play 1, task 1: nmstate has no argument "prnue"', 'did you mean `prune`?'],
    ]);
  });

  it('checks serial, max_fail_percentage, hosts and argument types', () => {
    const problems = problemsOf(
      '- name: p\n  serial: 0\n  max_fail_percentage: 150\n  tasks:\n    - command: {cmd: 5}\n',
    );
    const messages = problems.map((p) => p.message);
    expect(messages).toContain('serial must be a positive host count or a percentage, found 0');
    expect(messages).toContain('max_fail_percentage must be a number 0-100, found 150');
    expect(messages).toContain('play "p" has no hosts');
    expect(messages).toContain('p, task 1: command.cmd must be a string, found 5');
  });

  it('takes a serial percentage above 0 and at most 100, and tags as a string or a list', () => {
    const problems = problemsOf(
      '- hosts: all\n  serial: ["150%", "0%", 2, "50%"]\n  tags: {a: 1}\n  tasks: [{command: ls}]\n',
    );
    expect(problems.map((p) => [p.location?.line, p.message])).toEqual([
      [2, 'serial must be a positive host count or a percentage, found "150%"'],
      [2, 'serial must be a positive host count or a percentage, found "0%"'],
      [3, 'tags must be a string or a list of strings'],
    ]);
    const pb = parsePlaybook('- hosts: all\n  serial: [2, "50%"]\n  tags: a, b\n  tasks: [{command: ls}]\n', 'p.yaml');
    expect([pb.plays[0]!.serial, pb.plays[0]!.tags]).toEqual([
      [{ count: 2 }, { percent: 50 }],
      ['a', 'b'],
    ]);
  });

  it('requires required arguments', () => {
    const [p] = problemsOf('- hosts: all\n  tasks:\n    - file: {mode: "0644"}\n');
    expect(p!.message).toBe('play 1, task 1: file needs "dest"');
  });

  it('reports YAML syntax errors with their position', () => {
    const [p] = problemsOf('- hosts: all\n  tasks: [\n');
    expect(p!.message).toMatch(/^YAML: /);
    expect(p!.location?.file).toBe('pb.yaml');
  });

  it('requires a list of plays', () => {
    const [p] = problemsOf('hosts: all\n');
    expect(p!.message).toBe('a playbook is a list of plays');
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
      [4, 'play 1, task 1: command has no argument "chdir"'],
    ]);
  });

  it('refuses a module of a collection acp-play does not have, or a free form for a module that takes none', () => {
    const problems = problemsOf(
      '- hosts: all\n  tasks:\n    - ansible.builtin.copy: {src: a, dest: b}\n    - nmstate: yes please\n',
    );
    expect(problems.map((p) => [p.location?.line, p.message, p.fix])).toEqual([
      [3, 'play 1, task 1: unknown module "ansible.builtin.copy"', expect.stringContaining('known modules: ')],
      [4, 'play 1, task 2: the arguments of nmstate must be a mapping', 'e.g. nmstate: {prune: ...}'],
    ]);
  });
});
