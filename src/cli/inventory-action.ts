import { ConfigError, formatProblem } from '../core/errors.js';
import { graphInventory, hostVarsListing, listInventory } from '../inventory/inventory-listing.js';
import { loadInventory } from '../inventory/load-inventory.js';
import { VaultKeyring } from '../transport/vault-keyring.js';
import { EXIT } from './exit-codes.js';

export interface InventoryFlags {
  readonly list?: boolean;
  readonly graph?: boolean | string;
  readonly host?: string;
  readonly limit?: string;
  readonly export?: boolean;
  readonly vaultPasswordFile?: string;
}

/** What `acp-play inventory` does; inventory-command.ts imports this only when it runs (--help stays light). */
export async function inventoryAction(
  dir: string,
  flags: InventoryFlags,
  setExit: (code: number) => void,
): Promise<void> {
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
}
