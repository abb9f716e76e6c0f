import { comparePortNames } from '../model/port-names.js';
import { sortedVlans, type SimPort, type SimSwitchState } from '../model/switch-model.js';
import { allowedLines } from '../render-lines.js';

/** IOS wraps the allowed list at 80 columns like NX-OS (continuation lines with `add`), keeping pairs apart. */
export const IOS_ALLOWED_WRAP = 80;

const INDENT = ' ';
const KIND_ORDER = ['port-channel', 'ethernet', 'loopback', 'management', 'svi'];

/** `Building configuration...` and `Current configuration : N bytes` around a body. */
export function iosConfigText(body: readonly string[]): string {
  const text = [...body, 'end', ''].join('\n');
  return ['Building configuration...', '', `Current configuration : ${text.length} bytes`, text].join('\n');
}

/**
 * IOS `show running-config`: one-space indents, `!` between blocks, the archive block, VLANs only in VTP transparent
 * or off mode (otherwise they live in vlan.dat), interfaces, `end`.
 */
export function renderIosConfig(state: SimSwitchState): string {
  const body = ['!', '! Last configuration change at 00:00:00 UTC Mon Jan 1 2024', '!', 'version 17.9'];
  body.push(
    'service timestamps debug datetime msec',
    'service timestamps log datetime msec',
    '!',
    `hostname ${state.hostname}`,
    '!',
  );
  const archive = state.archive;
  if (archive) {
    body.push('archive');
    if (archive.path !== undefined) body.push(` path ${archive.path}`);
    if (archive.maximum !== undefined) body.push(` maximum ${archive.maximum}`);
    body.push('!');
  }
  if (state.vtpMode !== 'server') body.push(`vtp mode ${state.vtpMode}`, '!');
  if (state.vtpMode === 'transparent' || state.vtpMode === 'off') {
    for (const v of sortedVlans(state)) {
      if (v.id === 1) continue;
      body.push(`vlan ${v.id}`, ...(v.name !== undefined ? [`${INDENT}name ${v.name}`] : []), '!');
    }
  }
  const ports = [...state.ports.values()].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || comparePortNames('cisco_ios', a.name, b.name),
  );
  for (const port of ports) body.push(...renderIosInterface(port), '!');
  if (state.lldp) body.push('lldp run', '!');
  return iosConfigText(body);
}

/** One `interface` block. */
export function renderIosInterface(port: SimPort): string[] {
  const out = [`interface ${port.name}`];
  if (port.description !== undefined) out.push(`${INDENT}description ${port.description}`);
  if (port.kind === 'ethernet' || port.kind === 'port-channel') {
    if (port.accessVlan !== 1) out.push(`${INDENT}switchport access vlan ${port.accessVlan}`);
    if (port.encapsulation !== undefined && port.encapsulation !== 'negotiate')
      out.push(`${INDENT}switchport trunk encapsulation ${port.encapsulation}`);
    if (port.nativeVlan !== 1) out.push(`${INDENT}switchport trunk native vlan ${port.nativeVlan}`);
    out.push(...allowedLines(port, INDENT, IOS_ALLOWED_WRAP, 3));
    if (port.mode !== undefined && port.mode !== 'dynamic auto') out.push(`${INDENT}switchport mode ${port.mode}`);
    if (!port.switchport) out.push(`${INDENT}no switchport`);
  }
  if (port.channelGroup) out.push(`${INDENT}channel-group ${port.channelGroup.id} mode ${port.channelGroup.mode}`);
  if (port.shutdown === true) out.push(`${INDENT}shutdown`);
  return out;
}
