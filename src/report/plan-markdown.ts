import { displayCommand, type Change } from '../core/change.js';
import type { HostPlan, RunPlan } from '../core/run.js';
import { changeSign, hostVerdict, leftAloneGroups, oneLine } from './plan-lines.js';

/**
 * `plan --format markdown`: for pull requests and change tickets. A verdict line, then per host one summary table
 * (resource, action, one-line change), the objects left alone, and the full diffs and exact commands (secrets
 * masked) collapsed in a `<details>` block. GitHub and GitLab render it as it is.
 */
export function formatPlanMarkdown(plan: RunPlan, siteName?: string): string {
  const { changes, hostsWithChanges, failed, notPlanned } = plan.summary;
  const verdict = plan.interrupted
    ? `**Interrupted: ${notPlanned} host(s) not planned.** This plan is incomplete and cannot be applied.`
    : changes === 0 && failed === 0
      ? 'No changes: every host matches the inventory.'
      : `**${changes} change(s) on ${hostsWithChanges} host(s)**${failed ? `, **${failed} host(s) failed**` : ''}.`;
  const limit = plan.limit ? `, limit ${code(plan.limit)}` : '';
  const out = [
    `## acp-play plan${siteName ? `: ${siteName}` : ''}`,
    '',
    `Run ${code(plan.runId)} at ${plan.createdAt}, inventory ${code(plan.inventory)}${limit}. ${verdict}`,
  ];
  for (const host of plan.hosts) out.push('', ...hostMarkdown(host));
  return `${out.join('\n')}\n`;
}

function hostMarkdown(host: HostPlan): string[] {
  const verdict = hostVerdict(host);
  if (host.status === 'failed' || host.status === 'unreachable')
    return [`### ${host.host}: ${host.status}`, '', fence(host.error ?? '', '')];
  const out = [`### ${host.host}: ${verdict.text}`];
  const rows = host.tasks.flatMap((t) =>
    t.changes.map((c) => `| ${code(c.resource)} | ${changeSign(c.action)} ${c.action} | ${cell(oneLine(c))} |`),
  );
  if (rows.length > 0) out.push('', '| resource | action | change |', '|---|---|---|', ...rows);
  const notes = host.tasks.flatMap(leftAloneGroups);
  if (notes.length > 0)
    out.push('', ...notes.map((n) => `- left alone: ${n.resources.map(code).join(', ')}: ${escapeText(n.reason)}`));
  const details = host.tasks.flatMap((t) => t.changes.map(changeDetail));
  if (details.length > 0)
    out.push('', `<details><summary>${host.host}: full diffs and commands</summary>`, '', ...details, '</details>');
  return out;
}

function changeDetail(c: Change): string {
  const commands = c.commands.length > 0 ? `\n${fence(c.commands.map(displayCommand).join('\n'), '')}\n` : '';
  const lang = /^[+-]/m.test(c.diff) ? 'diff' : /^(before|after):/m.test(c.diff) ? 'yaml' : '';
  return `${code(c.resource)} (${c.action})\n\n${fence(c.diff, lang)}\n${commands}`;
}

/** A fenced block whose fence is longer than any backtick run inside. */
function fence(text: string, lang: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const bar = '`'.repeat(longest + 1);
  return `${bar}${lang}\n${text.replace(/\n$/, '')}\n${bar}`;
}

/** Inline code that survives backticks and table pipes. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const bar = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${bar}${pad}${text.replace(/\|/g, '\\|')}${pad}${bar}`;
}

/** A table cell: one line, pipes escaped, markdown and HTML characters made literal. */
function cell(text: string): string {
  return escapeText(text.replace(/\s*\n\s*/g, '; ')).replace(/\|/g, '\\|');
}

function escapeText(text: string): string {
  return text.replace(/[\\`*_<[\]]/g, (c) => `\\${c}`);
}
