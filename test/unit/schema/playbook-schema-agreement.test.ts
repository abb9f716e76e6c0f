import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { parsePlaybook } from '../../../src/playbook/load-playbook.js';

/**
 * The playbook loader and schema/playbook.schema.json come from the same schemas, so they accept and refuse the
 * same playbooks. (Two checks are the loader's alone, as JSON Schema cannot say them: a serial percentage above
 * 100, and a name or hosts of blanks only.)
 */

const validate = new Ajv({ allErrors: true }).compile(
  JSON.parse(readFileSync('schema/playbook.schema.json', 'utf8')) as object,
);

const play = (body: string) => `- name: p\n  hosts: nodes\n${body}`;

const CASES: readonly [string, string][] = [
  ['packaged', readFileSync('playbooks/site.yaml', 'utf8')],
  ['task forms', readFileSync('test/fixtures/playbooks/ansible-habits.yaml', 'utf8')],
  ['module and args', play('  tasks:\n    - module: file\n      args: {dest: /etc/x, content: a, mode: "0644"}\n')],
  ['free form with args', play('  tasks:\n    - command: ls\n      args: {creates: /x}\n')],
  ['serial list, tags text', play('  serial: [1, "50%"]\n  tags: a, b\n  tasks: [{nmstate: {timeout: 90}}]\n')],
  ['unknown play key', play('  seria: 1\n  tasks: [{nmstate: {}}]\n')],
  ['unknown task key', play('  tasks:\n    - nmstate: {}\n      when: x\n')],
  ['unknown module', play('  tasks: [{nmstat: {}}]\n')],
  ['unknown argument', play('  tasks: [{nmstate: {prnue: true}}]\n')],
  ['argument type', play('  tasks: [{nmstate: {timeout: "90"}}]\n')],
  ['zero timeout', play('  tasks: [{nmstate: {timeout: 0}}]\n')],
  ['mode as a number', play('  tasks: [{file: {dest: /x, mode: 644}}]\n')],
  ['missing required argument', play('  tasks: [{file: {mode: "0644"}}]\n')],
  ['free form for nmstate', play('  tasks: [{nmstate: now}]\n')],
  ['collection module acp-play lacks', play('  tasks: [{ansible.builtin.copy: {dest: /x}}]\n')],
  ['no tasks', play('')],
  ['no hosts', '- name: p\n  tasks: [{nmstate: {}}]\n'],
  ['bad serial', play('  serial: 0\n  tasks: [{nmstate: {}}]\n')],
  ['bad max_fail_percentage', play('  max_fail_percentage: 101\n  tasks: [{nmstate: {}}]\n')],
  ['tags as a mapping', play('  tags: {a: 1}\n  tasks: [{nmstate: {}}]\n')],
  ['a play that is a list', '- [a, b]\n'],
];

function loaderAccepts(text: string): boolean {
  try {
    parsePlaybook(text, 'pb.yaml');
    return true;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

describe('the playbook loader and schema/playbook.schema.json', () => {
  it.each(CASES)('agree on: %s', (_what, text) => {
    expect(validate(parse(text))).toBe(loaderAccepts(text));
  });

  it('accept some cases and refuse others (the cases mean something)', () => {
    const accepted = CASES.filter(([, text]) => loaderAccepts(text)).map(([what]) => what);
    expect(accepted).toEqual(['packaged', 'task forms', 'module and args', 'free form with args', 'serial list, tags text']);
  });
});
