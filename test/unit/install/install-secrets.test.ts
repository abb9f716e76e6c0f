import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { readInstallSecrets } from '../../../src/install/install-secrets.js';
import type { ClusterModel, SecretSource } from '../../../src/core/day0.js';
import { encryptVault } from '../../../src/transport/vault.js';
import { VaultKeyring } from '../../../src/transport/vault-keyring.js';

const PULL = '{"auths":{"cloud.openshift.com":{"auth":"c2VjcmV0LXB1bGwtdG9rZW4=","email":"ops@example.com"}}}';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPublicKeyOfTheSiteOperator ops@example.com';
const VAULT_PASSWORD = 'correct horse battery staple';

const dir = mkdtempSync(join(tmpdir(), 'acp-install-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const where = { file: 'inventories/edge/group_vars/all.yaml', line: 9, col: 22 };

function cluster(pull: SecretSource, ssh: SecretSource): ClusterModel {
  const ref = (what: string, key: string, source: SecretSource) => ({ what, key, source, location: where });
  return {
    pullSecret: ref('pull secret', 'site.cluster.pull_secret_x', pull),
    sshKey: ref('SSH key', 'site.cluster.ssh_key_x', ssh),
  } as unknown as ClusterModel;
}

const passwordFile = join(dir, 'vault-pass');
writeFileSync(passwordFile, `${VAULT_PASSWORD}\n`);
const keyring = () => new VaultKeyring({ passwordFile, env: {} });

function read(pull: SecretSource, ssh: SecretSource, env: NodeJS.ProcessEnv = {}) {
  return readInstallSecrets(cluster(pull, ssh), { keyring: keyring(), env, baseDir: dir });
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError');
}

describe('readInstallSecrets', () => {
  it('reads an environment variable and a file relative to the inventory, trimmed', () => {
    writeFileSync(join(dir, 'id.pub'), `${KEY}\n`);
    const { secrets, warnings } = read({ kind: 'env', name: 'PULL' }, { kind: 'file', path: 'id.pub' }, { PULL });
    expect(secrets.pullSecret.reveal()).toBe(PULL);
    expect(secrets.sshKey.reveal()).toBe(KEY);
    expect(warnings).toEqual([]);
    expect(String(secrets.pullSecret)).toBe('********');
    expect(JSON.stringify(secrets)).not.toContain('c2VjcmV0');
  });

  it('decrypts a whole-file vault and an inline !vault value', () => {
    writeFileSync(join(dir, 'pull-secret.vault'), encryptVault(PULL, VAULT_PASSWORD));
    const { secrets } = read(
      { kind: 'file', path: 'pull-secret.vault' },
      { kind: 'vault', text: encryptVault(KEY, VAULT_PASSWORD) },
    );
    expect(secrets.pullSecret.reveal()).toBe(PULL);
    expect(secrets.sshKey.reveal()).toBe(KEY);
  });

  it('a wrong vault password is a located error that shows neither secret nor password', () => {
    const error = errorOf(() =>
      read({ kind: 'vault', text: encryptVault(PULL, 'another password') }, { kind: 'env', name: 'K' }, { K: KEY }),
    );
    expect(error.problems[0]!.location).toEqual(where);
    expect(error.message).toContain('cannot decrypt Ansible Vault data');
    expect(error.message).not.toContain(VAULT_PASSWORD);
    expect(error.message).not.toContain('c2VjcmV0');
  });

  it('an unset variable names the variable and the inventory key', () => {
    const error = errorOf(() => read({ kind: 'env', name: 'ACP_PLAY_PULL_SECRET' }, { kind: 'env', name: 'K' }));
    expect(error.problems[0]).toMatchObject({
      location: where,
      message: expect.stringContaining('names ACP_PLAY_PULL_SECRET, which is not set'),
      fix: expect.stringContaining('export ACP_PLAY_PULL_SECRET'),
    });
  });

  it('a missing file says which file, an empty one that it is empty', () => {
    const missing = errorOf(() => read({ kind: 'file', path: 'nope.json' }, { kind: 'env', name: 'K' }, { K: KEY }));
    expect(missing.message).toContain(`cannot read the pull secret from ${join(dir, 'nope.json')}`);
    writeFileSync(join(dir, 'empty'), '\n');
    const empty = errorOf(() => read({ kind: 'file', path: 'empty' }, { kind: 'env', name: 'K' }, { K: KEY }));
    expect(empty.message).toContain('the pull secret from file empty is empty');
  });

  it('refuses a private key where the public key belongs, without printing it', () => {
    const privateKey =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    const error = errorOf(() =>
      read({ kind: 'env', name: 'P' }, { kind: 'env', name: 'K' }, { P: PULL, K: privateKey }),
    );
    expect(error.message).toContain('is a private key');
    expect(error.message).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA');
  });

  it('warns, without the values, when they do not look like a pull secret and a public key', () => {
    const { warnings } = read({ kind: 'env', name: 'P' }, { kind: 'env', name: 'K' }, { P: 'hunter2', K: 'hunter3' });
    expect(warnings.map((w) => w.message)).toEqual([
      'the pull secret (env P) is not JSON with an "auths" key, which openshift-install requires',
      'the SSH key (env K) does not look like an OpenSSH public key (ssh-ed25519 AAAA...)',
    ]);
    expect(JSON.stringify(warnings)).not.toMatch(/hunter/);
  });
});
