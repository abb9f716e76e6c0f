import { formatVlanSet } from '../../inventory/vlan-set.js';
import type { PortState, SwitchState } from '../../platforms/switch-state.js';
import { allowedLines, portValueLines, sortedVlans, type RenderOptions } from './render-common.js';

/**
 * NX-OS wraps the allowed list so no line passes 80 columns (indent included), continuing with
 * `switchport trunk allowed vlan add`. Chosen to match the wrapped outputs in the corpora; NX-OS itself wraps
 * somewhere around there, and parsers must join the lines whatever the width.
 */
export const NXOS_ALLOWED_WRAP = 80;

const INDENT = '  ';

/** NX-OS `show running-config` text for a state (only what a SwitchState holds, in NX-OS's order and format). */
export function renderNxosConfig(state: SwitchState, opts: RenderOptions): string {
  const lines = [
    '',
    '!Command: show running-config',
    '!Time: Mon Jan  1 00:00:00 2024',
    '',
    'version 9.3(8) Bios:version 05.44',
    `hostname ${opts.hostname}`,
    '',
  ];
  const vlans = sortedVlans(state);
  // NX-OS lists every VLAN on one summary line, then a block per VLAN that has configuration (a name).
  if (vlans.length > 0) lines.push(`vlan ${formatVlanSet(vlans.map((v) => v.id))}`);
  for (const v of vlans) if (v.name !== undefined) lines.push(`vlan ${v.id}`, `${INDENT}name ${v.name}`);
  lines.push('');
  for (const block of opts.extraBlocks ?? []) lines.push(...block);
  for (const port of state.interfaces.values()) lines.push('', ...renderNxosInterface(port));
  lines.push('');
  return lines.join('\n');
}

/** One `interface` block as `show running-config interface X` prints it. */
export function renderNxosInterface(port: PortState): string[] {
  const v = portValueLines(port, INDENT);
  const out = [`interface ${port.name}`, ...v.description];
  if (port.mode === 'routed') out.push(`${INDENT}no switchport`);
  else if (port.mode !== undefined) {
    out.push(`${INDENT}switchport`);
    if (port.mode !== 'access') out.push(`${INDENT}switchport mode ${port.mode}`);
  }
  out.push(...v.access, ...v.native, ...allowedLines(port, INDENT, NXOS_ALLOWED_WRAP));
  out.push(port.shutdown ? `${INDENT}shutdown` : `${INDENT}no shutdown`);
  return out;
}
