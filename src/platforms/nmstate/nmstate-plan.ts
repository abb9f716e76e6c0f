import { stringify } from 'yaml';
import type { Change, InSync } from '../../core/change.js';
import { findDifferences, projectOnto } from './nmstate-compare.js';
import type { NmstateInterface, NmstateState, NmstateValue } from './nmstate-state.js';
import { summarizeInterface, summarizeRemoval, summarizeUpdate } from './nmstate-summary.js';

/** Options of {@link planNmstate}. */
export interface NmstatePlanOptions {
  /**
   * Delete current interfaces that match one of these name globs (`*` only, e.g. `bridge20*`, `enp4s0f0.*`) and
   * that the desired state does not name (`why` says so in each change's summary). Without it, interfaces the
   * desired state does not name are left alone.
   */
  readonly prune?: { readonly managed: readonly string[]; readonly why: string };
}

/** Result of planning one node: what to change, and what already matches (with reasons). */
export interface NmstatePlan {
  readonly changes: Change[];
  readonly inSync: InSync[];
}

/**
 * Plans one node's nmstate desired state against its `nmstatectl show --json` output. Pure. Only the keys the
 * desired state names are compared (nmstate preserves the rest), port lists are compared as sets by name, and
 * `state: absent` deletes an interface when present. Commands stay empty: the driver applies the whole desired
 * document, and nmstate orders the work itself.
 */
export function planNmstate(
  desired: Pick<NmstateState, 'interfaces'>,
  current: Pick<NmstateState, 'interfaces'>,
  opts: NmstatePlanOptions = {},
): NmstatePlan {
  const changes: Change[] = [];
  const inSync: InSync[] = [];
  for (const want of desired.interfaces) {
    const have = findInterface(current.interfaces, want);
    const name = want.name;
    if (want.state === 'ignore') {
      inSync.push({ resource: name, reason: `${name} has state: ignore, left as it is` });
    } else if (want.state === 'absent') {
      if (have) changes.push(deletion(have, 'state: absent in the inventory'));
      else inSync.push({ resource: name, reason: `${name} already absent` });
    } else if (!have) {
      changes.push({
        resource: name,
        action: 'create',
        diff: yamlDiff(null, want),
        commands: [],
        summary: summarizeInterface(want),
      });
    } else {
      const differences = findDifferences(want, have);
      if (differences.length === 0) {
        inSync.push({ resource: name, reason: `${name} already matches` });
      } else {
        const before = projectOnto(want, have) ?? null;
        changes.push({
          resource: name,
          action: 'update',
          diff: yamlDiff(before, want, differences),
          commands: [],
          summary: summarizeUpdate(want, differences),
        });
      }
    }
  }
  const named = new Set(desired.interfaces.map((iface) => iface.name));
  for (const have of current.interfaces) {
    if (!named.has(have.name) && (opts.prune?.managed ?? []).some((glob) => globMatches(glob, have.name))) {
      changes.push(deletion(have, opts.prune!.why));
    }
  }
  return { changes, inSync };
}

/**
 * Same name, and the same type when the desired entry gives one (OVS bridges share names with their ports); the
 * first of that name otherwise.
 */
function findInterface(list: readonly NmstateInterface[], want: NmstateInterface): NmstateInterface | undefined {
  const sameName = list.filter((iface) => iface.name === want.name);
  return sameName.find((iface) => iface.type === want.type) ?? sameName[0];
}

function deletion(have: NmstateInterface, why: string): Change {
  const identity = { name: have.name, type: have.type }; // the YAML leaves an undefined type out
  const before = { ...identity, state: have.state ?? 'up' };
  return {
    resource: have.name,
    action: 'delete',
    diff: yamlDiff(before, { ...identity, state: 'absent' }),
    commands: [],
    summary: summarizeRemoval(have, why),
  };
}

function yamlDiff(before: NmstateValue, after: NmstateValue, differences: readonly string[] = []): string {
  const head = differences.length > 0 ? `# differs: ${differences.join(', ')}\n` : '';
  return head + stringify({ before, after }, { lineWidth: 0 });
}

function globMatches(glob: string, name: string): boolean {
  const pattern = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}
