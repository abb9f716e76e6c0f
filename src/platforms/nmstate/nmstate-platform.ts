import type { PlatformSpec } from '../platform-spec.js';
import { NMSTATE_LLDP } from './nmstate-lldp.js';
import { NMSTATE_TEMPLATE } from './nmstate-desired.js';
import { nmstateModule } from './nmstate-module.js';

/**
 * A node: VLAN interfaces and Linux bridges applied with `nmstatectl apply --no-commit` under a NetworkManager
 * checkpoint, driven by the `nmstate` module.
 */
export const nmstatePlatform: PlatformSpec = {
  id: 'nmstate',
  aliases: [],
  role: 'node',
  hostVars: { nmstatectl: { type: 'string', description: 'the nmstatectl command on the node (default nmstatectl)' } },
  template: NMSTATE_TEMPLATE,
  modules: [nmstateModule],
  lldp: NMSTATE_LLDP,
};
