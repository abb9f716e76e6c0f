import { interpretCiscoConfig, type CiscoDialect } from '../cisco-config-interpreter.js';
import type { ParseOptions, SwitchState } from '../switch-state.js';
import { NXOS_INTERFACE_NAMES } from './nxos-interface-names.js';

/**
 * NX-OS: an interface is a switchport when it says so (`switchport`, any `switchport ...` line) or when the
 * config carries `system default switchport` (Ethernet and port-channel only). Nexus 9000 defaults to Layer 3
 * otherwise, so a bare interface's mode stays unknown.
 */
export const NXOS_DIALECT: CiscoDialect = {
  naming: NXOS_INTERFACE_NAMES,
  isDefaultSwitchport: (name, globals) =>
    globals.has('system default switchport') && /^(Ethernet|port-channel)\d/.test(name) && !name.includes('.'),
};

/**
 * Parses NX-OS `show running-config` (or `show running-config all`, or a `| section` excerpt) into a SwitchState.
 * Wrapped `switchport trunk allowed vlan add` lines are joined; no allowed line on a trunk means ALL VLANs.
 */
export function parseNxosConfig(text: string, opts: ParseOptions = {}): SwitchState {
  return interpretCiscoConfig(text, NXOS_DIALECT, undefined, opts);
}
