import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError, type Problem } from '../core/errors.js';
import type { ClusterModel, SecretRef } from '../core/day0.js';
import { Secret } from '../transport/secret.js';
import { decryptVaultAt, readVaultedFile, type VaultKeyring } from '../transport/vault-keyring.js';

/** What reading the install secrets needs. */
export interface InstallSecretContext {
  readonly keyring: VaultKeyring;
  /** Default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Relative `*_file` paths are read from here (the inventory directory). */
  readonly baseDir: string;
}

/** The two secrets install-config.yaml holds, as Secrets (printing one shows `********`). */
export interface InstallSecrets {
  readonly pullSecret: Secret;
  readonly sshKey: Secret;
}

/**
 * Reads the pull secret and the SSH key from where `site.cluster` says (environment, file, Ansible Vault). Errors
 * and warnings name the inventory key and the source, never the value.
 */
export function readInstallSecrets(
  cluster: ClusterModel,
  ctx: InstallSecretContext,
): { secrets: InstallSecrets; warnings: Problem[] } {
  if (!cluster.pullSecret || !cluster.sshKey)
    throw new ConfigError({ severity: 'error', message: 'site.cluster has no pull secret or SSH key source' });
  const pullSecret = readSecret(cluster.pullSecret, ctx);
  const sshKey = readSecret(cluster.sshKey, ctx);
  const warnings: Problem[] = [];
  const warn = (ref: SecretRef, message: string, fix: string) =>
    warnings.push({ severity: 'warning', ...(ref.location ? { location: ref.location } : {}), message, fix });
  if (!hasAuths(pullSecret.reveal()))
    warn(
      cluster.pullSecret,
      `the pull secret (${pullSecret.source}) is not JSON with an "auths" key, which openshift-install requires`,
      'use the pull secret downloaded from console.redhat.com/openshift/install/pull-secret',
    );
  const key = sshKey.reveal();
  if (/PRIVATE KEY/.test(key))
    throw new ConfigError({
      severity: 'error',
      ...(cluster.sshKey.location ? { location: cluster.sshKey.location } : {}),
      message: `the SSH key (${sshKey.source}) is a private key; install-config.yaml takes the public key`,
      fix: 'point it at the .pub file (e.g. ~/.ssh/id_ed25519.pub)',
    });
  if (!/^(ssh-|ecdsa-|sk-)\S+ \S+/.test(key))
    warn(
      cluster.sshKey,
      `the SSH key (${sshKey.source}) does not look like an OpenSSH public key (ssh-ed25519 AAAA...)`,
      'use the contents of a .pub file',
    );
  return { secrets: { pullSecret, sshKey }, warnings };
}

function readSecret(ref: SecretRef, ctx: InstallSecretContext): Secret {
  const fail = (message: string, fix: string): never => {
    throw new ConfigError({ severity: 'error', ...(ref.location ? { location: ref.location } : {}), message, fix });
  };
  let secret: Secret;
  switch (ref.source.kind) {
    case 'env': {
      const name = ref.source.name;
      const value = (ctx.env ?? process.env)[name];
      if (value === undefined || value.trim() === '')
        fail(
          `${ref.key} names ${name}, which is not set, so the ${ref.what} is missing`,
          `export ${name} before running render (its value is written only into install/install-config.yaml)`,
        );
      secret = new Secret(value!, `env ${name}`);
      break;
    }
    case 'file': {
      const file = expandPath(ref.source.path, ctx.baseDir);
      try {
        secret = new Secret(readVaultedFile(file, ctx.keyring).text, `file ${ref.source.path}`);
      } catch (error) {
        if (error instanceof ConfigError) throw error;
        const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
        fail(
          `cannot read the ${ref.what} from ${file} (${ref.key}): ${code}`,
          `create the file, or correct ${ref.key} (relative paths are read from the inventory directory)`,
        );
      }
      break;
    }
    case 'vault':
      secret = decryptVaultAt(ref.source.text, ctx.keyring, ref.location ?? { file: ref.key, line: 1, col: 1 });
      break;
  }
  const text = secret!.reveal().trim();
  if (text === '') fail(`the ${ref.what} from ${secret!.source} is empty`, `give ${ref.key} a source that holds it`);
  return new Secret(text, secret!.source);
}

function expandPath(path: string, baseDir: string): string {
  const home = path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
  return isAbsolute(home) ? home : resolve(baseDir, home);
}

function hasAuths(text: string): boolean {
  try {
    const data = JSON.parse(text) as unknown;
    return data !== null && typeof data === 'object' && 'auths' in data;
  } catch {
    return false;
  }
}
