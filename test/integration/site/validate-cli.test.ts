import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** `acp-play validate` through the real, compiled CLI (bin/acp-play.js -> dist/). */
function validate(dir: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/acp-play.js', 'validate', dir], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // Compile what the test runs; tsc emits even when another part of the tree has a type error.
  spawnSync(join('node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { stdio: 'ignore' });
});

describe('acp-play validate', () => {
  it('accepts the example site and says what it holds', () => {
    const r = validate('inventories/site1');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('inventories/site1: valid (3 nodes, 1 switch, 6 VLANs, 3 NADs)\n');
    expect(r.code).toBe(0);
  });

  it.each([
    'native-bridged-tagged',
    'uplink-missing-port',
    'interface-name-16-chars',
    'description-shell',
    'malformed-yaml',
    'ini-bad-address',
  ])('rejects %s with file:line:col and exit 3', (name) => {
    const dir = join('test/fixtures/bad-inventories', name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
      message: string;
      file: string;
      line: number;
      col: number;
    };
    const r = validate(dir);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const line = r.stderr.split('\n').find((l) => l.includes(expected.message));
    expect(line, r.stderr).toBeDefined();
    expect(line!.startsWith(`${join(dir, expected.file)}:${expected.line}:${expected.col}: `)).toBe(true);
    expect(line).toContain(' — ');
    expect(r.stderr).toMatch(/\d+ errors?; nothing was contacted\.\n$/);
  });

  it('prints warnings and still exits 0', () => {
    const r = validate('test/fixtures/site-warnings');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('hosts.yaml:8:25: warning: ansible_password of switch1 is a plain-text password');
    expect(r.stdout).toBe('test/fixtures/site-warnings: valid (0 nodes, 1 switch, 1 VLAN, 0 NADs)\n');
  });

  it('reports a missing inventory as invalid input', () => {
    expect(validate('test/fixtures/no-such-inventory').code).toBe(3);
  });
});
