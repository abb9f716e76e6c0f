import { isShutdown } from '../model/port-operation.js';
import { comparePortNames } from '../model/port-names.js';
import { sortedVlans, type SimPort, type SimSwitchState } from '../model/switch-model.js';
import { formatVlanList } from '../model/vlan-list.js';
import { allowedLines } from '../render-lines.js';
import { NXOS_PORT_RULES } from './nxos-rules.js';

/** NX-OS wraps the allowed list so no line passes 80 columns, continuing with `switchport trunk allowed vlan add`. */
export const NXOS_ALLOWED_WRAP = 80;

const INDENT = '  ';
const STAMP = 'Mon Jan  1 00:00:00 2024';
const KIND_ORDER = ['svi', 'port-channel', 'ethernet', 'management', 'loopback'];

/** The header NX-OS prints before a running-config (or an excerpt of one). */
export function nxosConfigHeader(command: string): string[] {
  return [
    '',
    `!Command: ${command}`,
    `!Running configuration last done at: ${STAMP}`,
    `!Time: ${STAMP}`,
    '',
    'version 9.3(8) Bios:version 05.44',
  ];
}

/**
 * NX-OS `show running-config`: globals, `vlan LIST` then a block per configured VLAN, interfaces by type. With `all`
 * (`show running-config all`) the switchport defaults are printed too (only those this model keeps).
 */
export function renderNxosConfig(state: SimSwitchState, all = false): string {
  const lines = [...nxosConfigHeader(`show running-config${all ? ' all' : ''}`), `hostname ${state.hostname}`];
  if (state.lldp) lines.push('feature lldp');
  if (state.systemDefaultSwitchport) lines.push('system default switchport');
  else if (all) lines.push('no system default switchport');
  if (!state.systemDefaultSwitchportShutdown) lines.push('no system default switchport shutdown');
  else if (all) lines.push('system default switchport shutdown');
  lines.push('');
  const vlans = sortedVlans(state);
  lines.push(`vlan ${formatVlanList(vlans.map((v) => v.id))}`);
  for (const v of vlans) {
    if (v.name === undefined && !v.suspended) continue;
    lines.push(`vlan ${v.id}`);
    if (v.suspended) lines.push(`${INDENT}state suspend`);
    if (v.name !== undefined) lines.push(`${INDENT}name ${v.name}`);
  }
  lines.push('');
  for (const port of sortedPorts(state)) lines.push('', ...renderNxosInterface(state, port));
  lines.push('');
  return lines.join('\n');
}

function sortedPorts(state: SimSwitchState): SimPort[] {
  return [...state.ports.values()].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || comparePortNames('cisco_nxos', a.name, b.name),
  );
}

/** One `interface` block as NX-OS prints it. */
export function renderNxosInterface(state: SimSwitchState, port: SimPort): string[] {
  const out = [`interface ${port.name}`];
  if (port.description !== undefined) out.push(`${INDENT}description ${port.description}`);
  const defaultL2 = NXOS_PORT_RULES.defaultSwitchport(port.kind, state);
  if (port.kind === 'ethernet' || port.kind === 'port-channel') {
    if (port.switchport !== defaultL2) out.push(`${INDENT}${port.switchport ? '' : 'no '}switchport`);
  }
  if (port.switchport) {
    if (port.mode !== undefined && port.mode !== 'access') out.push(`${INDENT}switchport mode ${port.mode}`);
    if (port.accessVlan !== 1) out.push(`${INDENT}switchport access vlan ${port.accessVlan}`);
    if (port.nativeVlan !== 1) out.push(`${INDENT}switchport trunk native vlan ${port.nativeVlan}`);
    out.push(...allowedLines(port, INDENT, NXOS_ALLOWED_WRAP));
  }
  if (port.channelGroup)
    out.push(
      `${INDENT}channel-group ${port.channelGroup.id}${port.channelGroup.mode === 'on' ? '' : ` mode ${port.channelGroup.mode}`}`,
    );
  const down = isShutdown(state, port, NXOS_PORT_RULES);
  if (down !== NXOS_PORT_RULES.defaultShutdown(port, state)) out.push(`${INDENT}${down ? '' : 'no '}shutdown`);
  if (port.kind === 'management') out.push(`${INDENT}vrf member management`);
  return out;
}
