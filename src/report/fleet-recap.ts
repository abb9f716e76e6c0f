import type { FleetSiteOutcome } from '../core/fleet.js';
import type { Palette } from './colors.js';

/**
 * The fleet recap: one line per site, `in sync`, `N changes`, `failed`, `invalid` or `interrupted`, each failed or
 * invalid site followed by its first errors (the whole list is printed above, in the site's section).
 * `applied`: the changes were applied (apply), not only planned.
 */
export function formatFleetRecap(sites: readonly FleetSiteOutcome[], color: Palette, applied = false): string {
  const width = Math.max(4, ...sites.map((s) => s.site.length));
  const lines = [color.bold(`FLEET RECAP (${sites.length} site${sites.length === 1 ? '' : 's'})`)];
  for (const s of sites) {
    const name = s.site.padEnd(width);
    const changes = `${s.changes} change${s.changes === 1 ? '' : 's'}${applied ? ' applied' : ''}`;
    const text =
      s.status === 'in-sync'
        ? color.green('in sync')
        : s.status === 'changes'
          ? color.yellow(changes)
          : s.status === 'interrupted'
            ? color.yellow(`interrupted${s.changes > 0 ? ` (${changes})` : ''}`)
            : color.red(s.status === 'failed' && s.changes > 0 ? `failed (${changes})` : s.status);
    lines.push(`${name} : ${text}`);
    const shown = s.errors.slice(0, 3);
    for (const e of shown) lines.push(`${' '.repeat(width)}   ${color.red(e)}`);
    if (s.errors.length > shown.length)
      lines.push(`${' '.repeat(width)}   ${color.dim(`... ${s.errors.length - shown.length} more above`)}`);
  }
  return lines.join('\n');
}
