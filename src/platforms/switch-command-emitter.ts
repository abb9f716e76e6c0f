import { chunkVlanSet } from '../inventory/vlan-set.js';
import type { AllowedChange, PortDelta } from './switch-port-plan.js';

/**
 * Turns planned deltas into a platform's exact config-mode commands. One implementation per platform lives in
 * `<platform>/<platform>-commands.ts`; NX-OS, EOS and IOS share the Cisco-style builder below.
 */
export interface SwitchCommandEmitter {
  /** Create or rename a VLAN definition. */
  vlan(id: number, name: string | undefined): string[];
  /** Remove a VLAN definition (only planned for VLANs acp-play owns; see switch-vlan-removals.ts). */
  removeVlan(id: number): string[];
  /** All commands for one port, starting with its `interface NAME` line. */
  port(delta: PortDelta): string[];
}

/**
 * Longest command line the emitters produce, prefix included. Devices reject or truncate long lines (IOS and NX-OS
 * terminals around 255); 220 counts the WHOLE line, so the VLAN list itself gets 220 minus the longest prefix.
 */
export const MAX_COMMAND_LENGTH = 220;

const ALLOWED = 'switchport trunk allowed vlan';

/** How a Cisco-style platform writes allowed lists. */
export interface CiscoCommandStyle {
  /** NX-OS / IOS: split long lists into `LIST` + `add LIST` lines. EOS: one line (it accepts long lists). */
  readonly chunkAllowedLists: boolean;
}

/** A Cisco-style emitter (NX-OS, EOS, IOS share the switchport vocabulary). */
export function ciscoCommandEmitter(style: CiscoCommandStyle): SwitchCommandEmitter {
  return {
    vlan: (id, name) => [`vlan ${id}`, ...(name !== undefined ? [`name ${name}`] : []), 'exit'],
    removeVlan: (id) => [`no vlan ${id}`],
    port: (delta) => ciscoPortCommands(delta, style),
  };
}

function ciscoPortCommands(delta: PortDelta, style: CiscoCommandStyle): string[] {
  const out = [`interface ${delta.name}`];
  if (delta.description !== undefined) out.push(`description ${delta.description}`);
  // A routed (or not known to be L2) port must become a switchport before it takes a switchport mode.
  if (delta.mode !== undefined && (delta.currentMode === undefined || delta.currentMode === 'routed'))
    out.push('switchport');
  if (delta.encapsulation !== undefined) out.push(`switchport trunk encapsulation ${delta.encapsulation}`);
  if (delta.mode !== undefined) out.push(`switchport mode ${delta.mode}`);
  if (delta.accessVlan !== undefined) out.push(`switchport access vlan ${delta.accessVlan}`);
  if (delta.nativeVlan !== undefined) out.push(`switchport trunk native vlan ${delta.nativeVlan}`);
  if (delta.allowed) out.push(...allowedCommands(delta.allowed, style));
  if (delta.enabled !== undefined) out.push(delta.enabled ? 'no shutdown' : 'shutdown');
  out.push('exit');
  return out;
}

function allowedCommands(change: AllowedChange, style: CiscoCommandStyle): string[] {
  const lists = (ids: readonly number[]): string[] =>
    style.chunkAllowedLists
      ? chunkVlanSet(ids, MAX_COMMAND_LENGTH - `${ALLOWED} remove `.length)
      : ids.length
        ? chunkVlanSet(ids, Number.MAX_SAFE_INTEGER)
        : [];
  if (change.kind === 'replace') {
    if (change.ids.length === 0) return [`${ALLOWED} none`];
    const [first, ...rest] = lists(change.ids);
    return [`${ALLOWED} ${first}`, ...rest.map((l) => `${ALLOWED} add ${l}`)];
  }
  return [
    ...lists(change.add).map((l) => `${ALLOWED} add ${l}`),
    ...lists(change.remove).map((l) => `${ALLOWED} remove ${l}`),
  ];
}
