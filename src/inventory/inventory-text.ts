import { ConfigError } from '../core/errors.js';
import { decryptVaultAt, type VaultKeyring } from '../transport/vault-keyring.js';
import { isVaultText } from '../transport/vault.js';
import { readUserFile, type UserText } from './user-file.js';

/** A user file's text, decrypted when the whole file is Ansible Vault data. */
export interface InventoryText extends UserText {
  /** True when the file was encrypted whole (`ansible-vault encrypt`); positions then count lines of the clear text. */
  readonly isVaulted: boolean;
}

/**
 * Reads an inventory file or a vars file with the guarded reader; a file encrypted whole with `ansible-vault
 * encrypt` is decrypted with `keyring`, as Ansible's loader does for every file it reads. Without a password, or with
 * a wrong one, a located ConfigError.
 */
export function readInventoryText(file: string, what: string, keyring: VaultKeyring): InventoryText {
  const read = readUserFile(file, what);
  if (!isVaultText(read.text)) return { ...read, isVaulted: false };
  const clear = decryptVaultAt(read.text, keyring, { file, line: 1, col: 1 }).reveal();
  if (clear.startsWith('$ANSIBLE_VAULT;')) {
    throw new ConfigError({
      severity: 'error',
      location: { file, line: 1, col: 1 },
      message: `${what} ${file} is encrypted twice with Ansible Vault`,
      fix: 'decrypt it once (ansible-vault decrypt) and encrypt it again',
    });
  }
  const invalid = clear.indexOf('\ufffd');
  return { text: clear.replace(/^\ufeff/, ''), ...(invalid >= 0 ? { invalidAt: invalid } : {}), isVaulted: true };
}
