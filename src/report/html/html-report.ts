import { displayCommand, type Change } from '../../core/change.js';
import type { HostPlan, RunPlan } from '../../core/run.js';
import type { Site } from '../../core/site.js';
import { changeSign, hostVerdict, leftAloneGroups, oneLine } from '../plan-lines.js';
import { REPORT_STYLE } from './report-style.js';
import { buildSitePicture, type PictureOptions } from './site-picture-model.js';
import { renderSitePicture } from './site-picture-svg.js';
import { escapeHtml } from './svg-text.js';

const ACTION_MARK: Readonly<Record<Change['action'], string>> = {
  create: 'mark-added',
  delete: 'mark-removed',
  update: 'mark-changed',
};

/**
 * `plan --html FILE`: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) with a picture of the
 * site marked by the plan, then per host a summary table, what is left alone, and the full diffs and commands
 * (secrets masked) in collapsed sections.
 */
export function renderHtmlReport(plan: RunPlan, site: Site, opts: PictureOptions = {}): string {
  const picture = renderSitePicture(buildSitePicture(site, plan, opts));
  const { changes, hostsWithChanges, failed, notPlanned } = plan.summary;
  const verdict = plan.interrupted
    ? `Interrupted: ${notPlanned} host(s) not planned. This plan is incomplete and cannot be applied.`
    : changes === 0 && failed === 0
      ? 'No changes: every host matches the inventory.'
      : `${changes} change(s) on ${hostsWithChanges} host(s)${failed ? `, ${failed} host(s) failed` : ''}.`;
  const title = `acp-play plan: ${site.name}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Run <code>${escapeHtml(plan.runId)}</code>, ${escapeHtml(plan.createdAt)}, inventory <code>${escapeHtml(plan.inventory)}</code>, playbook <code>${escapeHtml(plan.playbook)}</code>${plan.limit ? `, limit <code>${escapeHtml(plan.limit)}</code>` : ''}.
<strong id="verdict">${escapeHtml(verdict)}</strong></p>
<p class="legend"><span class="mark-added">added</span><span class="mark-removed">removed</span><span class="mark-changed">changed</span><span class="mark-same">unchanged</span></p>
<div class="picture">
${picture}
</div>
${plan.hosts.map(hostSection).join('\n')}
</body>
</html>
`;
}

function hostSection(host: HostPlan): string {
  const failed = host.status === 'failed' || host.status === 'unreachable';
  const { text: status, problem } = hostVerdict(host);
  const out = [
    `<section class="host" data-host="${escapeHtml(host.host)}">`,
    `<h2>${escapeHtml(host.host)} <span class="status${problem ? ' failed' : ''}">${escapeHtml(status)}</span></h2>`,
  ];
  if (failed) out.push(`<pre>${escapeHtml(host.error ?? '')}</pre>`);
  const rows = host.tasks.flatMap((t) =>
    t.changes.length === 0
      ? []
      : [
          `<tr class="task"><td colspan="3">${escapeHtml(t.task)}</td></tr>`,
          ...t.changes.map(
            (c) =>
              `<tr class="${ACTION_MARK[c.action]}"><td><code>${escapeHtml(c.resource)}</code></td>` +
              `<td>${changeSign(c.action)} ${c.action}</td><td>${escapeHtml(oneLine(c))}</td></tr>`,
          ),
        ],
  );
  if (rows.length > 0)
    out.push(
      `<table><thead><tr><th>resource</th><th>action</th><th>change</th></tr></thead><tbody>`,
      ...rows,
      '</tbody></table>',
    );
  const notes = host.tasks.flatMap(leftAloneGroups);
  if (notes.length > 0)
    out.push(
      '<ul class="left-alone">',
      ...notes.map(
        (n) =>
          `<li>${n.resources.map((r) => `<code>${escapeHtml(r)}</code>`).join(', ')}: ${escapeHtml(n.reason)}</li>`,
      ),
      '</ul>',
    );
  const details = host.tasks.flatMap((t) => t.changes.map(changeDetail));
  if (details.length > 0) out.push('<details><summary>Full diffs and commands</summary>', ...details, '</details>');
  out.push('</section>');
  return out.join('\n');
}

function changeDetail(c: Change): string {
  const diff = c.diff
    .split('\n')
    .map((l) => {
      const cls = l.startsWith('+') ? 'add' : l.startsWith('-') ? 'del' : '';
      return cls ? `<span class="${cls}">${escapeHtml(l)}</span>` : escapeHtml(l);
    })
    .join('\n');
  const commands =
    c.commands.length > 0 ? `<pre class="commands">${escapeHtml(c.commands.map(displayCommand).join('\n'))}</pre>` : '';
  return `<h3><code>${escapeHtml(c.resource)}</code> (${c.action})</h3>\n<pre class="diff">${diff}</pre>${commands}`;
}
