import type { PortRules } from './model/port-rules.js';
import { portOperation } from './model/port-operation.js';
import { comparePortNames, shortPortName } from './model/port-names.js';
import { defaultVlanName, sortedVlans, type SimSwitchState, type SimVlan } from './model/switch-model.js';

/** Pieces of `show` output the three platforms lay out alike (column widths and wrapping differ per platform). */

/** The ports `show vlan` lists under a VLAN: access ports in it, and (NX-OS, EOS) trunks carrying it. */
export function vlanMembers(state: SimSwitchState, rules: PortRules, vlan: number, withTrunks: boolean): string[] {
  const names = [...state.ports.values()]
    .filter((p) => p.kind === 'ethernet' || p.kind === 'port-channel')
    .filter((p) => {
      const op = portOperation(state, p, rules);
      if (p.channelGroup) return false;
      if (op.mode === 'access') return op.untagged === vlan;
      return withTrunks && op.mode === 'trunk' && (op.untagged === vlan || op.tagged.includes(vlan));
    })
    .map((p) => p.name)
    .sort((a, b) => comparePortNames(rules.platform, a, b));
  return names.map((n) => shortPortName(rules.platform, n));
}

/** Layout of a `show vlan brief` table. */
export interface VlanTableStyle {
  /** Width of the VLAN column (NX-OS/IOS 4, EOS 5). */
  readonly idWidth: number;
  readonly withTrunks: boolean;
  /** Width of the Ports column; a longer list continues on the next line (no trailing comma). */
  readonly portsWidth: number;
  readonly status: (vlan: SimVlan) => string;
}

/** `show vlan brief` rows (header, rule and one row per VLAN, wrapped ports aligned under the Ports column). */
export function vlanTable(state: SimSwitchState, rules: PortRules, style: VlanTableStyle): string[] {
  const pad = (s: string, n: number): string => s.padEnd(n);
  const lines = [
    `${pad('VLAN', style.idWidth)} ${pad('Name', 32)} ${pad('Status', 9)} Ports`,
    `${'-'.repeat(style.idWidth)} ${'-'.repeat(32)} ${'-'.repeat(9)} ${'-'.repeat(31)}`,
  ];
  for (const v of sortedVlans(state)) {
    const ports = vlanMembers(state, rules, v.id, style.withTrunks);
    const rows = wrapPorts(ports, style.portsWidth);
    const lead = `${pad(String(v.id), style.idWidth)} ${pad(v.name ?? defaultVlanName(v.id), 32)} ${pad(style.status(v), 9)} `;
    lines.push((lead + (rows[0] ?? '')).trimEnd());
    for (const row of rows.slice(1)) lines.push(' '.repeat(lead.length) + row);
  }
  return lines;
}

function wrapPorts(ports: readonly string[], width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const p of ports) {
    const next = row === '' ? p : `${row}, ${p}`;
    if (next.length > width && row !== '') {
      rows.push(row);
      row = p;
    } else row = next;
  }
  if (row !== '') rows.push(row);
  return rows;
}

/** `1 (default)`, `2003 (virtual-machines-1)`, or NX-OS's `5 (Vlan not created)`. */
export function vlanWithName(state: SimSwitchState, id: number, missing: string): string {
  const v = state.vlans.get(id);
  return `${id} (${v ? (v.name ?? defaultVlanName(id)) : missing})`;
}
