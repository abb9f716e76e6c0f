import { AcpError } from '../core/errors.js';
import { resultStatus, type FleetSiteOutcome } from '../core/fleet.js';
import type { RunPlan, RunResult } from '../core/run.js';
import { applyRun } from '../engine/apply-run.js';
import { ConnectionPool } from '../engine/connection-pool.js';
import type { Palette } from '../report/colors.js';
import { formatRecap } from '../report/recap.js';
import type { SitePlan } from './fleet-plan.js';
import { nothingApplied } from './nothing-applied.js';
import type { PreparedRun } from './run-setup.js';

/** One site's apply (or check) result, or why it has none. */
export type SiteResult = FleetSiteOutcome & { readonly run?: PreparedRun };

/**
 * Applies each planned site's approved plan at once, sharing the fleet's fork budget (`check`: runs check mode
 * instead, from `sites` without plans). A site with nothing to apply, or a plan that was interrupted, is not
 * contacted again. Each result goes into its site's run record.
 */
export function applyFleet(sites: readonly SitePlan[], check: boolean): Promise<SiteResult[]> {
  return Promise.all(
    sites.map((s) => {
      if (!s.run) return s;
      const plan = s.plan;
      if (!check && (!plan || plan.interrupted || plan.summary.changes === 0 || s.run.options.signal.aborted))
        return plan ? finish(s.site, s.run, nothingApplied(s.run, plan)) : s;
      return applySite(s.site, s.run, check ? undefined : plan);
    }),
  );
}

async function applySite(name: string, run: PreparedRun, approved: RunPlan | undefined): Promise<SiteResult> {
  const pool = new ConnectionPool(run.options.connect);
  try {
    const result = await applyRun({ ...run.options, ...(approved ? { approved } : { check: true }) }, pool);
    await run.options.reporter.close();
    return finish(name, run, result);
  } catch (error) {
    if (!(error instanceof AcpError)) throw error;
    return { site: name, inventory: run.options.inventory.dir, status: 'failed', changes: 0, errors: [error.message] };
  } finally {
    await pool.closeAll();
  }
}

function finish(name: string, run: PreparedRun, result: RunResult): SiteResult {
  run.record.writeResult(result);
  const { status, changes } = resultStatus(result);
  const errors = result.hosts.flatMap((h) => (h.error ? [`${h.host}: ${h.error}`] : []));
  return {
    site: name,
    inventory: run.options.inventory.dir,
    runId: run.options.runId,
    status,
    changes,
    errors,
    result,
    run,
  };
}

/** Each site's section of a fleet apply: a heading, then its recap, or its problems. */
export function formatSiteRecaps(sites: readonly SiteResult[], color: Palette): string {
  return sites
    .map((s) => {
      const heading = color.bold(`=== ${s.site} (${s.inventory}) ===`);
      if (!s.result) return `${heading}\n${color.red(`${s.status}:`)}\n${s.errors.map((e) => `  ${e}`).join('\n')}`;
      return `${heading}\n${formatRecap(s.result, color)}${s.run ? `\n${color.dim(`run record: ${s.run.record.dir}`)}` : ''}`;
    })
    .join('\n\n');
}
