import { parseEosConfig } from '../../platforms/arista-eos/eos-parse.js';
import { parseIosConfig } from '../../platforms/cisco-ios/ios-parse.js';
import { parseNxosConfig } from '../../platforms/cisco-nxos/nxos-parse.js';
import { isAllVlans, type SwitchState } from '../../platforms/switch-state.js';
import type { SimPlatformId } from './sim-types.js';

/**
 * Device-side normal form of a SwitchState: what a switch stores after any command. VLAN 1 always exists;
 * `access vlan 1`, `native vlan 1` and an allowed list of all VLANs are the defaults, so the device keeps (and
 * prints) nothing for them. The simulators apply this after every command.
 */
export function normaliseSimState(state: SwitchState): SwitchState {
  if (!state.vlans.has(1)) state.vlans.set(1, { id: 1 });
  for (const port of state.interfaces.values()) {
    if (port.accessVlan === 1) delete port.accessVlan;
    if (port.nativeVlan === 1) delete port.nativeVlan;
    if (!port.allowedIsDefault && isAllVlans(port.allowedVlans)) port.allowedIsDefault = true;
  }
  return state;
}

/** Parses a running-config with the project's own parser for the platform. */
export function parseSimConfig(platform: SimPlatformId, text: string): SwitchState {
  switch (platform) {
    case 'cisco_nxos':
      return parseNxosConfig(text);
    case 'arista_eos':
      return parseEosConfig(text);
    case 'cisco_ios':
      return parseIosConfig(text);
  }
}
