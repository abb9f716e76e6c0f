import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli-run.js';
import { clientVenv } from '../clients/client-harness.js';
import { DIFFERENTIAL_CASES, NOT_INVENTORIES, type DifferentialCase } from './differential-cases.js';

/**
 * acp-play reads inventories as Ansible does: `acp-play inventory --list` and `--host` against the real
 * `ansible-inventory` of ansible-core 2.19 (the `ansible` 12 package of test/clients/requirements.txt, what a
 * `pip install ansible` gives today) on every inventory of the corpus, with the same groups, the same hosts in the
 * same order, and the same merged variables. Secrets are compared masked (acp-play never prints them), and
 * `_meta.profile` (2.19's name for its JSON encoder) is left out.
 */

const run = promisify(execFile);
const SECRET = /(^|_)(pass|passwd|password|secret)$/i;
const SITE_KEYS = ['site', 'node', 'switch'];

interface AnsibleRun {
  readonly list?: Listing;
  readonly host?: { readonly name: string; readonly vars: Record<string, unknown> };
  readonly stderr: string;
}
type Listing = Record<string, unknown> & { _meta: { hostvars: Record<string, Record<string, unknown>> } };

let ansibleInventory = '';
let home = '';
const reference = new Map<string, AnsibleRun>();

/** Ansible's output with secret-named values masked, as acp-play prints them. */
function masked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(masked);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET.test(k) && v !== null ? '********' : masked(v)]),
  );
}

/** True when every key of `inner` is in `outer` with the same value, maps compared key by key. */
function contains(outer: unknown, inner: unknown): boolean {
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) {
    return JSON.stringify(outer) === JSON.stringify(inner);
  }
  if (outer === null || typeof outer !== 'object' || Array.isArray(outer)) return false;
  const o = outer as Record<string, unknown>;
  return Object.entries(inner).every(([k, v]) => Object.hasOwn(o, k) && contains(o[k], v));
}

/**
 * Equal, except that with `mergesSiteKeys` acp-play merges site, node and switch key by key where Ansible replaces
 * them: there Ansible's value (the highest level's) must be inside acp-play's, and everything else the same.
 */
function expectSame(ours: unknown, theirs: unknown, mergesSiteKeys = false): void {
  if (!mergesSiteKeys) {
    expect(ours).toEqual(theirs);
    return;
  }
  const inside: string[] = [];
  JSON.stringify(theirs, function (this: Record<string, unknown>, key, value: unknown) {
    if (SITE_KEYS.includes(key)) inside.push(key);
    return value;
  });
  expect(inside.length, 'the inventory uses the site keys').toBeGreaterThan(0);
  const siteValues = (l: unknown): Map<string, unknown> => {
    const found = new Map<string, unknown>();
    const walk = (v: unknown, path: string): void => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
      for (const [k, inner] of Object.entries(v)) {
        if (SITE_KEYS.includes(k)) found.set(`${path}.${k}`, inner);
        else walk(inner, `${path}.${k}`);
      }
    };
    walk(l, '');
    return found;
  };
  const oursSite = siteValues(ours);
  for (const [path, value] of siteValues(theirs)) expect(contains(oursSite.get(path), value), path).toBe(true);
  const without = (l: unknown) =>
    JSON.parse(JSON.stringify(l, (k, v: unknown) => (SITE_KEYS.includes(k) ? undefined : v))) as unknown;
  expect(without(ours)).toEqual(without(theirs));
}

async function ansible(c: DifferentialCase, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const vault = c.vaultPasswordFile ? ['--vault-password-file', resolve(c.vaultPasswordFile)] : [];
  return run(ansibleInventory, ['-i', resolve(c.path), ...vault, ...args], {
    cwd: home,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      ANSIBLE_HOME: join(home, '.ansible'),
      ANSIBLE_CONFIG: join(home, 'ansible.cfg'),
      ANSIBLE_NOCOLOR: '1',
      ANSIBLE_DEPRECATION_WARNINGS: 'False',
      LC_ALL: 'C.UTF-8',
    },
  });
}

/** The first host Ansible lists, group by group in its order. */
function firstHost(list: Listing): string | undefined {
  for (const [name, group] of Object.entries(list)) {
    if (name === '_meta') continue;
    const hosts = (group as { hosts?: string[] }).hosts;
    if (hosts?.[0]) return hosts[0];
  }
  return undefined;
}

async function referenceRun(c: DifferentialCase): Promise<AnsibleRun> {
  const { stdout, stderr } = await ansible(c, '--list');
  if (c.bothRefuse) return { stderr };
  const list = JSON.parse(stdout) as Listing;
  delete (list._meta as { profile?: string }).profile;
  const name = firstHost(list);
  if (name === undefined) return { list, stderr };
  const host = JSON.parse((await ansible(c, '--host', name)).stdout) as Record<string, unknown>;
  return { list, host: { name, vars: host }, stderr };
}

async function acpPlay(c: DifferentialCase, ...args: string[]) {
  const vault = c.vaultPasswordFile ? ['--vault-password-file', c.vaultPasswordFile] : [];
  return runCli(['inventory', c.path, ...vault, ...args]);
}

beforeAll(async () => {
  ansibleInventory = join(await clientVenv(), 'bin', 'ansible-inventory');
  home = mkdtempSync(join(tmpdir(), 'acp-differential-'));
  writeFileSync(join(home, 'ansible.cfg'), '');
  const limit = pLimit(2);
  await Promise.all(DIFFERENTIAL_CASES.map((c) => limit(async () => reference.set(c.path, await referenceRun(c)))));
}, 900_000);

afterAll(() => {
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('acp-play inventory against the real ansible-inventory', () => {
  it('is ansible-core 2.19, the Ansible users run today', async () => {
    const { stdout } = await run(ansibleInventory, ['--version'], { cwd: home });
    expect(stdout.split('\n')[0]).toMatch(/^ansible-inventory \[core 2\.19\.\d+\]$/);
  });

  it('covers every inventory of the corpus', () => {
    const manifest = readFileSync('test/fixtures/ansible-inventory/MANIFEST.tsv', 'utf8').split('\n').slice(1);
    const covered = DIFFERENTIAL_CASES.map((c) => c.path.replace('test/fixtures/ansible-inventory/', ''));
    const missing = manifest
      .filter(Boolean)
      .map((line) => line.split('\t')[0]!)
      .filter((file) => !NOT_INVENTORIES.includes(file))
      .filter((file) => !covered.some((p) => file === p || file.startsWith(`${p}/`)));
    expect(missing).toEqual([]);
  });

  it.each(DIFFERENTIAL_CASES.map((c) => [c.path, c] as const))('%s', async (_path, c) => {
    const ref = reference.get(c.path)!;
    const listed = await acpPlay(c, '--list');
    if (c.bothRefuse) {
      expect(ref.stderr).toContain(`Unable to parse ${resolve(c.path)} as an inventory source`);
      expect(listed.code).toBe(3);
      expect(listed.err).toMatch(c.bothRefuse);
      return;
    }
    if (c.acpPlayRefuses) {
      expect(ref.list && Object.keys(ref.list._meta.hostvars).length).toBeGreaterThan(0);
      expect(listed.code).toBe(3);
      expect(listed.err).toMatch(c.acpPlayRefuses.message);
      return;
    }
    expect(listed.err.match(/^.*: error: .*$/gm) ?? [], 'acp-play prints no error').toEqual([]);
    expect(listed.code).toBe(0);
    const ours = JSON.parse(listed.out) as Listing;
    expectSame(ours, masked(ref.list), c.mergesSiteKeys);
    if (ref.host) {
      const shown = await acpPlay(c, '--host', ref.host.name);
      expect(shown.code).toBe(0);
      expectSame(JSON.parse(shown.out), masked(ref.host.vars), c.mergesSiteKeys);
    }
  });
});
