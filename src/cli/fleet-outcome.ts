import { fleetSummary, type FleetDocument, type FleetSiteOutcome } from '../core/fleet.js';
import { EXIT } from './exit-codes.js';
import type { FleetTarget } from './fleet-target.js';

/** The fleet's JSON document: each site's outcome with its plan or result (the run's own handles left out). */
export function fleetDocument(
  mode: FleetDocument['mode'],
  target: FleetTarget,
  sites: readonly (FleetSiteOutcome & { readonly run?: unknown })[],
): FleetDocument {
  const clean = sites.map(({ run: _run, ...outcome }) => outcome);
  return {
    format: 'acp-play/fleet@1',
    mode,
    fleet: target.dir,
    ...(target.shard ? { shard: `${target.shard.index}/${target.shard.count}` } : {}),
    sites: clean,
    summary: fleetSummary(clean),
  };
}

/**
 * A fleet run's exit code, the one-site codes taken in order of what needs a person first: 130 interrupted; 1 a site
 * failed (a host failed or was unreachable, or its lock was held); 3 a site's inventory is invalid (the other sites
 * did run); 2 with --detailed-exitcode when changes are present; else 0. So 3 never hides a device failure, and an
 * invalid site is never reported as in sync.
 */
export function fleetExit(sites: readonly FleetSiteOutcome[], detailed = false): number {
  const has = (status: FleetSiteOutcome['status']): boolean => sites.some((s) => s.status === status);
  if (has('interrupted')) return EXIT.interrupted;
  if (has('failed')) return EXIT.failed;
  if (has('invalid')) return EXIT.invalid;
  return detailed && has('changes') ? EXIT.changes : EXIT.ok;
}
