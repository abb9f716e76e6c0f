import type { RunResult } from '../core/run.js';
import type { Palette } from './colors.js';

/**
 * Ansible-style recap: one line per host with ok / changed / failed / unreachable / skipped counts; a host the
 * interrupt stopped before its work was done says `NOT APPLIED`.
 */
export function formatRecap(result: RunResult, color: Palette): string {
  const width = Math.max(4, ...result.hosts.map((h) => h.host.length));
  const lines = [color.bold('RECAP')];
  for (const h of result.hosts) {
    const count = (s: string) => h.tasks.filter((t) => t.status === s).length;
    const ok = count('ok') + count('changed');
    const changed = count('changed');
    const failed = h.status === 'failed' ? 1 : 0;
    const unreachable = h.status === 'unreachable' ? 1 : 0;
    const name = h.host.padEnd(width);
    const paint =
      failed || unreachable ? color.red : changed || h.status === 'not-applied' ? color.yellow : color.green;
    const notApplied =
      h.status === 'not-applied'
        ? changed > 0
          ? ' NOT APPLIED: interrupted before all its changes ran'
          : ' NOT APPLIED: interrupted before it was changed'
        : '';
    lines.push(
      `${paint(name)} : ok=${ok} changed=${changed} failed=${failed} unreachable=${unreachable} skipped=${count('skipped')}` +
        paint(notApplied) +
        (h.error ? `\n${' '.repeat(width)}   ${color.red(h.error)}` : ''),
    );
  }
  if (result.notStarted.length > 0) lines.push(color.yellow(`not touched: ${result.notStarted.join(', ')}`));
  if (result.interrupted) lines.push(color.yellow('interrupted: no new work was started after the interrupt'));
  return lines.join('\n');
}
