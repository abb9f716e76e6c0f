import { AcpError, ConfigError, formatProblem } from '../core/errors.js';
import type { FleetSiteOutcome } from '../core/fleet.js';
import { sharedForkLimit } from '../engine/fork-limit.js';
import type { FleetSite } from '../fleet/fleet-sites.js';
import { colorWanted, palette } from '../report/colors.js';
import { PlainReporter } from '../report/plain-reporter.js';
import { handleInterrupts } from './interrupts.js';
import type { RunFlags } from './run-options.js';
import { parseForks, prepareRun, type PreparedRun, type RunSetup } from './run-setup.js';

/** A site of a fleet run, ready to run; or its outcome already (`invalid`, or `failed`: its lock is held). */
export type FleetEntry =
  | { readonly site: FleetSite; readonly run: PreparedRun }
  | { readonly site: FleetSite; readonly outcome: FleetSiteOutcome };

/** The prepared sites of a fleet run, in name order, and what they share. */
export interface PreparedFleet {
  readonly entries: readonly FleetEntry[];
  readonly abort: AbortController;
  readonly dispose: () => void;
}

/**
 * Prepares every site as a one-site run would (load, validate, render, credentials, the site's own lock and run
 * record), with one Ctrl-C and one fork budget (`--forks`) for all of them. A site whose inventory is invalid is an
 * `invalid` outcome carrying its located problems, a site whose lock is held a `failed` one; the others run. A bug
 * still stops the run, after releasing the locks taken.
 */
export async function prepareFleet(
  sites: readonly FleetSite[],
  flags: RunFlags,
  commandLine: string,
  setup: Omit<RunSetup, 'fleet'>,
): Promise<PreparedFleet> {
  const abort = new AbortController();
  const forkLimit = sharedForkLimit(parseForks(flags.forks));
  const entries: FleetEntry[] = [];
  const runs = (): PreparedRun[] => entries.flatMap((e) => ('run' in e ? [e.run] : []));
  for (const site of sites) {
    try {
      entries.push({
        site,
        run: await prepareRun(site.dir, flags, commandLine, { ...setup, fleet: { abort, forkLimit, site: site.name } }),
      });
    } catch (error) {
      if (!(error instanceof AcpError)) {
        runs().forEach((r) => r.dispose());
        throw error;
      }
      const invalid = error instanceof ConfigError;
      const errors = invalid
        ? error.problems.filter((p) => p.severity === 'error').map(formatProblem)
        : [error.message];
      entries.push({
        site,
        outcome: { site: site.name, inventory: site.dir, status: invalid ? 'invalid' : 'failed', changes: 0, errors },
      });
    }
  }
  const out = flags.json ? process.stderr : process.stdout;
  const reporter = new PlainReporter((line) => out.write(`${line}\n`), palette(colorWanted(out)));
  const stopHandling = handleInterrupts({
    abort,
    reporter,
    inFlight: {
      list: () =>
        entries.flatMap((e) =>
          'run' in e ? e.run.options.inFlight.list().map((w) => ({ ...w, host: `${e.site.name}/${w.host}` })) : [],
        ),
    },
    changesDevices: setup.changesDevices,
    abandon: () => {
      for (const r of runs()) {
        r.record.writeAbandoned(r.options.inFlight.list());
        r.lock.release();
      }
    },
  });
  return {
    entries,
    abort,
    dispose: () => {
      stopHandling();
      runs().forEach((r) => r.dispose());
    },
  };
}
