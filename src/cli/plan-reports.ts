import { writeFileSync } from 'node:fs';
import type { RunPlan } from '../core/run.js';
import type { Site } from '../core/site.js';
import { normaliseInterfaceName } from '../platforms/interface-names.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { renderHtmlReport } from '../report/html/html-report.js';
import { formatPlanMarkdown } from '../report/plan-markdown.js';

/** The change reports a plan asked for: the markdown text (printed by the caller) and the HTML file written. */
export interface PlanReports {
  readonly markdown?: string;
  readonly html?: string;
}

/** Renders `--format markdown` and writes `--html FILE` for one plan of `site`, both through the run's mask. */
export function writeReports(
  plan: RunPlan,
  site: Site,
  flags: { readonly format: 'text' | 'markdown'; readonly html?: string },
  redact: (text: string) => string = (t) => t,
): PlanReports {
  const markdown = flags.format === 'markdown' ? redact(formatPlanMarkdown(plan, site.name)) : undefined;
  if (flags.html !== undefined) {
    const platforms = defaultPlatforms();
    const portName = (switchName: string, port: string): string => {
      const sw = site.switches.find((s) => s.name === switchName);
      const naming = sw ? platforms.resolve(sw.platform)?.switch?.interfaceNames : undefined;
      return naming ? normaliseInterfaceName(naming, port) : port;
    };
    writeFileSync(flags.html, redact(renderHtmlReport(plan, site, { portName })));
  }
  return { ...(markdown !== undefined ? { markdown } : {}), ...(flags.html !== undefined ? { html: flags.html } : {}) };
}
