import type { RegisterCommand } from './register-command.js';
import type { InventoryFlags } from './inventory-action.js';

/**
 * `acp-play inventory INVENTORY --list | --graph [GROUP] | --host NAME [--limit PATTERN]`: the inventory as
 * ansible-inventory shows it (JSON for --list and --host, the `@all:` tree for --graph), secrets masked.
 */
export const registerInventoryCommand: RegisterCommand = (program, setExit) => {
  program
    .command('inventory')
    .description(
      'show an inventory as ansible-inventory does: --list (JSON), --graph (tree) or --host NAME (merged vars)',
    )
    .argument('<inventory>', 'inventory directory (hosts.yaml, group_vars/, host_vars/) or inventory file')
    .option('--list', 'every group and host, with merged host vars, as JSON')
    .option('--graph [group]', 'the group tree, from GROUP (default all)')
    .option('--host <name>', "one host's merged vars as JSON")
    .option('-l, --limit <pattern>', 'only these hosts (Ansible pattern: names, groups, globs, ! to exclude)')
    .option('--export', "with --list: also print each group's own vars")
    .option('--vault-password-file <file>', 'Ansible Vault password file (or ACP_PLAY_VAULT_PASSWORD_FILE)')
    .action(async (dir: string, flags: InventoryFlags) =>
      (await import('./inventory-action.js')).inventoryAction(dir, flags, setExit),
    );
};
