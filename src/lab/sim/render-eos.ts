import { compressRanges } from '../../inventory/vlan-set.js';
import type { PortState, SwitchState } from '../../platforms/switch-state.js';
import { allowedLines, portValueLines, sortedVlans, type RenderOptions } from './render-common.js';

const INDENT = '   ';

/**
 * EOS `show running-config` text: three-space indents, `!` between blocks, unnamed VLANs grouped on one `vlan LIST`
 * line, VLAN 1 left out unless named, the allowed list on ONE line after the access/native lines, the mode after it,
 * `shutdown` only when shut (no `no shutdown`: enabled is the default).
 */
export function renderEosConfig(state: SwitchState, opts: RenderOptions): string {
  const lines = [
    '! Command: show running-config',
    `! device: ${opts.hostname} (vEOS-lab, EOS-4.30.1F)`,
    '!',
    'no aaa root',
    '!',
    `hostname ${opts.hostname}`,
    '!',
  ];
  let unnamed: number[] = [];
  const flush = (): void => {
    if (unnamed.length > 0) lines.push(`vlan ${compressRanges(unnamed).join(',')}`, '!');
    unnamed = [];
  };
  for (const v of sortedVlans(state)) {
    if (v.name === undefined) {
      if (v.id !== 1) unnamed.push(v.id);
      continue;
    }
    flush();
    lines.push(`vlan ${v.id}`, `${INDENT}name ${v.name}`, '!');
  }
  flush();
  for (const block of opts.extraBlocks ?? []) lines.push(...block, '!');
  for (const port of state.interfaces.values()) lines.push(...renderEosInterface(port), '!');
  lines.push('end', '');
  return lines.join('\n');
}

/** One `interface` block. */
export function renderEosInterface(port: PortState): string[] {
  const v = portValueLines(port, INDENT);
  const out = [`interface ${port.name}`, ...v.description];
  if (port.shutdown) out.push(`${INDENT}shutdown`);
  out.push(...v.access, ...v.native, ...allowedLines(port, INDENT));
  if (port.mode !== undefined && port.mode !== 'access' && port.mode !== 'routed')
    out.push(`${INDENT}switchport mode ${port.mode}`);
  if (port.mode === 'routed') out.push(`${INDENT}no switchport`);
  return out;
}
