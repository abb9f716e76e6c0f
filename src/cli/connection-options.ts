import type { Command } from 'commander';

/** The connection flags of commands that read hosts without a playbook (`check cabling`, `import`). */
export interface ConnectionFlags {
  readonly acceptNew?: boolean;
  readonly vaultPasswordFile?: string;
  readonly sshConfig?: string;
}

/** Adds the connection flags (kept apart from site-connections.ts, so registering a command loads no engine). */
export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option('--accept-new', 'trust and pin the host key of hosts never seen before (a changed key is always refused)')
    .option('--vault-password-file <file>', 'Ansible Vault password file (or ACP_PLAY_VAULT_PASSWORD_FILE)')
    .option('-F, --ssh-config <file>', 'ssh config file (default ~/.ssh/config)');
}
