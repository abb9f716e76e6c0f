import { interpretCiscoConfig, type CiscoDialect } from '../cisco-config-interpreter.js';
import type { ParseOptions, SwitchState } from '../switch-state.js';
import { IOS_INTERFACE_NAMES } from './ios-interface-names.js';

/**
 * IOS / IOS-XE: only interfaces with a `switchport` line are known to be switchports (a router's ports are routed,
 * a Catalyst's are L2 and may print nothing). VLAN definitions appear in the running-config only in VTP
 * transparent/off mode; otherwise the driver must gather them from `show vlan brief`.
 */
export const IOS_DIALECT: CiscoDialect = {
  naming: IOS_INTERFACE_NAMES,
  isDefaultSwitchport: () => false,
};

/**
 * Parses IOS `show running-config` into a SwitchState: CRLF line ends, `Building configuration...` banners,
 * one-space-indented `interface` lines and `allowed vlan 1, 2` (space after comma) are all accepted.
 */
export function parseIosConfig(text: string, opts: ParseOptions = {}): SwitchState {
  return interpretCiscoConfig(text, IOS_DIALECT, undefined, opts);
}
