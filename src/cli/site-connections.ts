import { randomBytes } from 'node:crypto';
import { formatProblem } from '../core/errors.js';
import type { Host, Inventory } from '../core/inventory.js';
import type { Site } from '../core/site.js';
import { ConnectionPool } from '../engine/connection-pool.js';
import { sshConnector } from '../engine/host-connector.js';
import { loadSite } from '../inventory/load-site.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import type { PlatformRegistry } from '../platforms/platform-registry.js';
import { VaultKeyring } from '../transport/vault-keyring.js';
import type { ConnectionFlags } from './connection-options.js';

/** Pooled connections to an inventory's hosts, each opened on first use. */
export interface HostConnections {
  readonly inventory: Inventory;
  readonly platforms: PlatformRegistry;
  readonly pool: ConnectionPool;
  readonly runId: string;
  close(): Promise<void>;
}

/** A site loaded and checked, with one pooled connection per host to be opened on first use. */
export interface SiteConnections extends HostConnections {
  readonly site: Site;
}

/**
 * Loads the inventory and its site, and checks every credential and SSH setting of `hostsOf(inventory)` before any
 * host is contacted (a missing environment variable is exit 3). Warnings go to stderr.
 */
export async function openSiteConnections(
  dir: string,
  flags: ConnectionFlags,
  hostsOf: (inventory: Inventory, site: Site) => readonly Host[] = (inv) => [...inv.hosts.values()],
): Promise<SiteConnections> {
  const platforms = defaultPlatforms();
  const { inventory, site, warnings } = await loadSite(dir, platforms);
  for (const w of warnings) process.stderr.write(`${formatProblem(w)}\n`);
  return { ...openConnections(inventory, platforms, flags, hostsOf(inventory, site)), site };
}

/** Checks the credentials and SSH settings of `hosts` (exit 3 when one is wrong) and pools their connections. */
export function openConnections(
  inventory: Inventory,
  platforms: PlatformRegistry,
  flags: ConnectionFlags,
  hosts: readonly Host[],
): HostConnections {
  const keyring = new VaultKeyring(flags.vaultPasswordFile ? { passwordFile: flags.vaultPasswordFile } : {});
  const connector = sshConnector({
    inventory,
    keyring,
    acceptNew: flags.acceptNew ?? false,
    ...(flags.sshConfig ? { sshConfigPath: flags.sshConfig } : {}),
  });
  for (const w of connector.prepare(hosts)) process.stderr.write(`${formatProblem(w)}\n`);
  const pool = new ConnectionPool(connector.connect);
  return { inventory, platforms, pool, runId: randomBytes(4).toString('hex'), close: () => pool.closeAll() };
}
