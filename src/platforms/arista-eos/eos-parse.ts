import { interpretCiscoConfig, type CiscoDialect } from '../cisco-config-interpreter.js';
import type { ParseOptions, SwitchState } from '../switch-state.js';
import { EOS_INTERFACE_NAMES } from './eos-interface-names.js';

/**
 * EOS: Ethernet and Port-Channel interfaces are switchports (access, VLAN 1) unless the config says
 * `switchport default mode routed` or the interface says `no switchport`. EOS prints the allowed list on one line,
 * after the mode line, and a bare `switchport` line last; the interpreter is order-independent for those.
 */
export const EOS_DIALECT: CiscoDialect = {
  naming: EOS_INTERFACE_NAMES,
  isDefaultSwitchport: (name, globals) =>
    !globals.has('switchport default mode routed') && /^(Ethernet|Port-Channel)\d/.test(name) && !name.includes('.'),
  defaultMode: 'access',
};

/** Parses EOS `show running-config` (or `show running-config all`) into a SwitchState. */
export function parseEosConfig(text: string, opts: ParseOptions = {}): SwitchState {
  return interpretCiscoConfig(text, EOS_DIALECT, undefined, opts);
}
