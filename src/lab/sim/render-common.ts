import { chunkVlanSet, formatVlanSet } from '../../inventory/vlan-set.js';
import type { PortState, SwitchState } from '../../platforms/switch-state.js';

/** Pieces shared by the NX-OS, EOS and IOS running-config renderers. */

/** What a renderer needs besides the SwitchState. */
export interface RenderOptions {
  readonly hostname: string;
  /** Extra top-level blocks printed before the interfaces (IOS `archive`), each line as the device prints it. */
  readonly extraBlocks?: readonly (readonly string[])[];
}

const ALLOWED = 'switchport trunk allowed vlan';

/**
 * The allowed-vlan lines of a port, or none when the port follows the default (all VLANs; the devices omit the
 * line). `wrapAt` = the longest line (indent included) before the list continues on an `add` line; undefined = one
 * line however long (EOS).
 */
export function allowedLines(port: PortState, indent: string, wrapAt?: number): string[] {
  if (port.allowedIsDefault) return [];
  if (port.allowedVlans.length === 0) return [`${indent}${ALLOWED} none`];
  if (wrapAt === undefined) return [`${indent}${ALLOWED} ${formatVlanSet(port.allowedVlans)}`];
  const budget = wrapAt - `${indent}${ALLOWED} add `.length;
  const [first, ...rest] = chunkVlanSet(port.allowedVlans, budget);
  return [`${indent}${ALLOWED} ${first}`, ...rest.map((l) => `${indent}${ALLOWED} add ${l}`)];
}

/** The VLAN definitions sorted by id. */
export function sortedVlans(state: SwitchState): { id: number; name?: string }[] {
  return [...state.vlans.values()].sort((a, b) => a.id - b.id);
}

/** `description`, native and access lines shared by the three dialects (order differs per device). */
export function portValueLines(
  port: PortState,
  indent: string,
): { description: string[]; access: string[]; native: string[] } {
  return {
    description: port.description !== undefined ? [`${indent}description ${port.description}`] : [],
    access: port.accessVlan !== undefined ? [`${indent}switchport access vlan ${port.accessVlan}`] : [],
    native: port.nativeVlan !== undefined ? [`${indent}switchport trunk native vlan ${port.nativeVlan}`] : [],
  };
}

/** The default VLAN name the three devices show for an unnamed VLAN: VLAN0010. */
export function defaultVlanName(id: number): string {
  return id === 1 ? 'default' : `VLAN${String(id).padStart(4, '0')}`;
}
