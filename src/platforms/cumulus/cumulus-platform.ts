import type { PlatformSpec } from '../platform-spec.js';
import { CUMULUS_LLDP } from './cumulus-lldp.js';
import { cumulusDriver } from './cumulus-driver.js';
import { parseCumulusInterfaces } from './cumulus-parse.js';
import { renderCumulusDocument } from './cumulus-render.js';

/**
 * Cumulus Linux, document-based: the whole `/etc/network/interfaces` (ifupdown2, a VLAN-aware bridge) is written and
 * applied with `ifreload -a`, verified with `bridge -j vlan show`, and restored from its backup on failure.
 */
export const cumulusPlatform: PlatformSpec = {
  id: 'cumulus',
  aliases: ['cumulus_linux', 'nvidia.nvue.nvue'],
  role: 'switch',
  hostVars: {
    interfaces_file: { type: 'string', description: 'the interfaces file (default /etc/network/interfaces)' },
    keep_interfaces_backup: { type: 'boolean', description: 'keep the backup of the file after a good apply' },
  },
  template: { path: 'switch/cumulus/interfaces.njk', extension: 'interfaces' },
  refusePort: (port) =>
    port.mode === 'trunk' && port.allowedVlans?.length === 0
      ? {
          message: `port ${port.name} is a trunk allowing no VLANs, which ifupdown2 cannot express`,
          fix: 'give it allowed_vlans, or make it an access port',
        }
      : undefined,
  switch: {
    kind: 'document',
    // Kernel interface names (`swp1`), kept as written.
    interfaceNames: { types: [], frontPanel: (n) => `swp${n}` },
    planning: {
      unnamedVlans: { inSync: 'already on the bridge (Cumulus has no VLAN names)' },
      nativeAlwaysAllowed: true,
      unlistedPortCarries: 'defined-vlans',
    },
    parse: parseCumulusInterfaces,
    driver: cumulusDriver,
    renderDocument: renderCumulusDocument,
  },
  lldp: CUMULUS_LLDP,
};
