import { ConfigError } from '../core/errors.js';
import { fleetSites, type FleetSite } from '../fleet/fleet-sites.js';
import { selectSites } from '../fleet/select-sites.js';
import { parseShard, type Shard } from '../fleet/shard.js';
import type { FleetFlags } from './fleet-options.js';

/** The sites a fleet run works on, and the shard it took. */
export interface FleetTarget {
  readonly dir: string;
  /** Every site of the fleet (what --sites and --shard chose from). */
  readonly all: readonly FleetSite[];
  readonly sites: readonly FleetSite[];
  readonly shard?: Shard;
}

/**
 * The fleet run `dir` asks for (a folder of site inventories), or undefined for a one-site run. --sites and --shard
 * on a single site are bad input (exit 3): they would otherwise be silently ignored.
 */
export function fleetTarget(dir: string, flags: FleetFlags): FleetTarget | undefined {
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const all = fleetSites(dir);
  if (!all) {
    if (flags.sites !== undefined || shard)
      throw new ConfigError({
        severity: 'error',
        message: `--sites and --shard choose sites of a fleet, and ${dir} is one site's inventory`,
        fix: 'give the folder that holds the site folders (e.g. inventories/), or drop --sites/--shard',
      });
    return undefined;
  }
  return {
    dir,
    all,
    sites: selectSites(all, { ...(flags.sites ? { sites: flags.sites } : {}), ...(shard ? { shard } : {}) }),
    ...(shard ? { shard } : {}),
  };
}
