import type { PortState, SwitchState } from '../../platforms/switch-state.js';
import { allowedLines, portValueLines, sortedVlans, type RenderOptions } from './render-common.js';

/** IOS wraps the allowed list at 80 columns like NX-OS (continuation lines with `add`). */
export const IOS_ALLOWED_WRAP = 80;

const INDENT = ' ';

/** IOS render options: VLANs are in the running-config only in VTP transparent (or off) mode. */
export interface IosRenderOptions extends RenderOptions {
  readonly vtpTransparent: boolean;
}

/**
 * IOS `show running-config`: `Building configuration...` and `Current configuration : N bytes` first, one-space
 * indents, `!` between blocks, `end` last. `switchport mode access` is printed for an access port (a Catalyst port
 * with no switchport line at all is left with an unknown mode, as the parser reads it).
 */
export function renderIosConfig(state: SwitchState, opts: IosRenderOptions): string {
  const body = ['!', 'version 15.2', 'service timestamps log datetime msec', '!', `hostname ${opts.hostname}`, '!'];
  for (const block of opts.extraBlocks ?? []) body.push(...block, '!');
  if (opts.vtpTransparent) {
    body.push('vtp mode transparent', '!');
    for (const v of sortedVlans(state)) {
      if (v.id === 1) continue;
      body.push(`vlan ${v.id}`, ...(v.name !== undefined ? [`${INDENT}name ${v.name}`] : []), '!');
    }
  }
  for (const port of state.interfaces.values()) body.push(...renderIosInterface(port), '!');
  body.push('end', '');
  const text = body.join('\n');
  return ['Building configuration...', '', `Current configuration : ${text.length} bytes`, text].join('\n');
}

/** One `interface` block. */
export function renderIosInterface(port: PortState): string[] {
  const v = portValueLines(port, INDENT);
  const out = [`interface ${port.name}`, ...v.description];
  if (port.mode === 'routed') out.push(`${INDENT}no switchport`);
  out.push(...v.access, ...v.native, ...allowedLines(port, INDENT, IOS_ALLOWED_WRAP));
  if (port.mode !== undefined && port.mode !== 'routed') out.push(`${INDENT}switchport mode ${port.mode}`);
  if (port.shutdown) out.push(`${INDENT}shutdown`);
  return out;
}
