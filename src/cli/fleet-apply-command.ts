import { colorWanted, palette } from '../report/colors.js';
import { formatFleetRecap } from '../report/fleet-recap.js';
import { runJson } from '../report/run-json.js';
import type { ApplyFlags } from './apply-flags.js';
import { confirmApply } from './confirm-apply.js';
import { applyFleet, formatSiteRecaps, type SiteResult } from './fleet-apply.js';
import { fleetDocument, fleetExit } from './fleet-outcome.js';
import { formatSitePlans, planFleet, type SitePlan } from './fleet-plan.js';
import { prepareFleet } from './fleet-setup.js';
import type { FleetTarget } from './fleet-target.js';

/**
 * `acp-play apply FLEET`: plans every chosen site at once, prints the plans, asks once for all their changes (unless
 * --yes), then applies each site's approved plan, sites in parallel within one fork budget (each site keeps its own
 * play order, serial batches, verify and rollback). `--check` runs check mode on every site instead. Prints each
 * site's recap and the fleet recap (`--json`: the fleet document; `--diff`: every change applied, under its site).
 * Returns the exit code; 0 when the answer was no.
 */
export async function runFleetApply(target: FleetTarget, flags: ApplyFlags, commandLine: string): Promise<number> {
  const out = flags.json ? process.stderr : process.stdout;
  const color = palette(colorWanted(out));
  const mode = flags.check ? 'check' : 'apply';
  if (target.sites.length === 0) {
    const shard = target.shard ? ` (shard ${target.shard.index}/${target.shard.count})` : '';
    out.write(`no site of ${target.dir} is in this run${shard}\n`);
    if (flags.json) process.stdout.write(runJson(fleetDocument(mode, target, [])));
    return fleetExit([]);
  }
  const fleet = await prepareFleet(target.sites, flags, commandLine, { changesDevices: !flags.check });
  try {
    let results: SiteResult[];
    if (flags.check) results = await applyFleet(fleet.entries.map(entryOf), true);
    else {
      const plans = await planFleet(fleet.entries);
      out.write(`\n${formatSitePlans(plans, color, false)}\n`);
      const total = plans.reduce((n, s) => n + (s.plan && !s.plan.interrupted ? s.plan.summary.changes : 0), 0);
      const signal = fleet.abort.signal;
      if (total > 0 && !signal.aborted && !flags.yes && !(await confirmApply(total, signal, () => fleet.abort.abort())))
        if (!signal.aborted) {
          out.write('Apply cancelled; nothing was changed.\n');
          return 0;
        }
      results = await applyFleet(plans, false);
    }
    if (flags.diff)
      for (const { site, result } of results)
        for (const h of result?.hosts ?? [])
          for (const t of h.tasks)
            for (const c of t.changes)
              out.write(`[${site}] ${h.host}: ${c.resource}\n${c.diff.replace(/^/gm, '    ')}\n`);
    if (flags.json) process.stdout.write(runJson(fleetDocument(mode, target, results)));
    out.write(`\n${formatSiteRecaps(results, color)}\n`);
    out.write(`\n${formatFleetRecap(results, color, !flags.check)}\n`);
    return fleetExit(results);
  } finally {
    fleet.dispose();
  }
}

function entryOf(e: Awaited<ReturnType<typeof prepareFleet>>['entries'][number]): SitePlan {
  return 'run' in e
    ? {
        site: e.site.name,
        inventory: e.run.options.inventory.dir,
        status: 'in-sync',
        changes: 0,
        errors: [],
        run: e.run,
      }
    : e.outcome;
}
