/**
 * An Ansible Vault value (`!vault |` in YAML) kept encrypted. acp-play does not decrypt vault data; a consumer
 * that needs the clear text reports that the value must come from elsewhere (`password_env`, say).
 */
export class VaultValue {
  constructor(readonly ciphertext: string) {
    Object.freeze(this);
  }

  /** The shape ansible-inventory prints for vaulted values. */
  toJSON(): { __ansible_vault: string } {
    return { __ansible_vault: this.ciphertext };
  }

  toString(): string {
    return '!vault';
  }
}
