import { interpretCiscoConfig } from '../cisco-config-interpreter.js';
import type { SwitchState } from '../switch-state.js';
import { NXOS_DIALECT } from './nxos-parse.js';

/**
 * Applies NX-OS configuration commands (as sent in config mode: `interface Ethernet1/7`, `switchport trunk allowed
 * vlan add 2006`, `vlan 2003` / `name ...`, `no vlan 2004`, `exit`) to a SwitchState and returns the new state; the
 * input is not changed. It uses the same interpreter as the running-config parser, so it is the reference for what
 * a command does to the model: the planner's idempotency tests and the NX-OS device simulator both use it.
 * Commands the model does not cover (spanning-tree, mtu, ...) are accepted and ignored.
 */
export function applyNxosCommands(state: SwitchState, commands: readonly string[]): SwitchState {
  return interpretCiscoConfig(commands.join('\n'), NXOS_DIALECT, state);
}
