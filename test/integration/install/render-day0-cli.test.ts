import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptVault } from '../../../src/transport/vault.js';

/** Day-0 rendering through the real, compiled CLI (bin/acp-play.js -> dist/). */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/acp-play.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ACP_PLAY_PULL_SECRET: '', ACP_PLAY_SSH_KEY: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const work = mkdtempSync(join(tmpdir(), 'acp-render-day0-'));
beforeAll(() => {
  spawnSync(join('node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { stdio: 'ignore' });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const root = 'test/fixtures/bad-inventories';
const day0Cases = readdirSync(root)
  .filter((name) => name.startsWith('day0-'))
  .map((name) => ({
    name,
    dir: join(root, name),
    expected: JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as {
      message: string;
      file: string;
      line: number;
      col: number;
      stage?: 'render';
    },
  }));

describe('acp-play render: day-0 input errors', () => {
  it('has a case for every day-0 rule the issue lists', () => {
    expect(day0Cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'day0-mac-missing',
        'day0-mac-duplicate',
        'day0-address-duplicate',
        'day0-rendezvous-not-a-node',
        'day0-machine-network-outside',
        'day0-cluster-vlan-not-carried',
      ]),
    );
  });

  it.each(day0Cases)('$name: exit 3 with file:line:col before anything is written', ({ dir, expected }) => {
    const env = { ACP_PLAY_PULL_SECRET: '{"auths":{}}', ACP_PLAY_SSH_KEY: 'ssh-ed25519 AAAAC3Nz ops' };
    const out = join(work, `out-${expected.line}-${expected.col}-${dir.replace(/\W/g, '')}`);
    const render = cli(['render', dir, '--out', out], env);
    const where = `${join(dir, expected.file)}:${expected.line}:${expected.col}: `;
    expect(render.code, render.stderr).toBe(3);
    expect(render.stdout).toBe('');
    expect(existsSync(out), 'render wrote nothing').toBe(false);
    const line = render.stderr.split('\n').find((l) => l.includes(expected.message));
    expect(line, render.stderr).toBeDefined();
    expect(line!.startsWith(where)).toBe(true);
    expect(line).toContain(' — ');
    const validate = cli(['validate', dir], env);
    if (expected.stage === 'render') {
      // Still to fill in: the site is valid, validate says what render will need.
      expect(validate.code).toBe(0);
      expect(validate.stderr).toContain(`${where}warning: `);
    } else {
      expect(validate.code).toBe(3);
      expect(validate.stderr.split('\n').some((l) => l.startsWith(where) && l.includes(expected.message))).toBe(true);
    }
  });
});

describe('acp-play render: the pull secret and SSH key', () => {
  // Distinct values that cannot occur anywhere by chance.
  const pull = `{"auths":{"cloud.openshift.com":{"auth":"UFVMTC1${Date.now()}-c2VjcmV0","email":"ops@example.com"}}}`;
  const pullMarker = `UFVMTC1${pull.split('UFVMTC1')[1]!.split('"')[0]}`;
  const key = `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${Date.now()}SSHKEYMARKER ops@example.com`;
  const keyMarker = key.split(' ')[1]!;

  function expectClean(text: string, what: string): void {
    expect(text.includes(pullMarker), `${what} holds the pull secret`).toBe(false);
    expect(text.includes(keyMarker), `${what} holds the SSH key`).toBe(false);
  }

  it('writes them only into install/install-config.yaml (mode 0600), never printed, never in the inventory', () => {
    const out = join(work, 'site1-out');
    const env = { ACP_PLAY_PULL_SECRET: pull, ACP_PLAY_SSH_KEY: key };
    const runs = {
      'render --out': cli(['render', 'inventories/site1', '--out', out], env),
      render: cli(['render', 'inventories/site1'], env),
      validate: cli(['validate', 'inventories/site1'], env),
      'inventory --list': cli(['inventory', 'inventories/site1', '--list'], env),
    };
    for (const [name, r] of Object.entries(runs)) {
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expectClean(r.stdout, `stdout of ${name}`);
      expectClean(r.stderr, `stderr of ${name}`);
    }
    expect(runs.render.stdout).toContain('pullSecret: "********"');
    const written = runs['render --out'].stdout.trim().split('\n');
    expect(written).toContain(join(out, 'install/install-config.yaml'));
    const installConfig = join(out, 'install/install-config.yaml');
    for (const file of filesUnder(out).filter((f) => f !== installConfig))
      expectClean(readFileSync(file, 'utf8'), file);
    for (const file of filesUnder('inventories/site1')) expectClean(readFileSync(file, 'utf8'), file);
    const text = readFileSync(installConfig, 'utf8');
    expect(text).toContain(pullMarker);
    expect(text).toContain(keyMarker);
    expect(statSync(installConfig).mode & 0o777).toBe(0o600);
  });

  it('rewrites an existing install-config.yaml as a new 0600 file', () => {
    const out = join(work, 'site1-rewrite');
    const env = { ACP_PLAY_PULL_SECRET: pull, ACP_PLAY_SSH_KEY: key };
    expect(cli(['render', 'inventories/site1', '--out', out, '--no-install'], env).code).toBe(0);
    cpSync(join(out, 'k8s/nad-vlan2003.yaml'), join(out, 'install/install-config.yaml'), { mode: 0 });
    expect(cli(['render', 'inventories/site1', '--out', out], env).code).toBe(0);
    expect(statSync(join(out, 'install/install-config.yaml')).mode & 0o777).toBe(0o600);
  });

  it('reads them from Ansible Vault: an inline !vault value and a vault-encrypted file', () => {
    const inv = join(work, 'vaulted');
    cpSync('inventories/site1', inv, { recursive: true });
    const password = join(work, 'vault-password');
    writeFileSync(password, 'site vault password\n');
    writeFileSync(join(inv, 'ssh-key.pub.vault'), encryptVault(key, 'site vault password'));
    const all = join(inv, 'group_vars', 'all.yaml');
    const vaulted = encryptVault(pull, 'site vault password')
      .trim()
      .split('\n')
      .map((l) => `      ${l}`)
      .join('\n');
    writeFileSync(
      all,
      readFileSync(all, 'utf8')
        .replace('pull_secret_env: ACP_PLAY_PULL_SECRET', `pull_secret: !vault |\n${vaulted}`)
        .replace('ssh_key_env: ACP_PLAY_SSH_KEY', 'ssh_key_file: ssh-key.pub.vault'),
    );
    const out = join(work, 'vaulted-out');
    const noPassword = cli(['render', inv, '--out', out]);
    expect(noPassword.code).toBe(3);
    expect(noPassword.stderr).toContain('no vault password was given');
    expect(existsSync(out)).toBe(false);
    const r = cli(['render', inv, '--out', out, '--vault-password-file', password]);
    expect(r.code, r.stderr).toBe(0);
    expectClean(r.stdout + r.stderr, 'render output');
    for (const file of filesUnder(inv)) expectClean(readFileSync(file, 'utf8'), relative(work, file));
    const text = readFileSync(join(out, 'install/install-config.yaml'), 'utf8');
    expect(text).toContain(pullMarker);
    expect(text).toContain(keyMarker);
  });
});
