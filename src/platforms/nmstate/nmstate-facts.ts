import { projectOnto } from './nmstate-compare.js';
import type { NmstateDesired } from './nmstate-desired.js';
import type { NmstateState, NmstateValue } from './nmstate-state.js';

/**
 * What a node's plan depends on, per interface: for each interface the desired state names, the gathered values of
 * the keys it names (or `absent`); for every other gathered interface (the trunk NIC, a marked leftover), its
 * identity, state and description. Nothing else of `nmstatectl show` goes in: it reports running timers
 * (`bridge.options.gc-timer`, `hello-timer`) and address lifetimes that change between two gathers of an unchanged
 * node.
 */
export function nmstateFacts(current: NmstateState, desired: NmstateDesired): Record<string, NmstateValue> {
  const facts: Record<string, NmstateValue> = {};
  const named = new Set<string>();
  for (const want of desired.state.interfaces) {
    named.add(want.name);
    const have = current.interfaces.find((i) => i.name === want.name);
    facts[want.name] = have ? (projectOnto(want, have) ?? null) : 'absent';
  }
  for (const have of current.interfaces) {
    if (named.has(have.name)) continue;
    const { name, type, state } = have;
    const description = have['description'];
    facts[name] = { name, type: type ?? null, state: state ?? null, description: description ?? null };
  }
  return facts;
}
