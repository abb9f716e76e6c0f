import { displayCommand, type Change } from '../core/change.js';
import type { RunPlan } from '../core/run.js';
import type { Palette } from './colors.js';
import { changeSign, leftAloneGroups } from './plan-lines.js';

/** Options of {@link formatPlan}. */
export interface PlanTextOptions {
  /** Print the full diff (nmstate's YAML before/after) of changes that also carry a one-line summary. */
  readonly diff?: boolean;
}

/**
 * The human plan a change board reviews: per host, per task, each change's diff (or its one-line summary, with the
 * full diff behind `--diff`) and the exact commands that will be sent (secrets masked), the objects outside the
 * inventory that are left alone on purpose, then a Terraform-style summary line.
 */
export function formatPlan(plan: RunPlan, color: Palette, opts: PlanTextOptions = {}): string {
  const out: string[] = [];
  for (const host of plan.hosts) {
    if (host.status === 'failed' || host.status === 'unreachable') {
      out.push(color.red(`${host.host}: ${host.status}: ${host.error ?? ''}`));
      // A host failed by held changes (a miswired port) still gets the rest of its task applied: show it.
      for (const task of host.tasks.filter((t) => (t.held ?? []).length > 0)) {
        out.push(`  ${color.cyan(`[${task.task}]`)}`);
        for (const change of task.changes) out.push(...changeLines(change, color, opts));
        for (const h of task.held ?? []) out.push(color.red(`    ! ${h.resource}  not changed: ${h.reason}`));
      }
      continue;
    }
    const changed = host.tasks.filter((t) => t.changes.length > 0);
    if (host.status === 'not-planned') {
      const part =
        changed.length > 0 ? ` (${changed.length} task(s) with changes were planned before the interrupt)` : '';
      out.push(color.yellow(`${host.host}: not planned (interrupted)${part}`));
      continue;
    }
    if (changed.length === 0) out.push(color.green(`${host.host}: in sync`));
    else
      out.push(
        color.bold(color.yellow(`${host.host}: ${changed.reduce((n, t) => n + t.changes.length, 0)} change(s)`)),
      );
    for (const task of host.tasks) {
      const notes = leftAloneGroups(task);
      if (task.changes.length === 0 && notes.length === 0) continue;
      out.push(`  ${color.cyan(`[${task.task}]`)}`);
      for (const change of task.changes) out.push(...changeLines(change, color, opts));
      for (const note of notes) out.push(color.dim(`    = ${note.resources.join(', ')}: ${note.reason}`));
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

function changeLines(change: Change, color: Palette, opts: PlanTextOptions): string[] {
  const sign = changeSign(change.action);
  if (change.summary !== undefined && !opts.diff && change.commands.length === 0)
    return [`    ${sign} ${change.resource}  ${color.dim(change.summary)}`];
  const lines = [`    ${sign} ${change.resource}`];
  for (const line of change.diff.split('\n')) lines.push(`        ${colorDiffLine(line, color)}`);
  if (change.commands.length > 0) {
    lines.push(color.dim('        commands:'));
    for (const cmd of change.commands) lines.push(color.dim(`          ${displayCommand(cmd)}`));
  }
  return lines;
}

function colorDiffLine(line: string, color: Palette): string {
  if (line.startsWith('+') && !line.startsWith('+++')) return color.green(line);
  if (line.startsWith('-') && !line.startsWith('---')) return color.red(line);
  if (line.startsWith('@@')) return color.cyan(line);
  return line;
}
