import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hasHostsFile, isFolder, isSiteFolderName } from '../inventory/fleet-of-site.js';

/** One site of a fleet: its folder's name (what recaps, --sites and --shard use) and its inventory folder. */
export interface FleetSite {
  readonly name: string;
  readonly dir: string;
}

/**
 * The sites of `dir` when it is a fleet, sorted by name; undefined when it is a site inventory (or nothing). A fleet
 * is a folder without a hosts file of its own, and with at least one subfolder holding one. Every subfolder but
 * hidden ones, group_vars/ and host_vars/ is a site: one without a hosts file is listed, and its run reports it
 * invalid (a site someone forgot to finish is not silently left out).
 */
export function fleetSites(dir: string): FleetSite[] | undefined {
  if (!isFolder(dir) || hasHostsFile(dir)) return undefined;
  const sites = readdirSync(dir)
    .filter((name) => isSiteFolderName(name) && isFolder(join(dir, name)))
    .sort()
    .map((name) => ({ name, dir: join(dir, name) }));
  return sites.some((s) => hasHostsFile(s.dir)) ? sites : undefined;
}
