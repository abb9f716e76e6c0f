import type { RunPlan } from '../core/run.js';
import type { Palette } from './colors.js';

/**
 * The order `apply` will run the plan in, for the change board: first additions and updates, play by play; then
 * removals, plays in reverse (node bridges before trunks narrow, VLAN definitions last). Empty without changes.
 */
export function formatApplyOrder(plan: RunPlan, color: Palette): string {
  if (plan.order.length === 0) return '';
  const lines = [color.bold('Apply order:')];
  let pass: string | undefined;
  plan.order.forEach((step, i) => {
    if (step.pass !== pass) {
      pass = step.pass;
      lines.push(
        step.pass === 'forward'
          ? color.dim('  additions and updates, in play order:')
          : color.dim('  then removals, in reverse play order:'),
      );
    }
    const what = step.pass === 'forward' ? 'change' : 'removal';
    lines.push(
      `  ${i + 1}. ${step.play} / ${step.task}: ${step.hosts.join(', ')} (${step.changes} ${what}${step.changes === 1 ? '' : 's'})`,
    );
  });
  return lines.join('\n');
}
