import { ConfigError } from '../core/errors.js';
import { didYouMean } from '../core/did-you-mean.js';
import { globToRegExp } from '../inventory/host-pattern.js';
import type { FleetSite } from './fleet-sites.js';
import { inShard, type Shard } from './shard.js';

/** What a fleet run takes: `--sites` globs (comma-separated) and `--shard`. */
export interface SiteSelection {
  readonly sites?: string;
  readonly shard?: Shard;
}

/**
 * The sites of the fleet this run works on: those matching one of the `--sites` globs (a glob matching no site is
 * bad input: a typo would otherwise check nothing and pass), then those of the shard. An empty shard is not an
 * error: a fleet may have fewer sites than shards.
 */
export function selectSites(all: readonly FleetSite[], selection: SiteSelection): FleetSite[] {
  let chosen = [...all];
  if (selection.sites !== undefined) {
    const globs = selection.sites
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
    for (const glob of globs)
      if (!all.some((s) => globToRegExp(glob).test(s.name)))
        throw new ConfigError({
          severity: 'error',
          message: `--sites ${glob} matches no site of the fleet (${all.map((s) => s.name).join(', ')})`,
          fix:
            didYouMean(
              glob,
              all.map((s) => s.name),
            ) ?? 'give a site folder name or a glob such as edge-eu-*',
        });
    chosen = chosen.filter((s) => globs.some((g) => globToRegExp(g).test(s.name)));
  }
  const shard = selection.shard;
  return shard ? chosen.filter((s) => inShard(s.name, shard)) : chosen;
}
