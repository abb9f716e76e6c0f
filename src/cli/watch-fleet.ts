import { ConfigError, formatProblem, type Problem } from '../core/errors.js';
import { sharedForkLimit } from '../engine/fork-limit.js';
import { loadWatchSite, type WatchSiteSettings } from '../watch/load-watch-site.js';
import type { WatchSite } from '../watch/watch-site.js';
import type { FleetTarget } from './fleet-target.js';

/**
 * The sites of a fleet watch, sharing one fork budget. A site that does not load is reported (its located problems,
 * on stderr) and not watched; the others are. No site loading, or two sites with the same site name (the `site`
 * label of every metric), is bad input.
 */
export async function loadWatchFleet(
  target: FleetTarget,
  settings: WatchSiteSettings,
  report: (line: string) => void,
): Promise<{ sites: WatchSite[]; warnings: Problem[] }> {
  const forkLimit = sharedForkLimit(settings.forks);
  const sites: WatchSite[] = [];
  const warnings: Problem[] = [];
  const folderOf = new Map<string, string>();
  for (const entry of target.sites) {
    let loaded: Awaited<ReturnType<typeof loadWatchSite>>;
    try {
      loaded = await loadWatchSite(entry.dir, { ...settings, forkLimit });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      report(`${entry.name}: invalid, not watched:`);
      for (const p of error.problems.filter((x) => x.severity === 'error')) report(`  ${formatProblem(p)}`);
      continue;
    }
    const other = folderOf.get(loaded.site.name);
    if (other !== undefined)
      throw new ConfigError({
        severity: 'error',
        message: `${other} and ${entry.dir} are both site ${loaded.site.name}: their metrics would be one site's`,
        fix: 'give each site its own site.name',
      });
    folderOf.set(loaded.site.name, entry.dir);
    sites.push(loaded.site);
    warnings.push(...loaded.warnings);
  }
  if (sites.length === 0)
    throw new ConfigError({
      severity: 'error',
      message: `no site of ${target.dir} can be watched (every one is invalid, or none is in this run)`,
      fix: 'fix the sites reported above',
    });
  return { sites, warnings };
}
