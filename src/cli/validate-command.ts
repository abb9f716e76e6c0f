import type { RegisterCommand } from './register-command.js';

/**
 * `acp-play validate INVENTORY`: loads the inventory, builds the site and runs every check without contacting
 * anything. Warnings are printed, errors (a ConfigError) go to main, which prints them all and exits 3.
 */
export const registerValidateCommand: RegisterCommand = (program, setExit) => {
  program
    .command('validate')
    .description(
      'check an inventory and its site (VLANs, addressing, node uplinks, switch ports) without contacting anything',
    )
    .argument('<inventory>', 'inventory directory (Ansible layout: hosts.yaml, group_vars/, host_vars/)')
    .option('--vault-password-file <file>', 'Ansible Vault password file (or ACP_PLAY_VAULT_PASSWORD_FILE)')
    .action(async (dir: string, flags: { vaultPasswordFile?: string }) =>
      (await import('./validate-action.js')).validateAction(dir, flags, setExit),
    );
};
