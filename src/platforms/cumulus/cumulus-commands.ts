import type { SwitchCommandEmitter } from '../switch-command-emitter.js';

/**
 * Cumulus is configured by writing the whole interfaces file (see cumulus-render.ts) and running `ifreload -a`;
 * individual Changes carry no commands.
 */
export const CUMULUS_COMMANDS: SwitchCommandEmitter = {
  vlan: () => [],
  removeVlan: () => [],
  port: () => [],
};
