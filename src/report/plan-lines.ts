import type { Change, ChangeAction, LeftAlone } from '../core/change.js';
import type { HostPlan, TaskPlan } from '../core/run.js';

/** `+` create, `-` delete, `~` update: the sign every plan report puts before a resource. */
export function changeSign(action: ChangeAction): string {
  return action === 'create' ? '+' : action === 'delete' ? '-' : '~';
}

/**
 * A change in one line for a summary table: its summary when it has one, else its diff's lines joined, each without
 * the resource name it repeats (`Ethernet1/3 allowed: -2005` -> `allowed: -2005`).
 */
export function oneLine(change: Change): string {
  if (change.summary !== undefined) return change.summary;
  const prefix = `${change.resource} `;
  return change.diff
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (l.startsWith(prefix) ? l.slice(prefix.length) : l))
    .join('; ');
}

/**
 * A host's verdict in a report: `in sync`, `N change(s)`, or a problem (failed, unreachable, or not planned because
 * the plan was interrupted: never called in sync).
 */
export function hostVerdict(host: HostPlan): { readonly text: string; readonly problem: boolean } {
  if (host.status === 'failed' || host.status === 'unreachable') return { text: host.status, problem: true };
  if (host.status === 'not-planned') return { text: 'not planned (interrupted)', problem: true };
  const count = host.tasks.reduce((n, t) => n + t.changes.length, 0);
  return { text: count === 0 ? 'in sync' : `${count} change(s)`, problem: false };
}

/** Objects a task leaves alone on purpose, grouped by reason (one line for many unmanaged VLANs). */
export interface LeftAloneGroup {
  readonly kind: LeftAlone;
  readonly reason: string;
  readonly resources: readonly string[];
}

export function leftAloneGroups(task: TaskPlan): LeftAloneGroup[] {
  const groups = new Map<string, { kind: LeftAlone; reason: string; resources: string[] }>();
  for (const s of task.inSync) {
    if (!s.leftAlone) continue;
    const key = `${s.leftAlone}\n${s.reason}`;
    const group = groups.get(key) ?? { kind: s.leftAlone, reason: s.reason, resources: [] };
    group.resources.push(s.resource);
    groups.set(key, group);
  }
  return [...groups.values()];
}
