import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  errorLines,
  removeSite1Copies,
  runCli,
  SITE1,
  SITE1_SECRETS_ENV,
  site1Copy,
  type CliRun,
} from '../../helpers/cli-run.js';

/**
 * Every reproducer of "odd and hostile inventories" on a copy of site1: validate and render exit 0, or exit 3 with
 * every error located (`FILE:LINE:COL: `) in a file of the copy, never an internal error, and fast (the 5 s test
 * timeout is the guard: each case takes milliseconds).
 */
const FAST = 5_000;

// site1 has day-0 keys: render reads its pull secret and SSH key from the environment.
beforeAll(() => {
  for (const [name, value] of Object.entries(SITE1_SECRETS_ENV)) vi.stubEnv(name, value);
});
afterAll(() => {
  vi.unstubAllEnvs();
  removeSite1Copies();
});

async function both(dir: string): Promise<CliRun[]> {
  return [await runCli(['validate', dir]), await runCli(['render', dir])];
}

/** Exit 3, every error line located in `dir`, mentioning `words`. */
async function expectLocated(dir: string, words: RegExp, file?: string): Promise<string[]> {
  const lines: string[] = [];
  for (const run of await both(dir)) {
    expect(run.err).not.toMatch(/internal error|\n\s+at /);
    expect(run.code, run.err).toBe(3);
    const errors = errorLines(run);
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line.startsWith(`${dir}/`) || line.startsWith(`${dir}:`), line).toBe(true);
    expect(run.err).toMatch(words);
    if (file !== undefined)
      expect(
        errors.some((l) => l.startsWith(`${join(dir, file)}:`)),
        run.err,
      ).toBe(true);
    lines.push(...errors);
  }
  return lines;
}

async function expectValid(dir: string): Promise<void> {
  for (const run of await both(dir)) expect(run.code, run.err).toBe(0);
}

/** A chain of `levels` anchors, each a list of `width` aliases to the one before. */
function aliasChain(levels: number, width: number, indent = ''): string {
  let text = `${indent}a0: &a0 [${Array(width).fill('x').join(', ')}]\n`;
  for (let i = 1; i <= levels; i++)
    text += `${indent}a${i}: &a${i} [${Array(width)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  return text;
}

/** Lines of site1's group_vars/all.yaml: what a case appends starts on the next one. */
function allYamlLines(): number {
  return linesOf('group_vars/all.yaml');
}

/** Lines of a file of site1. */
function linesOf(file: string): number {
  return readFileSync(join(SITE1, file), 'utf8').split('\n').length - 1;
}

describe('YAML aliases', () => {
  it('a 3-level x 10 alias chain in group_vars/all.yaml is valid (12,000 values)', { timeout: FAST }, async () => {
    const dir = site1Copy();
    appendFileSync(join(dir, 'group_vars/all.yaml'), aliasChain(3, 10));
    await expectValid(dir);
  });

  it('a 5-level x 10 chain is refused: too many aliases, at the alias', { timeout: FAST }, async () => {
    const dir = site1Copy();
    appendFileSync(join(dir, 'group_vars/all.yaml'), aliasChain(5, 10));
    const lines = await expectLocated(dir, /too many aliases \(limit 100000 values\)/, 'group_vars/all.yaml');
    const at = /all\.yaml:(\d+):\d+: YAML: too many aliases/.exec(lines[0]!);
    // At one of the appended alias lines.
    expect(Number(at?.[1])).toBeGreaterThan(allYamlLines());
  });

  it('the same in hosts.yaml all.vars and in an extensionless YAML hosts file', { timeout: FAST }, async () => {
    const yaml = site1Copy();
    const hosts = readFileSync(join(yaml, 'hosts.yaml'), 'utf8');
    writeFileSync(join(yaml, 'hosts.yaml'), `${hosts}  vars:\n${aliasChain(5, 10, '    ')}`);
    await expectLocated(yaml, /too many aliases/, 'hosts.yaml');
    const bare = site1Copy();
    renameSync(join(bare, 'hosts.yaml'), join(bare, 'hosts'));
    writeFileSync(join(bare, 'hosts'), `${hosts}  vars:\n${aliasChain(5, 10, '    ')}`);
    await expectLocated(bare, /too many aliases/, 'hosts');
  });

  it('an alias fan-out in the hosts tree (9 levels x 9 children) is refused at once', { timeout: FAST }, async () => {
    const dir = site1Copy();
    let tree = 'all:\n  children:\n    g0: &g0\n      hosts:\n        node0:\n';
    for (let i = 1; i <= 9; i++) {
      const kids = Array.from({ length: 9 }, (_, k) => `        c${i}x${k}: *g${i - 1}\n`).join('');
      tree += `    g${i}: &g${i}\n      children:\n${kids}`;
    }
    writeFileSync(join(dir, 'hosts.yaml'), tree);
    await expectLocated(dir, /too many aliases/, 'hosts.yaml');
  });

  it('an alias to an anchor that is not defined is located', { timeout: FAST }, async () => {
    const dir = site1Copy();
    appendFileSync(join(dir, 'group_vars/all.yaml'), 'x: *s\n');
    const lines = await expectLocated(dir, /alias \*s refers to no anchor/);
    expect(lines[0]).toContain(`group_vars/all.yaml:${allYamlLines() + 1}:4: `);
  });

  it('an alias inside its own anchor is a loop, located', { timeout: FAST }, async () => {
    const dir = site1Copy();
    appendFileSync(join(dir, 'group_vars/all.yaml'), 'x: &self [1, *self]\n');
    await expectLocated(dir, /inside the value it refers to/, 'group_vars/all.yaml');
  });

  it('a merge key on a scalar is located, not a crash', { timeout: FAST }, async () => {
    const dir = site1Copy();
    appendFileSync(join(dir, 'group_vars/all.yaml'), 'x: {<<: 1}\n');
    await expectLocated(dir, /merge key/, 'group_vars/all.yaml');
  });
});

describe('nesting', () => {
  it('2,000 nested [ are refused in plain words', { timeout: FAST }, async () => {
    const dir = site1Copy();
    appendFileSync(join(dir, 'group_vars/all.yaml'), `x: ${'['.repeat(2000)}${']'.repeat(2000)}\n`);
    const lines = await expectLocated(dir, /nested too deeply \(limit 64 levels/, 'group_vars/all.yaml');
    expect(lines.join('\n')).not.toMatch(/call stack/);
  });

  it('65 nested block maps are refused, 60 are read', { timeout: FAST }, async () => {
    const nest = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ` leaf\n`;
    const deep = site1Copy();
    appendFileSync(join(deep, 'group_vars/all.yaml'), nest(65));
    await expectLocated(deep, /nested too deeply/, 'group_vars/all.yaml');
    const fine = site1Copy();
    appendFileSync(join(fine, 'group_vars/all.yaml'), nest(60));
    await expectValid(fine);
  });
});

describe('links and special files in the vars folders', () => {
  it('a dangling symbolic link', { timeout: FAST }, async () => {
    const dir = site1Copy();
    rmSync(join(dir, 'host_vars/node2.yaml'));
    symlinkSync('/nonexistent/x', join(dir, 'host_vars/node2.yaml'));
    await expectLocated(
      dir,
      /dangling symbolic link: its target \/nonexistent\/x does not exist/,
      'host_vars/node2.yaml',
    );
  });

  it('a symbolic link to itself', { timeout: FAST }, async () => {
    const dir = site1Copy();
    rmSync(join(dir, 'host_vars/node2.yaml'));
    symlinkSync('node2.yaml', join(dir, 'host_vars/node2.yaml'));
    await expectLocated(dir, /symbolic link loop/, 'host_vars/node2.yaml');
  });

  it('a link loop inside group_vars/all/', { timeout: FAST }, async () => {
    const dir = site1Copy();
    mkdirSync(join(dir, 'group_vars/all'));
    renameSync(join(dir, 'group_vars/all.yaml'), join(dir, 'group_vars/all/site.yaml'));
    symlinkSync('b.yaml', join(dir, 'group_vars/all/a.yaml'));
    symlinkSync('a.yaml', join(dir, 'group_vars/all/b.yaml'));
    await expectLocated(dir, /symbolic link loop/, 'group_vars/all/a.yaml');
  });

  it('group_vars/all/up -> .. does not recurse forever', { timeout: FAST }, async () => {
    const dir = site1Copy();
    mkdirSync(join(dir, 'group_vars/all'));
    renameSync(join(dir, 'group_vars/all.yaml'), join(dir, 'group_vars/all/site.yaml'));
    symlinkSync('..', join(dir, 'group_vars/all/up'));
    await expectLocated(dir, /folder loop/, 'group_vars/all/up/all');
  });

  it('group_vars/all -> /dev/zero is refused before reading', { timeout: FAST }, async () => {
    const dir = site1Copy();
    rmSync(join(dir, 'group_vars/all.yaml'));
    symlinkSync('/dev/zero', join(dir, 'group_vars/all'));
    await expectLocated(dir, /is a character device, not a regular file/, 'group_vars/all');
  });

  it('a FIFO in place of host_vars/node0.yaml does not hang', { timeout: FAST }, async () => {
    const dir = site1Copy();
    rmSync(join(dir, 'host_vars/node0.yaml'));
    execFileSync('mkfifo', [join(dir, 'host_vars/node0.yaml')]);
    await expectLocated(dir, /is a FIFO \(named pipe\), not a regular file/, 'host_vars/node0.yaml');
  });

  it('a FIFO as the hosts file, a directory as a vars file, a file over 8 MiB', { timeout: FAST }, async () => {
    const fifo = site1Copy();
    rmSync(join(fifo, 'hosts.yaml'));
    execFileSync('mkfifo', [join(fifo, 'hosts.yaml')]);
    await expectLocated(fifo, /FIFO/, 'hosts.yaml');
    const big = site1Copy();
    appendFileSync(join(big, 'host_vars/node1.yaml'), `# ${'x'.repeat(8 * 1024 * 1024)}\n`);
    await expectLocated(big, /larger than the 8 MiB limit/, 'host_vars/node1.yaml');
  });

  it('a symbolic link to a regular file (inside or outside the inventory) is read', { timeout: FAST }, async () => {
    const dir = site1Copy();
    renameSync(join(dir, 'host_vars/node1.yaml'), join(dir, '..', 'shared-node1.yaml'));
    symlinkSync('../../shared-node1.yaml', join(dir, 'host_vars/node1.yaml'));
    mkdirSync(join(dir, 'group_vars/all'));
    renameSync(join(dir, 'group_vars/all.yaml'), join(dir, 'group_vars/all/site.yaml'));
    symlinkSync('../nodes.yaml', join(dir, 'group_vars/all/.hidden-link.yaml'));
    await expectValid(dir);
  });
});

describe('encodings and line endings', () => {
  it('CR-only line endings are line breaks (YAML 1.2, and PyYAML for Ansible)', { timeout: FAST }, async () => {
    const dir = site1Copy();
    const file = join(dir, 'group_vars/all.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r'));
    await expectValid(dir);
    const mixed = site1Copy();
    const lines = readFileSync(join(mixed, 'group_vars/all.yaml'), 'utf8').split('\n');
    writeFileSync(join(mixed, 'group_vars/all.yaml'), lines.map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join(''));
    await expectValid(mixed);
    const located = site1Copy();
    writeFileSync(join(located, 'group_vars/all.yaml'), 'site:\r  name: x\r  vlans:\r    - id: nope\r');
    const errors = await expectLocated(located, /id/, 'group_vars/all.yaml');
    expect(errors.some((l) => l.includes('group_vars/all.yaml:4:'))).toBe(true);
  });

  it('an INI hosts file with CR-only line endings is read line by line', { timeout: FAST }, async () => {
    const dir = site1Copy();
    rmSync(join(dir, 'hosts.yaml'));
    writeFileSync(join(dir, 'hosts'), '[nodes]\rnode0\rnode1\rnode2\r[switches]\rswitch1\r');
    await expectValid(dir);
  });

  it('bytes that are not UTF-8, and UTF-16, are located errors', { timeout: FAST }, async () => {
    const latin1 = site1Copy();
    appendFileSync(join(latin1, 'host_vars/node0.yaml'), Buffer.from([0x78, 0x3a, 0x20, 0xe9, 0x0a]));
    await expectLocated(latin1, /not UTF-8 text/, 'host_vars/node0.yaml');
    const utf16 = site1Copy();
    writeFileSync(join(utf16, 'host_vars/node0.yaml'), Buffer.from('\ufeffaddress: 1.2.3.4\n', 'utf16le'));
    await expectLocated(utf16, /UTF-16/, 'host_vars/node0.yaml');
  });
});

describe('inherited object keys are ordinary keys', () => {
  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])(
    '%s under node: and site: is an unknown key, located',
    { timeout: FAST },
    async (key) => {
      const dir = site1Copy();
      appendFileSync(join(dir, 'host_vars/node0.yaml'), `  ${key}: {kind: 1}\n`);
      await expectLocated(dir, new RegExp(`unknown key ${key} in (node|site)`), 'host_vars/node0.yaml');
      const site = site1Copy();
      const all = readFileSync(join(site, 'group_vars/all.yaml'), 'utf8');
      writeFileSync(join(site, 'group_vars/all.yaml'), all.replace('site:\n', `site:\n  ${key}: 1\n`));
      await expectLocated(site, new RegExp(`unknown key ${key} in (node|site)`), 'group_vars/all.yaml');
      expect(({} as Record<string, unknown>).kind).toBeUndefined();
    },
  );

  it('as a variable name or a port name they are plain names', { timeout: FAST }, async () => {
    const dir = site1Copy();
    appendFileSync(join(dir, 'group_vars/nodes.yaml'), '__proto__: {polluted: true}\nconstructor: 1\n');
    await expectValid(dir);
    const ports = site1Copy();
    const sw = readFileSync(join(ports, 'host_vars/switch1.yaml'), 'utf8');
    writeFileSync(
      join(ports, 'host_vars/switch1.yaml'),
      sw.replace('  ports:\n', '  ports:\n    __proto__:\n      mode: access\n      access_vlan: 2001\n'),
    );
    const [validate] = await both(ports);
    expect(validate!.err).not.toMatch(/internal error/);
    expect([0, 3]).toContain(validate!.code);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('host ranges', () => {
  it('node[1:1000000000] is refused before it is expanded', { timeout: FAST }, async () => {
    const dir = site1Copy();
    writeFileSync(
      join(dir, 'hosts.yaml'),
      'all:\n  children:\n    nodes:\n      hosts:\n        node[1:1000000000]:\n',
    );
    const lines = await expectLocated(dir, /host range node\[1:1000000000\] names 1000000000 hosts/, 'hosts.yaml');
    expect(lines[0]).toMatch(/hosts\.yaml:5:9: /);
  });

  it(
    'h[00001:99999] is refused by the default cap and expands in linear time when allowed',
    { timeout: FAST },
    async () => {
      const dir = site1Copy();
      writeFileSync(join(dir, 'hosts.yaml'), 'all:\n  children:\n    others:\n      hosts:\n        h[00001:99999]:\n');
      await expectLocated(dir, /names 99999 hosts \(limit 10000 per range; ACP_PLAY_MAX_RANGE_HOSTS/, 'hosts.yaml');
    },
  );
});

describe('every exit-3 message names its file', () => {
  it('no site variable at all points at group_vars/all.yaml', { timeout: FAST }, async () => {
    const dir = site1Copy();
    writeFileSync(join(dir, 'group_vars/all.yaml'), '');
    const lines = await expectLocated(dir, /has a site variable/);
    expect(lines.some((l) => l.startsWith(`${join(dir, 'group_vars/all.yaml')}:1:1: no host of`))).toBe(true);
  });

  it('a Cumulus trunk allowing no VLANs is reported at its allowed_vlans by validate', { timeout: FAST }, async () => {
    const dir = site1Copy();
    const file = join(dir, 'host_vars/switch1.yaml');
    const text = readFileSync(file, 'utf8')
      .replace('platform: cisco_nxos', 'platform: cumulus')
      .replace('      native_vlan: 2000\n      allowed_vlans: 2000-2005', '      allowed_vlans: []');
    writeFileSync(file, text);
    const lines = await expectLocated(dir, /trunk allowing no VLANs/);
    expect(lines[0]).toMatch(/switch1\.yaml:15:22: switch1: port Ethernet1\/48 is a trunk allowing no VLANs/);
  });

  it(
    'an extra interface that redefines an acp-play bridge is reported where it is written',
    { timeout: FAST },
    async () => {
      const dir = site1Copy();
      appendFileSync(join(dir, 'group_vars/nodes.yaml'), '  interfaces:\n    - name: bridge2003\n      type: vlan\n');
      const lines = await expectLocated(dir, /"bridge2003" in node.interfaces is a bridge acp-play creates/);
      expect(lines[0]).toContain(`${join(dir, 'group_vars/nodes.yaml')}:${linesOf('group_vars/nodes.yaml') + 2}:7: `);
    },
  );

  it('a value with a line break cannot split a message line', { timeout: FAST }, async () => {
    const dir = site1Copy();
    const file = join(dir, 'host_vars/node0.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('port: Ethernet1/3}', 'port: "Ethernet1/3\\n"}'));
    const lines = await expectLocated(dir, /Ethernet1\/3\\n/);
    expect(lines.every((l) => /^[^:]+:\d+:\d+: /.test(l))).toBe(true);
  });

  it('a site.vlans list longer than there are VLAN ids is read up to 4094 items, fast', { timeout: FAST }, async () => {
    const dir = site1Copy();
    const items = Array.from(
      { length: 6000 },
      (_, i) => `    - {id: ${(i % 4094) + 1}, name: v${i}, subnet: 10.${i >> 8}.${i & 255}.0/24}\n`,
    );
    const all = readFileSync(join(dir, 'group_vars/all.yaml'), 'utf8');
    writeFileSync(join(dir, 'group_vars/all.yaml'), all.replace('  vlans:\n', `  vlans:\n${items.join('')}`));
    await expectLocated(
      dir,
      /site\.vlans has 6006 items, more than there are VLAN ids \(4094\)/,
      'group_vars/all.yaml',
    );
  });
});

describe("a user's templates", () => {
  it('a FIFO as a template override is a located error, not a hang', { timeout: FAST }, async () => {
    const dir = site1Copy();
    const work = join(dir, '..', 'work');
    mkdirSync(join(work, 'templates/k8s'), { recursive: true });
    execFileSync('mkfifo', [join(work, 'templates/k8s/nad.yaml.njk')]);
    const cwd = process.cwd();
    process.chdir(work);
    try {
      const run = await runCli(['render', dir]);
      expect(run.code, run.err).toBe(3);
      expect(run.err).toContain(`${join(work, 'templates/k8s/nad.yaml.njk')}:1:1: template `);
      expect(run.err).toMatch(/is a FIFO \(named pipe\), not a regular file/);
    } finally {
      process.chdir(cwd);
    }
  });
});
