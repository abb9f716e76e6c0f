/**
 * nmstate documents as acp-play sees them: the desired state it applies and the `nmstatectl show --json` output it
 * gathers. Both are the same schema (nmstate's YAML/JSON API); only the interface list is typed here, every other
 * property stays an open JSON value because nmstate preserves whatever a desired state does not mention.
 */

/** Any JSON value inside an nmstate document. */
export type NmstateValue = string | number | boolean | null | readonly NmstateValue[] | NmstateObject;

/** A JSON object inside an nmstate document. */
export interface NmstateObject {
  readonly [key: string]: NmstateValue | undefined;
}

/** `state` of an interface: `absent` removes it, `ignore` leaves it alone. */
export type InterfaceState = 'up' | 'down' | 'ignore' | 'absent';

/** One entry of `interfaces:`; `name` is the identity (with `type` when two entries share a name, as OVS does). */
export interface NmstateInterface extends NmstateObject {
  readonly name: string;
  readonly type?: string;
  readonly state?: InterfaceState;
}

/** A whole nmstate document (desired, or `show --json`). Sections other than `interfaces` stay open. */
export interface NmstateState {
  readonly interfaces: readonly NmstateInterface[];
  readonly [section: string]: NmstateValue | readonly NmstateInterface[] | undefined;
}

export function isNmstateObject(value: unknown): value is NmstateObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that a parsed document (YAML or JSON) is an nmstate state with named interfaces; returns it typed.
 * Throws a plain Error naming `source` otherwise (callers wrap it in their own error type).
 */
export function toNmstateState(value: unknown, source: string): NmstateState {
  if (!isNmstateObject(value)) throw new Error(`${source}: an nmstate state must be a mapping`);
  const interfaces = value['interfaces'] ?? [];
  if (!Array.isArray(interfaces)) throw new Error(`${source}: interfaces must be a list`);
  interfaces.forEach((iface: unknown, i: number) => {
    if (!isNmstateObject(iface) || typeof iface['name'] !== 'string' || iface['name'] === '') {
      throw new Error(`${source}: interfaces[${i}] needs a name`);
    }
  });
  return { ...value, interfaces: interfaces as NmstateInterface[] } as NmstateState;
}
