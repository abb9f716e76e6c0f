import { ConfigError } from '../core/errors.js';
import { colorWanted, palette } from '../report/colors.js';
import { formatFleetRecap } from '../report/fleet-recap.js';
import { runJson } from '../report/run-json.js';
import { fleetDocument, fleetExit } from './fleet-outcome.js';
import { formatSitePlans, planFleet, writeSitePlanFiles } from './fleet-plan.js';
import { prepareFleet } from './fleet-setup.js';
import type { FleetTarget } from './fleet-target.js';
import type { RunFlags } from './run-options.js';

/** The flags of `plan` a fleet run reads. */
export interface FleetPlanFlags extends RunFlags {
  readonly detailedExitcode?: boolean;
  readonly out?: string;
  readonly diff?: boolean;
  readonly format: 'text' | 'markdown';
  readonly html?: string;
}

/**
 * `acp-play plan FLEET`: plans every chosen site in one process and one fork budget, prints each site's plan, then
 * the fleet recap (one line per site); `--json` prints the fleet document instead. `--out DIR` saves one plan file
 * per site. Returns the exit code.
 */
export async function runFleetPlan(target: FleetTarget, flags: FleetPlanFlags, commandLine: string): Promise<number> {
  if (flags.format === 'markdown' || flags.html !== undefined)
    throw new ConfigError({
      severity: 'error',
      message: '--format markdown and --html are change reports of one site',
      fix: `plan one site for its report, e.g. acp-play plan ${target.all[0]?.dir ?? 'inventories/SITE'} --format markdown`,
    });
  const out = flags.json ? process.stderr : process.stdout;
  const color = palette(colorWanted(out));
  if (target.sites.length === 0) {
    out.write(
      `no site of ${target.dir} is in this run${target.shard ? ` (shard ${target.shard.index}/${target.shard.count})` : ''}\n`,
    );
    if (flags.json) process.stdout.write(runJson(fleetDocument('plan', target, [])));
    return fleetExit([]);
  }
  const fleet = await prepareFleet(target.sites, flags, commandLine, { changesDevices: false });
  try {
    let sites = await planFleet(fleet.entries);
    if (flags.out !== undefined) sites = writeSitePlanFiles(sites, flags.out);
    if (flags.json) process.stdout.write(runJson(fleetDocument('plan', target, sites)));
    else out.write(`\n${formatSitePlans(sites, color, flags.diff === true)}\n`);
    out.write(`\n${formatFleetRecap(sites, color)}\n`);
    for (const s of sites)
      if (s.planFile)
        out.write(color.dim(`${s.site}: plan saved to ${s.planFile}: apply it with acp-play apply ${s.planFile}\n`));
    return fleetExit(sites, flags.detailedExitcode === true);
  } finally {
    fleet.dispose();
  }
}
