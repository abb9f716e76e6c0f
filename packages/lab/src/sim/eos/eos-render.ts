import { comparePortNames } from '../model/port-names.js';
import { sortedVlans, type SimPort, type SimSwitchState } from '../model/switch-model.js';
import { formatVlanList } from '../model/vlan-list.js';
import { allowedLines } from '../render-lines.js';

const INDENT = '   ';
const KIND_ORDER = ['port-channel', 'ethernet', 'loopback', 'management', 'svi'];

/**
 * EOS `show running-config`: three-space indents, `!` between blocks, VLANs without settings grouped on one
 * `vlan LIST` line and VLAN 1 left out unless configured, the allowed list on ONE line (EOS never wraps it) after the
 * access and native lines and before the mode, `shutdown` only when shut.
 */
export function renderEosConfig(state: SimSwitchState): string {
  const lines = [
    '! Command: show running-config',
    `! device: ${state.hostname} (vEOS-lab, EOS-4.30.1F)`,
    '!',
    '! boot system flash:/vEOS-lab.swi',
    '!',
    'no aaa root',
    '!',
    `hostname ${state.hostname}`,
    '!',
  ];
  if (!state.lldp) lines.push('no lldp run', '!');
  let plain: number[] = [];
  const flush = (): void => {
    if (plain.length > 0) lines.push(`vlan ${formatVlanList(plain)}`, '!');
    plain = [];
  };
  for (const v of sortedVlans(state)) {
    if (v.name === undefined && !v.suspended) {
      if (v.id !== 1) plain.push(v.id);
      continue;
    }
    flush();
    lines.push(`vlan ${v.id}`);
    if (v.name !== undefined) lines.push(`${INDENT}name ${v.name}`);
    if (v.suspended) lines.push(`${INDENT}state suspend`);
    lines.push('!');
  }
  flush();
  const ports = [...state.ports.values()].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || comparePortNames('arista_eos', a.name, b.name),
  );
  for (const port of ports) lines.push(...renderEosInterface(port), '!');
  lines.push('end', '');
  return lines.join('\n');
}

/** One `interface` block. */
export function renderEosInterface(port: SimPort): string[] {
  const out = [`interface ${port.name}`];
  if (port.description !== undefined) out.push(`${INDENT}description ${port.description}`);
  if (port.shutdown === true) out.push(`${INDENT}shutdown`);
  if (port.kind === 'ethernet' || port.kind === 'port-channel') {
    if (port.accessVlan !== 1) out.push(`${INDENT}switchport access vlan ${port.accessVlan}`);
    if (port.nativeVlan !== 1) out.push(`${INDENT}switchport trunk native vlan ${port.nativeVlan}`);
    out.push(...allowedLines(port, INDENT, Infinity));
    if (port.mode !== undefined && port.mode !== 'access') out.push(`${INDENT}switchport mode ${port.mode}`);
    if (!port.switchport) out.push(`${INDENT}no switchport`);
  }
  if (port.channelGroup) out.push(`${INDENT}channel-group ${port.channelGroup.id} mode ${port.channelGroup.mode}`);
  return out;
}
