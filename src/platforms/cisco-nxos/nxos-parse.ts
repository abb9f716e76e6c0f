import { interpretCiscoConfig, type CiscoDialect } from '../cisco-config-interpreter.js';
import type { ParseOptions, SwitchState } from '../switch-state.js';
import { NXOS_INTERFACE_NAMES } from './nxos-interface-names.js';

/**
 * NX-OS (Nexus 9000): an interface is a switchport when it says so (`switchport`, any `switchport ...` line) or when
 * the config carries `system default switchport` (Ethernet and port-channel only); otherwise a bare Ethernet
 * port is routed, so its mode stays unknown. An Ethernet port with no `shutdown` line is shut unless it is a
 * switchport and the config says `no system default switchport shutdown` (running-config prints only that
 * non-default form; `show running-config all` prints either): a routed port is always shut until `no shutdown`,
 * as an SVI is. Port-channels and loopbacks are up.
 */
export const NXOS_DIALECT: CiscoDialect = {
  naming: NXOS_INTERFACE_NAMES,
  isDefaultSwitchport: (name, globals) =>
    globals.has('system default switchport') && /^(Ethernet|port-channel)\d/.test(name) && !name.includes('.'),
  defaultMode: 'access',
  isDefaultShutdown(name, mode, globals) {
    if (/^Vlan\d/.test(name)) return true;
    if (!/^Ethernet\d/.test(name) || name.includes('.')) return false;
    const switchport = mode !== undefined && mode !== 'routed';
    return !switchport || !globals.has('no system default switchport shutdown');
  },
};

/**
 * Parses NX-OS `show running-config` (or `show running-config all`, or a `| section` excerpt) into a SwitchState.
 * Wrapped `switchport trunk allowed vlan add` lines are joined; no allowed line on a trunk means ALL VLANs.
 */
export function parseNxosConfig(text: string, opts: ParseOptions = {}): SwitchState {
  return interpretCiscoConfig(text, NXOS_DIALECT, undefined, opts);
}
