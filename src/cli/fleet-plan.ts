import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AcpError } from '../core/errors.js';
import { planStatus, type FleetSiteOutcome } from '../core/fleet.js';
import type { RunPlan } from '../core/run.js';
import { ConnectionPool } from '../engine/connection-pool.js';
import { planPreparedRun } from './plan-prepared-run.js';
import { formatApplyOrder } from '../report/apply-order-text.js';
import type { Palette } from '../report/colors.js';
import { formatPlan } from '../report/plan-text.js';
import { runJson } from '../report/run-json.js';
import type { FleetEntry } from './fleet-setup.js';
import type { PreparedRun } from './run-setup.js';

/** One site's plan, or why it has none. */
export type SitePlan = FleetSiteOutcome & { readonly run?: PreparedRun };

/**
 * Plans every runnable site at once, their hosts sharing the fleet's fork budget; each plan goes into its site's run
 * record. A site whose run fails as a whole is `failed`; the others carry on.
 */
export function planFleet(entries: readonly FleetEntry[]): Promise<SitePlan[]> {
  return Promise.all(entries.map((e) => ('run' in e ? planSite(e.site.name, e.run) : e.outcome)));
}

async function planSite(name: string, run: PreparedRun): Promise<SitePlan> {
  const base = { site: name, inventory: run.options.inventory.dir, runId: run.options.runId, run };
  const pool = new ConnectionPool(run.options.connect);
  try {
    const plan = await planPreparedRun(run, pool);
    return { ...base, status: planStatus(plan), changes: plan.summary.changes, errors: hostErrors(plan), plan };
  } catch (error) {
    if (!(error instanceof AcpError)) throw error;
    return { ...base, status: 'failed', changes: 0, errors: [error.message] };
  } finally {
    await pool.closeAll();
  }
}

function hostErrors(plan: RunPlan): string[] {
  return plan.hosts.flatMap((h) => (h.error ? [`${h.host}: ${h.error}`] : []));
}

/** Each site's section of a fleet plan: a heading, then its plan and apply order, or its problems. */
export function formatSitePlans(sites: readonly SitePlan[], color: Palette, diff: boolean): string {
  return sites
    .map((s) => {
      const heading = color.bold(`=== ${s.site} (${s.inventory}) ===`);
      if (!s.plan) return `${heading}\n${color.red(`${s.status}:`)}\n${s.errors.map((e) => `  ${e}`).join('\n')}`;
      const order = s.plan.interrupted ? '' : formatApplyOrder(s.plan, color);
      return `${heading}\n${formatPlan(s.plan, color, { diff })}${order ? `\n\n${order}` : ''}`;
    })
    .join('\n\n');
}

/**
 * `plan FLEET --out DIR`: one plan file per planned site, `DIR/SITE.plan.json`, each applied on its own with
 * `acp-play apply DIR/SITE.plan.json` (its site's lock, its input checks). An interrupted plan is not written.
 */
export function writeSitePlanFiles(sites: readonly SitePlan[], dir: string): SitePlan[] {
  mkdirSync(dir, { recursive: true });
  return sites.map((s) => {
    if (!s.plan || !s.run || s.plan.interrupted) return s;
    const planFile = join(dir, `${s.site}.plan.json`);
    writeFileSync(planFile, runJson(s.plan, s.run.redact));
    return { ...s, planFile };
  });
}
