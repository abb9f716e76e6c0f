import { ConfigError, formatProblem } from '../core/errors.js';
import { graphInventory, hostVarsListing, listInventory } from '../inventory/inventory-listing.js';
import { loadInventory } from '../inventory/load-inventory.js';
import { VaultKeyring } from '../transport/vault-keyring.js';
import type { RegisterCommand } from './register-command.js';
import { EXIT } from './exit-codes.js';

interface InventoryFlags {
  readonly list?: boolean;
  readonly graph?: boolean | string;
  readonly host?: string;
  readonly limit?: string;
  readonly export?: boolean;
  readonly vaultPasswordFile?: string;
}

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
    .action(async (dir: string, flags: InventoryFlags) => {
      const modes = [flags.list, flags.graph, flags.host].filter((m) => m !== undefined && m !== false);
      if (modes.length !== 1) {
        throw new ConfigError({
          severity: 'error',
          message: 'acp-play inventory needs exactly one of --list, --graph or --host NAME',
          fix: `e.g. acp-play inventory ${dir} --list`,
        });
      }
      const keyring = new VaultKeyring(flags.vaultPasswordFile ? { passwordFile: flags.vaultPasswordFile } : {});
      const inventory = await loadInventory(dir, { keyring });
      for (const warning of inventory.warnings ?? []) process.stderr.write(`${formatProblem(warning)}\n`);
      if (flags.host !== undefined) {
        process.stdout.write(`${JSON.stringify(hostVarsListing(inventory, flags.host), null, 4)}\n`);
      } else if (flags.graph !== undefined && flags.graph !== false) {
        const root = typeof flags.graph === 'string' ? flags.graph : 'all';
        if (!inventory.groups.has(root))
          throw new ConfigError({ severity: 'error', message: `group ${root} is not in the inventory ${dir}` });
        process.stdout.write(graphInventory(inventory, root, flags.limit));
      } else {
        const options = {
          ...(flags.limit !== undefined ? { limit: flags.limit } : {}),
          ...(flags.export ? { export: true } : {}),
        };
        process.stdout.write(`${JSON.stringify(listInventory(inventory, options), null, 4)}\n`);
      }
      setExit(EXIT.ok);
    });
};
