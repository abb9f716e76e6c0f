import { ConfigError } from '../core/errors.js';
import type { Host, Inventory } from '../core/inventory.js';
import { selectHosts } from '../inventory/host-pattern.js';
import type { Play, Playbook, Task } from '../core/playbook.js';

/** A play of the run with its selected tasks and hosts, in playbook order. */
export interface RunPlay {
  readonly play: Play;
  readonly tasks: readonly Task[];
  readonly hosts: readonly Host[];
}

/** The plays of a run: each with the tasks --tags selects and the hosts --limit leaves. */
export function runPlays(opts: {
  readonly playbook: Playbook;
  readonly inventory: Inventory;
  readonly tags?: readonly string[];
  readonly limit?: string;
}): RunPlay[] {
  return opts.playbook.plays.map((play) => ({
    play,
    tasks: selectTasks(play, opts.tags),
    hosts: playHosts(opts.inventory, play, opts.limit),
  }));
}

/** Why a play does not run at all (no task matches --tags, or no host matches), or undefined. */
export function playSkipReason(p: { tasks: readonly unknown[]; hosts: readonly unknown[] }): string | undefined {
  if (p.tasks.length === 0) return 'no task matches --tags';
  return p.hosts.length === 0 ? 'no host matches' : undefined;
}

/** The hosts a play runs on: its pattern, narrowed by --limit, in inventory order. */
export function playHosts(inv: Inventory, play: Play, limit: string | undefined): Host[] {
  // A play whose pattern matches nothing is skipped (as in Ansible); a --limit typo is an error, raised earlier.
  let hosts: Host[];
  try {
    hosts = selectHosts(inv, play.hosts);
  } catch (error) {
    if (error instanceof ConfigError) return [];
    throw error;
  }
  if (!limit) return hosts;
  const allowed = new Set(selectHosts(inv, limit).map((h) => h.name));
  return hosts.filter((h) => allowed.has(h.name));
}

/**
 * Tasks of a play selected by --tags (a task carries its play's tags too). No --tags: every task but those tagged
 * `never` (Ansible's special tag: they run only when one of their tags is asked for, like the day-0 ports play).
 */
export function selectTasks(play: Play, tags: readonly string[] | undefined): Task[] {
  if (!tags || tags.length === 0) return play.tasks.filter((t) => ![...play.tags, ...t.tags].includes('never'));
  return play.tasks.filter((t) => [...play.tags, ...t.tags].some((tag) => tags.includes(tag)));
}
