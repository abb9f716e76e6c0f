import { formatDuration } from './duration.js';
import { changesOf, type SiteReport } from './host-report.js';

/** What the round's one log line says besides the sites. */
export interface RoundFacts {
  readonly round: number;
  readonly durationMs: number;
  /** Ticks skipped since the previous line because a round was still running. */
  readonly skippedTicks: number;
  readonly at: Date;
}

const MAX_NAMED = 5;

/**
 * The one line a round logs: per site, how many hosts are in sync, which have changes, which are down or failed
 * (with the first line of why), then the round's duration.
 * `2026-11-29T10:41:05.123Z round 7: site1: 4 hosts: 3 in sync, 1 with changes (node1: 2); 0.12s`
 */
export function formatRoundLine(facts: RoundFacts, sites: readonly SiteReport[]): string {
  const parts = sites.map((s) => {
    const inSync = s.hosts.filter((h) => changesOf(h) === 0).length;
    const drifted = s.hosts.filter((h) => (changesOf(h) ?? 0) > 0);
    const down = s.hosts.filter((h) => !h.up);
    const failed = s.hosts.filter((h) => h.up && h.error !== undefined);
    const words = [`${inSync} in sync`];
    if (drifted.length > 0)
      words.push(`${drifted.length} with changes (${named(drifted.map((h) => `${h.host}: ${changesOf(h)}`))})`);
    if (down.length > 0) words.push(`${down.length} down (${named(down.map((h) => `${h.host}: ${why(h.error)}`))})`);
    if (failed.length > 0)
      words.push(`${failed.length} failed (${named(failed.map((h) => `${h.host}: ${why(h.error)}`))})`);
    return `${s.site}: ${s.hosts.length} host${s.hosts.length === 1 ? '' : 's'}: ${words.join(', ')}`;
  });
  const skipped =
    facts.skippedTicks > 0
      ? ` (${facts.skippedTicks} round${facts.skippedTicks === 1 ? '' : 's'} skipped: the previous round ran past the interval)`
      : '';
  return `${facts.at.toISOString()} round ${facts.round}: ${parts.join('; ')}; ${formatDuration(facts.durationMs)}${skipped}`;
}

function named(items: readonly string[]): string {
  return items.length <= MAX_NAMED ? items.join(', ') : `${items.slice(0, MAX_NAMED).join(', ')}, ...`;
}

/** The first line of an error, without the host prefix the engine puts in front, at most 100 characters. */
function why(error: string | undefined): string {
  const line = (error ?? 'unknown error').split('\n')[0]!.replace(/^\S+: (connect failed: )?/, '');
  return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}
