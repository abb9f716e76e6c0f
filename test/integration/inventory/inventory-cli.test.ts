import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync('node', ['bin/acp-play.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('acp-play inventory (built CLI)', () => {
  beforeAll(() => {
    // Other parts of the tree may still have type errors while being written; tsc emits anyway, and this test
    // needs only the emitted JavaScript.
    spawnSync('npx', ['tsc', '-p', '.'], { encoding: 'utf8' });
    expect(existsSync('dist/cli/inventory-command.js')).toBe(true);
  }, 180_000);

  it('prints --list JSON and exits 0', () => {
    const run = cli('inventory', 'test/fixtures/inventories/precedence', '--list');
    // the one warning: h3 sets address and ansible_host to different addresses on purpose
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^test\/fixtures\/inventories\/precedence\/hosts\.yaml:45:25: warning: h3: address /),
    ]);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as {
      _meta: { hostvars: Record<string, Record<string, unknown>> };
      kids: unknown;
    };
    expect(listed.kids).toEqual({ hosts: ['h1', 'h2'] });
    expect(listed._meta.hostvars.h3?.ansible_ssh_pass).toBe('********');
  });

  it('prints --graph and --host', () => {
    const graph = cli(
      'inventory',
      'test/fixtures/ansible-inventory/ansible_inventory_yaml_test.yml',
      '--graph',
      'cousins',
    );
    expect(graph).toMatchObject({ code: 0, stdout: '@cousins:\n  |--@redheads:\n' });
    const host = cli('inventory', 'test/fixtures/inventories/ini-edge', '--host', 'node1', '--limit', 'nodes');
    expect(host.code).toBe(0);
    expect(JSON.parse(host.stdout)).toMatchObject({ ansible_port: 2222, ansible_user: 'core', platform: 'nmstate' });
  });

  it('exits 3 with located problems for a broken inventory', () => {
    const run = cli('inventory', 'test/fixtures/inventories/broken', '--list');
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'test/fixtures/inventories/broken/hosts.yaml:4:7: unknown key `host` in group `nodes`',
    );
    expect(run.stderr).toContain('2 errors; nothing was contacted.');
  });

  it('exits 3 without a mode or for an unknown --limit', () => {
    expect(cli('inventory', 'test/fixtures/inventories/precedence').code).toBe(3);
    const run = cli('inventory', 'test/fixtures/inventories/precedence', '--list', '--limit', 'kidz');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('pattern kidz matches no host — did you mean `kids`?');
  });
});
