import type { SourceLocation } from '../core/errors.js';
import { ConfigError } from '../core/errors.js';
import type { Host, ValueOrigin } from '../core/inventory.js';
import { Secret } from './secret.js';
import { decryptVaultAt, type VaultKeyring } from './vault-keyring.js';
import { vaultTextOf } from './vault.js';

export { Secret, SECRET_MASK } from './secret.js';

/** Which credential: the login password or the sudo (become) password. */
export type HostSecretKind = 'password' | 'become_password';

/** Variable names per kind, acp-play's own first, then Ansible's aliases; and the `*_env` indirection. */
const KEYS: Readonly<Record<HostSecretKind, { values: readonly string[]; env: string }>> = {
  password: { values: ['password', 'ansible_password', 'ansible_ssh_pass'], env: 'password_env' },
  become_password: {
    values: ['become_password', 'ansible_become_password', 'ansible_become_pass'],
    env: 'become_password_env',
  },
};

/** What resolving a secret needs: the environment, the vault password, and the inventory's locator. */
export interface SecretContext {
  readonly env?: NodeJS.ProcessEnv;
  readonly keyring: VaultKeyring;
  /** `inventory.locate`: turns a variable's origin into file:line:col for error messages. */
  readonly locate: (origin: ValueOrigin) => SourceLocation;
}

/**
 * A host's password, or undefined when it has none (key authentication). `password_env: VAR` reads the
 * environment variable VAR; `password: !vault |` is decrypted with the vault password; a plain `password` is
 * taken as written. Errors (unset variable, wrong vault password) point at the inventory line.
 */
export function resolveHostSecret(host: Host, kind: HostSecretKind, ctx: SecretContext): Secret | undefined {
  const keys = KEYS[kind];
  const where = (key: string): SourceLocation => {
    const origin = host.origins[key];
    return origin ? ctx.locate(origin) : { file: `host ${host.name}`, line: 1, col: 1 };
  };
  const envName = host.vars[keys.env];
  if (envName !== undefined) {
    if (typeof envName !== 'string' || envName === '') {
      throw new ConfigError({
        severity: 'error',
        location: where(keys.env),
        message: `${keys.env} must name an environment variable`,
      });
    }
    const value = (ctx.env ?? process.env)[envName];
    if (value === undefined || value === '') {
      const fix = `export ${envName}=… before running, or remove ${keys.env}`;
      throw new ConfigError({
        severity: 'error',
        location: where(keys.env),
        message: `${host.name}: ${keys.env} names ${envName}, which is not set`,
        fix,
      });
    }
    return new Secret(value, `env ${envName}`);
  }
  for (const key of keys.values) {
    // The inventory resolves the login password's aliases into host.password; vars still say which key set it.
    const value = kind === 'password' && host.password !== undefined ? host.password : host.vars[key];
    if (value === undefined || value === null) continue;
    if (value instanceof Secret) return value;
    const vaultText = vaultTextOf(value);
    if (vaultText !== undefined) return decryptVaultAt(vaultText, ctx.keyring, where(key));
    if (typeof value === 'string' || typeof value === 'number')
      return new Secret(String(value), `${key} in the inventory`);
    throw new ConfigError({
      severity: 'error',
      location: where(key),
      message: `${key} must be a string or a !vault value`,
    });
  }
  return undefined;
}
