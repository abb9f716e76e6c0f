import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { ConfigError, type SourceLocation } from '../core/errors.js';
import { Secret } from './secret.js';
import { decryptVault, isVaultText, VaultError } from './vault.js';

/** Where the vault password may come from; the first one set wins. */
export interface VaultPasswordOptions {
  /** `--vault-password-file FILE`. */
  readonly passwordFile?: string;
  /** Environment to read ACP_PLAY_VAULT_PASSWORD_FILE, ANSIBLE_VAULT_PASSWORD_FILE, ACP_PLAY_VAULT_PASSWORD from. */
  readonly env?: NodeJS.ProcessEnv;
}

const HOW_TO_GIVE =
  'pass --vault-password-file FILE, or set ACP_PLAY_VAULT_PASSWORD_FILE (or ANSIBLE_VAULT_PASSWORD_FILE) or ACP_PLAY_VAULT_PASSWORD';

/**
 * The vault password, read lazily: an inventory with no vaulted value never needs it. Like ansible, a password
 * file that is executable is run and its stdout used; otherwise the file's text with surrounding whitespace
 * removed.
 */
export class VaultKeyring {
  #password: Secret | undefined;
  readonly #opts: VaultPasswordOptions;

  constructor(opts: VaultPasswordOptions = {}) {
    this.#opts = opts;
  }

  /** True when some password source is configured. */
  isConfigured(): boolean {
    const env = this.#opts.env ?? process.env;
    return Boolean(
      this.#opts.passwordFile ??
      env.ACP_PLAY_VAULT_PASSWORD_FILE ??
      env.ANSIBLE_VAULT_PASSWORD_FILE ??
      env.ACP_PLAY_VAULT_PASSWORD,
    );
  }

  /** The password; `needed` is where vault text was met, for the error when no password is configured. */
  password(needed: SourceLocation): Secret {
    this.#password ??= this.#load(needed);
    return this.#password;
  }

  #load(needed: SourceLocation): Secret {
    const env = this.#opts.env ?? process.env;
    const file = this.#opts.passwordFile ?? env.ACP_PLAY_VAULT_PASSWORD_FILE ?? env.ANSIBLE_VAULT_PASSWORD_FILE;
    if (file) return new Secret(readPasswordFile(file), `vault password file ${file}`);
    const text = env.ACP_PLAY_VAULT_PASSWORD;
    if (text) return new Secret(text, 'env ACP_PLAY_VAULT_PASSWORD');
    throw new ConfigError({
      severity: 'error',
      location: needed,
      message: 'this is Ansible Vault encrypted, but no vault password was given',
      fix: HOW_TO_GIVE,
    });
  }
}

function readPasswordFile(file: string): string {
  const problem = (message: string, fix?: string) =>
    new ConfigError({ severity: 'error', location: { file, line: 1, col: 1 }, message, ...(fix ? { fix } : {}) });
  let text: string;
  try {
    if (isExecutable(file)) {
      text = execFileSync(file, [], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 }).replace(
        /^[\r\n]+|[\r\n]+$/g,
        '',
      );
    } else {
      text = readFileSync(file, 'utf8').trim();
    }
  } catch (error) {
    // Never include a script's output: it may be the password.
    throw problem(
      `cannot read the vault password file: ${(error as NodeJS.ErrnoException).code ?? 'the script failed'}`,
    );
  }
  if (text === '') throw problem('the vault password file is empty');
  return text;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decrypts vault text found at `where` (a whole file: line 1; an inline `!vault` value: its position), turning
 * failures into a ConfigError that names the place and never shows plaintext or the password.
 */
export function decryptVaultAt(text: string, keyring: VaultKeyring, where: SourceLocation): Secret {
  const password = keyring.password(where);
  try {
    return new Secret(
      decryptVault(text, password.reveal()).toString('utf8'),
      `vault value at ${where.file}:${where.line}`,
    );
  } catch (error) {
    if (!(error instanceof VaultError)) throw error;
    const fix =
      error.reason === 'password'
        ? `check the vault password (${password.source})`
        : 're-create it with ansible-vault encrypt';
    throw new ConfigError(
      { severity: 'error', location: where, message: `cannot decrypt Ansible Vault data: ${error.message}`, fix },
      { cause: error },
    );
  }
}

/** Reads a file that may be a whole-file vault; returns its (decrypted) text and whether it was encrypted. */
export function readVaultedFile(file: string, keyring: VaultKeyring): { text: string; encrypted: boolean } {
  const raw = readFileSync(file, 'utf8');
  if (!isVaultText(raw)) return { text: raw, encrypted: false };
  return { text: decryptVaultAt(raw, keyring, { file, line: 1, col: 1 }).reveal(), encrypted: true };
}
