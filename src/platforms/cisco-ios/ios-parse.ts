import { interpretCiscoConfig, type CiscoDialect } from '../cisco-config-interpreter.js';
import type { ParseOptions, SwitchState } from '../switch-state.js';
import { IOS_INTERFACE_NAMES } from './ios-interface-names.js';

/**
 * IOS / IOS-XE: only interfaces with a `switchport` line are known to be switchports from running-config alone (a
 * router's ports are routed, a Catalyst's are Layer 2 and may print nothing: the driver asks `show interfaces
 * switchport`). A Catalyst switchport with no `switchport mode` line is `dynamic auto`, the default it does not
 * print. VLAN definitions appear in running-config only in VTP transparent/off mode; otherwise the driver gathers
 * them from `show vlan brief`.
 */
export const IOS_DIALECT: CiscoDialect = {
  naming: IOS_INTERFACE_NAMES,
  isDefaultSwitchport: () => false,
  defaultMode: 'dynamic auto',
};

/**
 * Parses IOS `show running-config` into a SwitchState: CRLF line ends, `Building configuration...` banners,
 * one-space-indented `interface` lines and `allowed vlan 1, 2` (space after comma) are all accepted.
 */
export function parseIosConfig(text: string, opts: ParseOptions = {}): SwitchState {
  return interpretCiscoConfig(text, IOS_DIALECT, undefined, opts);
}
