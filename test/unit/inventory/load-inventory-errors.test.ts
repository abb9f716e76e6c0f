import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/core/errors.js';
import { loadInventory } from '../../../src/inventory/load-inventory.js';
import { loadProblems, writeInventory } from './inventory-test-helpers.js';

describe('loadInventory errors', () => {
  it('reports duplicate keys and unknown group keys with a did-you-mean, in one go', async () => {
    const problems = await loadProblems('test/fixtures/inventories/broken');
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^test\/fixtures\/inventories\/broken\/hosts\.yaml:10:11: YAML: Map keys must be unique/),
      'test/fixtures/inventories/broken/hosts.yaml:4:7: unknown key `host` in group `nodes` (a group has only hosts, children and vars) — did you mean `hosts`?',
    ]);
  });

  it('reports malformed YAML with the file, line and column', async () => {
    const dir = writeInventory({
      'hosts.yaml': 'all:\n  hosts:\n    node0: {a: 1\n',
      'group_vars/all.yaml': 'site:\n\tname: x\n',
    });
    const problems = await loadProblems(dir);
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems[0]?.location).toMatchObject({ file: `${dir}/hosts.yaml`, line: 4 });
    expect(problems.some((p) => p.location?.file === `${dir}/group_vars/all.yaml` && p.location.line === 2)).toBe(true);
  });

  it('reports a group that is its own ancestor', async () => {
    const dir = writeInventory({
      'hosts.yaml': 'all:\n  children:\n    a:\n      children:\n        b:\n          children:\n            a:\n',
    });
    const problems = await loadProblems(dir);
    expect(problems).toEqual([
      {
        severity: 'error',
        location: { file: `${dir}/hosts.yaml`, line: 7, col: 13 },
        message: 'group `a` is its own ancestor (a > b > a)',
        fix: 'remove `a` from the children of `b`',
      },
    ]);
  });

  it('rejects host, group and variable names that are not strings', async () => {
    const dir = writeInventory({
      'hosts.yaml':
        'all:\n  children:\n    42:\n      hosts:\n        1234:\n    g:\n      hosts:\n        h:\n          7.2: bar\n',
    });
    const messages = (await loadProblems(dir)).map((p) => `${p.location?.line}:${p.location?.col} ${p.message}`);
    expect(messages).toEqual(['3:5 group name 42 is not a string', '9:11 variable name 7.2 is not a string']);
  });

  it('rejects non-string host names under a named group', async () => {
    const dir = writeInventory({ 'hosts.yaml': 'all:\n  children:\n    g:\n      hosts:\n        1234:\n' });
    expect((await loadProblems(dir)).map((p) => p.message)).toEqual(['host name 1234 is not a string']);
  });

  it('rejects an inventory directory without a hosts file, and a missing path', async () => {
    const dir = writeInventory({ 'group_vars/all.yaml': 'a: 1\n' });
    const [problem] = await loadProblems(dir);
    expect(problem?.message).toBe(`inventory directory ${dir} has no inventory file`);
    expect(problem?.fix).toMatch(/hosts\.yaml/);
    expect((await loadProblems(`${dir}/nope`))[0]?.message).toMatch(/does not exist/);
  });

  it('reports bad connection values where they were written', async () => {
    const dir = writeInventory({
      'hosts.yaml': 'all:\n  hosts:\n    n0:\n      ansible_port: http\n      ansible_become: maybe\n',
    });
    const problems = await loadProblems(dir);
    expect(problems.map((p) => `${p.location?.line}:${p.location?.col} ${p.message}`)).toEqual([
      '4:21 n0: ansible_port must be a port number from 1 to 65535, got "http"',
      '5:23 n0: ansible_become must be a boolean (true/false, yes/no), got "maybe"',
    ]);
  });

  it('warns about a group_vars file that matches no group, with a suggestion', async () => {
    const dir = writeInventory({
      'hosts.yaml': 'all:\n  children:\n    nodes:\n      hosts:\n        n0:\n',
      'group_vars/node.yaml': 'a: 1\n',
    });
    const inv = await loadInventory(dir);
    expect(inv.warnings?.map((w) => [w.message, w.fix])).toEqual([
      [`${dir}/group_vars/node.yaml matches no group of the inventory, so it is not read`, 'did you mean `nodes`?'],
    ]);
  });

  it('reads a vaulted value without decrypting it', async () => {
    const dir = writeInventory({
      'hosts.yaml':
        'all:\n  hosts:\n    n0:\n      password: !vault |\n        $ANSIBLE_VAULT;1.1;AES256\n        3132\n',
    });
    const host = (await loadInventory(dir)).hosts.get('n0');
    expect(JSON.parse(JSON.stringify(host?.password))).toEqual({ __ansible_vault: '$ANSIBLE_VAULT;1.1;AES256\n3132' });
  });
});
