import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorLines, removeSite1Copies, runCli, site1Copy } from '../../helpers/cli-run.js';
import { loadPlaybook } from '../../../src/playbook/load-playbook.js';
import { clientVenv } from '../clients/client-harness.js';

/**
 * Ansible habits judged by the real Ansible (ansible-core 2.19 of the client venv): group_vars and host_vars
 * encrypted whole by the real `ansible-vault` are read by acp-play as by Ansible, and the playbook of Ansible's
 * task forms that acp-play reads (test/fixtures/playbooks/ansible-habits.yaml) passes ansible-playbook's check.
 */

const run = promisify(execFile);
const VAULTED = ['group_vars/nodes.yaml', 'host_vars/switch1.yaml'];
const PLAYBOOK = 'test/fixtures/playbooks/ansible-habits.yaml';

let bin = '';
let home = '';
let site = '';
let passwordFile = '';

function ansible(tool: string, args: readonly string[]) {
  return run(join(bin, tool), args, {
    cwd: home,
    env: { PATH: process.env.PATH ?? '', HOME: home, ANSIBLE_CONFIG: join(home, 'ansible.cfg'), LC_ALL: 'C.UTF-8' },
  });
}

beforeAll(async () => {
  bin = join(await clientVenv(), 'bin');
  home = mkdtempSync(join(tmpdir(), 'acp-habits-'));
  writeFileSync(join(home, 'ansible.cfg'), '');
  passwordFile = join(home, 'vault-password');
  writeFileSync(passwordFile, 'habits-test-password\n');
  site = site1Copy();
  await ansible('ansible-vault', [
    'encrypt',
    '--vault-password-file',
    passwordFile,
    ...VAULTED.map((f) => join(site, f)),
  ]);
}, 900_000);

afterAll(() => {
  removeSite1Copies();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('group_vars and host_vars encrypted whole by ansible-vault', () => {
  it('are vault files', () => {
    for (const file of VAULTED)
      expect(readFileSync(join(site, file), 'utf8')).toMatch(/^\$ANSIBLE_VAULT;1\.1;AES256\n/);
  });

  it('are decrypted with --vault-password-file, giving the same values as Ansible', async () => {
    expect((await runCli(['validate', site, '--vault-password-file', passwordFile])).code).toBe(0);
    for (const host of ['node0', 'switch1']) {
      const ours = await runCli(['inventory', site, '--vault-password-file', passwordFile, '--host', host]);
      expect(ours.code).toBe(0);
      const theirs = await ansible('ansible-inventory', [
        '-i',
        site,
        '--vault-password-file',
        passwordFile,
        '--host',
        host,
      ]);
      // acp-play merges `node` key by key over group_vars and host_vars where Ansible takes the host's: Ansible's
      // value is inside acp-play's, and everything else is equal.
      const { node: ourNode, ...ourVars } = JSON.parse(ours.out) as Record<string, object>;
      const { node: theirNode, ...theirVars } = JSON.parse(theirs.stdout) as Record<string, object>;
      expect(ourVars).toEqual(theirVars);
      if (theirNode !== undefined) expect(ourNode).toMatchObject(theirNode);
    }
    const node0 = await runCli(['inventory', site, '--vault-password-file', passwordFile, '--host', 'node0']);
    expect(JSON.parse(node0.out)).toMatchObject({ platform: 'nmstate', node: { trunk_nic: 'enp4s0f0' } });
  });

  it('without the password are invalid input naming the file and the fix', async () => {
    const refused = await runCli(['validate', site]);
    expect(refused.code).toBe(3);
    const lines = errorLines(refused);
    for (const file of VAULTED) {
      expect(lines.some((l) => l.startsWith(`${join(site, file)}:1:1: `) && l.includes('--vault-password-file'))).toBe(
        true,
      );
    }
  });
});

describe("Ansible's task forms", () => {
  it('are a playbook ansible-playbook accepts', async () => {
    const { stdout } = await ansible('ansible-playbook', [
      '--syntax-check',
      '-i',
      site,
      '--vault-password-file',
      passwordFile,
      resolve(PLAYBOOK),
    ]);
    expect(stdout).toContain('playbook: ');
    const ours = await loadPlaybook(PLAYBOOK);
    expect(ours.plays[0]!.tasks.map((t) => t.module)).toEqual(Array(6).fill('command'));
  });
});
