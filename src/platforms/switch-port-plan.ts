import type { SwitchPort } from '../core/site.js';
import { allVlans, formatVlanSet, sameVlanSet, vlanSetDiff } from '../inventory/vlan-set.js';
import { isAllVlans, type PortState } from './switch-state.js';

/**
 * The per-port half of the switch planner: from a desired SwitchPort and the gathered PortState, the fields that
 * differ (a PortDelta, which platform emitters turn into commands) and the human diff lines. Pure and set-based.
 */

/** How the allowed list changes. `replace` sends the whole set; `merge` sends only `add` / `remove`. */
export type AllowedChange =
  | { readonly kind: 'replace'; readonly ids: readonly number[] }
  | { readonly kind: 'merge'; readonly add: readonly number[]; readonly remove: readonly number[] };

/** What must change on one port; absent fields are already right (or not managed by the inventory). */
export interface PortDelta {
  readonly name: string;
  /** The mode the port has now (`undefined` = unknown, maybe routed). */
  readonly currentMode?: string;
  readonly mode?: 'access' | 'trunk';
  /** `switchport trunk encapsulation dot1q`, sent before the mode (an ISL-capable IOS port). */
  readonly encapsulation?: 'dot1q';
  readonly accessVlan?: number;
  readonly nativeVlan?: number;
  readonly allowed?: AllowedChange;
  /** The allowed set the port ends with (present whenever `allowed` is). */
  readonly allowedTarget?: readonly number[];
  readonly description?: string;
  /** `true` = `no shutdown`, `false` = `shutdown`. */
  readonly enabled?: boolean;
  /** Human diff lines, each starting with the port name. */
  readonly diff: readonly string[];
}

/** Context for one port: the VLANs the site manages (merge policy) and the platform's allowed-set rule. */
export interface PortPlanContext {
  readonly managedVlans: readonly number[];
  /** The native VLAN is always a member of a trunk (Cumulus's PVID): allowed sets are compared without it. */
  readonly ignoreNativeInAllowed?: boolean;
}

/**
 * The allowed set a trunk must end with.
 *
 * - `replace`: exactly the inventory's set.
 * - `merge`: the VLANs the site manages (managedVlans plus the port's own desired VLANs) are added or removed to
 *   match the inventory; every other VLAN on the port is left as it is.
 *
 * Merge against the implicit all-VLANs default (no allowed-vlan line): ALL already contains every desired VLAN (an
 * `add` would be a no-op), so the plan does not invent a narrow list; it only removes the managed VLANs this port must
 * not carry, and the port ends with "ALL except those" (devices turn `remove` on the default into an explicit list).
 * If no managed VLAN needs removing the port is in sync. The diff says so plainly and points at `policy: replace`,
 * the way to narrow such a port to exactly the inventory's set.
 */
export function targetAllowed(desired: SwitchPort, current: PortState, ctx: PortPlanContext): number[] {
  const wanted = [...(desired.allowedVlans ?? [])];
  if (desired.policy === 'replace') return wanted.sort((a, b) => a - b);
  const managed = new Set([...ctx.managedVlans, ...wanted]);
  const kept = current.allowedVlans.filter((id) => !managed.has(id));
  return [...new Set([...kept, ...wanted])].sort((a, b) => a - b);
}

/** Compares one port. Returns undefined when the port already matches. */
export function planPort(desired: SwitchPort, current: PortState, ctx: PortPlanContext): PortDelta | undefined {
  const name = desired.name;
  const diff: string[] = [];
  const delta: { -readonly [K in keyof PortDelta]?: PortDelta[K] } = { name, currentMode: current.mode };

  if (current.mode !== desired.mode) {
    delta.mode = desired.mode;
    diff.push(`${name} mode: ${current.mode ?? 'unknown'} -> ${desired.mode}`);
  }
  if (desired.mode === 'access' && desired.accessVlan !== undefined) {
    const now = current.accessVlan ?? 1;
    if (now !== desired.accessVlan || delta.mode !== undefined) {
      // Re-sent on a mode change too: a port coming from trunk mode may hold a stale access VLAN.
      if (now !== desired.accessVlan) diff.push(`${name} access vlan: ${now} -> ${desired.accessVlan}`);
      delta.accessVlan = desired.accessVlan;
    }
  }
  if (
    desired.mode === 'trunk' &&
    (current.trunkEncapsulation === 'negotiate' || current.trunkEncapsulation === 'isl')
  ) {
    // An ISL-capable port (IOS) refuses `switchport mode trunk` until it is told 802.1Q; an ISL trunk is not 802.1Q.
    delta.encapsulation = 'dot1q';
    diff.push(`${name} trunk encapsulation: ${current.trunkEncapsulation} -> dot1q`);
  }
  if (desired.mode === 'trunk') {
    const nowNative = current.nativeVlan ?? 1;
    if (desired.nativeVlan !== undefined && nowNative !== desired.nativeVlan) {
      delta.nativeVlan = desired.nativeVlan;
      diff.push(`${name} native: ${nowNative} -> ${desired.nativeVlan}`);
    }
    // No allowed set in the inventory = the list is not managed (never read as "none").
    if (desired.allowedVlans !== undefined) planAllowed(desired, current, ctx, delta, diff);
  }
  planOwnSettings(desired, current, delta, diff);
  return diff.length === 0 ? undefined : { ...delta, name, diff };
}

/**
 * What is a port's own whatever its switchport settings: the description and the admin state (a port-channel
 * member has only these).
 */
export function planOwnSettings(
  desired: Pick<SwitchPort, 'name' | 'description' | 'enabled'>,
  current: PortState,
  delta: { description?: string; enabled?: boolean },
  diff: string[],
): void {
  const name = desired.name;
  if (desired.description !== undefined && desired.description !== (current.description ?? '')) {
    delta.description = desired.description;
    diff.push(
      `${name} description: ${JSON.stringify(current.description ?? '')} -> ${JSON.stringify(desired.description)}`,
    );
  }
  if (desired.enabled === current.shutdown) {
    delta.enabled = desired.enabled;
    diff.push(`${name} shutdown: ${current.shutdown ? 'yes' : 'no'} -> ${desired.enabled ? 'no' : 'yes'}`);
  }
}

function planAllowed(
  desired: SwitchPort,
  current: PortState,
  ctx: PortPlanContext,
  delta: { allowed?: AllowedChange; allowedTarget?: readonly number[] },
  diff: string[],
): void {
  const target = targetAllowed(desired, current, ctx);
  const native = ctx.ignoreNativeInAllowed ? (desired.nativeVlan ?? current.nativeVlan ?? 1) : undefined;
  const strip = (ids: readonly number[]): number[] => ids.filter((id) => id !== native);
  if (sameVlanSet(strip(current.allowedVlans), strip(target))) return;
  const { added, removed } = vlanSetDiff(current.allowedVlans, target);
  delta.allowedTarget = target;
  delta.allowed =
    desired.policy === 'replace' ? { kind: 'replace', ids: target } : { kind: 'merge', add: added, remove: removed };
  const name = desired.name;
  if (isAllVlans(current.allowedVlans)) {
    const how = current.allowedIsDefault ? 'ALL (no allowed-vlan line: implicit 1-4094)' : 'ALL';
    const note =
      desired.policy === 'merge'
        ? ` (merge keeps VLANs the site does not manage; use policy replace to narrow it to ${formatVlanSet(desired.allowedVlans ?? []) || 'none'})`
        : '';
    diff.push(`${name} allowed: ${how} -> ${describeVlanSet(target)}${note}`);
    return;
  }
  const parts = [added.length ? `+${formatVlanSet(added)}` : '', removed.length ? `-${formatVlanSet(removed)}` : ''];
  const inherited = current.allowedIsDefault ? ` (was the default: ${describeVlanSet(current.allowedVlans)})` : '';
  diff.push(`${name} allowed: ${parts.filter(Boolean).join(' ')}${inherited}`);
}

/** `2003-2005`, `none`, `ALL`, or `ALL except 2000-2002` for sets bigger than half the range. */
export function describeVlanSet(ids: readonly number[]): string {
  if (ids.length === 0) return 'none';
  if (isAllVlans(ids)) return 'ALL';
  if (ids.length > 2047) return `ALL except ${formatVlanSet(vlanSetDiff(ids, allVlans()).added)}`;
  return formatVlanSet(ids);
}
