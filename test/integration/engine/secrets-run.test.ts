// requires root: creates a test user and sudoers entry
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_SITE_YAML } from '../../../packages/lab/src/site/site-lab-inventory.js';
import { startSimulator } from '../../../packages/lab/src/sim/start-simulator.js';
import type { SimulatorHandle } from '../../../packages/lab/src/sim/sim-types.js';
import { encryptVault } from '../../../src/transport/vault.js';
import {
  hasSshd,
  isRoot,
  PASSWORD_USER,
  ROOT_SKIP_REASON,
  startSshd,
  stopAllSshd,
  TEST_PASSWORD,
  type SshdHost,
} from '../helpers/sshd-host.js';
import { runCli, type CliRun } from './cli-harness.js';

// A run whose every credential comes from Ansible Vault: the switch's login password and enable secret, and a Linux
// host's login and sudo password (sent to sudo for a `become` file task). Plan --out, apply PLANFILE, plan --json,
// runs --show: neither secret may appear in anything the runs printed or wrote.
const VAULT_PASSWORD = 'change window vault';
const LOGIN = `Login-${randomBytes(6).toString('hex')}`;
const ENABLE = `Enable-${randomBytes(6).toString('hex')}`;
const SECRETS = [LOGIN, ENABLE, TEST_PASSWORD];

function vaulted(value: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return `!vault |\n${encryptVault(value, VAULT_PASSWORD)
    .trim()
    .split('\n')
    .map((l) => `${pad}${l}`)
    .join('\n')}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.skipIf(!(isRoot && hasSshd))(`a run with vaulted passwords and an enable secret (${ROOT_SKIP_REASON})`, () => {
  let sim: SimulatorHandle;
  let linux: SshdHost;
  let cwd: string;
  const runs: CliRun[] = [];
  const cli = async (...args: string[]): Promise<CliRun> => {
    const r = await runCli([...args, '--vault-password-file', 'vault-password'], cwd);
    runs.push(r);
    return r;
  };

  beforeAll(async () => {
    sim = await startSimulator({
      platform: 'cisco_nxos',
      hostname: 'switch1',
      users: [{ username: 'admin', password: LOGIN, privilege: 15 }],
      enableSecret: ENABLE,
    });
    linux = await startSshd({ passwordAuth: true });
    cwd = mkdtempSync(join(tmpdir(), 'acp-secrets-run-'));
    const inv = join(cwd, 'inventory');
    mkdirSync(join(inv, 'group_vars'), { recursive: true });
    mkdirSync(join(inv, 'host_vars'), { recursive: true });
    writeFileSync(join(cwd, 'vault-password'), `${VAULT_PASSWORD}\n`);
    writeFileSync(
      join(inv, 'hosts.yaml'),
      [
        'all:',
        '  children:',
        '    switches:',
        `      hosts: {switch1: {address: 127.0.0.1, port: ${sim.port}}}`,
        '    linux:',
        `      hosts: {h0: {address: 127.0.0.1, port: ${linux.port}, workdir: ${join(linux.dir, 'work')}}}`,
        '',
      ].join('\n'),
    );
    writeFileSync(join(inv, 'group_vars', 'all.yaml'), LAB_SITE_YAML);
    writeFileSync(
      join(inv, 'host_vars', 'switch1.yaml'),
      [
        'platform: cisco_nxos',
        'user: admin',
        `ansible_password: ${vaulted(LOGIN, 2)}`,
        'ansible_become: true',
        'ansible_become_method: enable',
        `ansible_become_password: ${vaulted(ENABLE, 2)}`,
        'switch:',
        '  save: false',
        '  ports:',
        '    Ethernet1/3: {description: node0-virtualization, mode: trunk, allowed_vlans: 2003-2005}',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(inv, 'host_vars', 'h0.yaml'),
      [
        `user: ${PASSWORD_USER}`,
        `ansible_password: ${vaulted(TEST_PASSWORD, 2)}`,
        `ansible_become_password: ${vaulted(TEST_PASSWORD, 2)}`,
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(inv, 'known_hosts'),
      `[127.0.0.1]:${sim.port} ${sim.hostKeyPublic}\n[127.0.0.1]:${linux.port} ${linux.hostKeyPub}\n`,
    );
    mkdirSync(join(cwd, 'playbooks'));
    writeFileSync(
      join(cwd, 'playbooks', 'site.yaml'),
      [
        '- {name: Switch VLAN definitions, hosts: switches, tasks: [{name: VLANs, module: switch_vlans}]}',
        '- {name: Switch ports, hosts: switches, tasks: [{name: Ports, module: switch_ports}]}',
        '- name: Files',
        '  hosts: linux',
        '  tasks:',
        '    - name: motd, written as root',
        '      module: file',
        '      args: {content: "hello from {{ inventory_hostname }}\\n", dest: "{{ workdir }}/motd", become: true}',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await sim?.close();
    await stopAllSshd();
  });

  it('plans, saves, applies and reports without any of them in output, plan, JSON or run record', async () => {
    const plan = await cli('plan', 'inventory', '--out', 'site.plan', '--detailed-exitcode');
    expect(plan.code, `${plan.stdout}\n${plan.stderr}`).toBe(2);
    const apply = await cli('apply', 'site.plan', '--yes', '--json');
    expect(apply.code, `${apply.stdout}\n${apply.stderr}`).toBe(0);
    expect(JSON.parse(apply.stdout).hosts.map((h: { status: string }) => h.status)).toEqual(['changed', 'changed']);
    expect(statSync(join(linux.dir, 'work', 'motd')).uid).toBe(0); // sudo really took the vaulted password
    const after = await cli('plan', 'inventory', '--json', '--detailed-exitcode');
    expect(after.code, after.stderr).toBe(0);
    runs.push(await runCli(['runs', '--show', 'last'], cwd));

    // Everything the runs wrote: their output, the plan file, the run records with the transcripts.
    const written = filesUnder(cwd).filter(
      (f) => !f.startsWith(join(cwd, 'inventory')) && !f.endsWith('vault-password'),
    );
    expect(written.map((f) => relative(cwd, f))).toEqual(
      expect.arrayContaining(['site.plan', expect.stringMatching(/^\.acp-play\/runs\/.*\/switch1\.log$/)]),
    );
    const texts = [...runs.flatMap((r) => [r.stdout, r.stderr]), ...written.map((f) => readFileSync(f, 'utf8'))];
    expect(texts.join('\n')).toContain('switchport trunk allowed vlan 2003-2005'); // the grep looks at real output
    for (const secret of SECRETS) expect(texts.filter((t) => t.includes(secret))).toEqual([]);
  }, 120_000);
});
