import { displayCommand } from '../core/change.js';
import type { RunPlan } from '../core/run.js';
import type { Palette } from './colors.js';

/**
 * The human plan a change board reviews: per host, per task, each change's diff and the exact commands that will
 * be sent (secrets masked), then a Terraform-style summary line.
 */
export function formatPlan(plan: RunPlan, color: Palette): string {
  const out: string[] = [];
  for (const host of plan.hosts) {
    if (host.status === 'failed' || host.status === 'unreachable') {
      out.push(color.red(`${host.host}: ${host.status}: ${host.error ?? ''}`));
      continue;
    }
    const changed = host.tasks.filter((t) => t.changes.length > 0);
    if (host.status === 'not-planned') {
      const part =
        changed.length > 0 ? ` (${changed.length} task(s) with changes were planned before the interrupt)` : '';
      out.push(color.yellow(`${host.host}: not planned (interrupted)${part}`));
      continue;
    }
    if (changed.length === 0) {
      out.push(color.green(`${host.host}: in sync`));
      continue;
    }
    out.push(color.bold(color.yellow(`${host.host}: ${changed.reduce((n, t) => n + t.changes.length, 0)} change(s)`)));
    for (const task of changed) {
      out.push(`  ${color.cyan(`[${task.task}]`)}`);
      for (const change of task.changes) {
        const sign = change.action === 'create' ? '+' : change.action === 'delete' ? '-' : '~';
        out.push(`    ${sign} ${change.resource}`);
        for (const line of change.diff.split('\n')) out.push(`        ${colorDiffLine(line, color)}`);
        if (change.commands.length > 0) {
          out.push(color.dim('        commands:'));
          for (const cmd of change.commands) out.push(color.dim(`          ${displayCommand(cmd)}`));
        }
      }
    }
  }
  out.push('');
  const { changes, hostsWithChanges, failed, notPlanned } = plan.summary;
  if (plan.interrupted)
    out.push(
      color.yellow(
        `Interrupted: ${notPlanned} host(s) not planned. This plan is incomplete: it says nothing about those hosts and cannot be applied.`,
      ),
    );
  else
    out.push(
      changes === 0 && failed === 0
        ? color.green('No changes. Every host matches the inventory.')
        : `Plan: ${changes} change(s) on ${hostsWithChanges} host(s)${failed ? `, ${failed} host(s) failed` : ''}.`,
    );
  return out.join('\n');
}

function colorDiffLine(line: string, color: Palette): string {
  if (line.startsWith('+') && !line.startsWith('+++')) return color.green(line);
  if (line.startsWith('-') && !line.startsWith('---')) return color.red(line);
  if (line.startsWith('@@')) return color.cyan(line);
  return line;
}
