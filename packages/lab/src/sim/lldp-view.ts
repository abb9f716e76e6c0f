import { createHash } from 'node:crypto';
import { comparePortNames } from './model/port-names.js';
import type { SimPlatformId } from './model/switch-model.js';
import type { SimDevice } from './sim-device.js';
import type { LldpNeighbor } from './sim-types.js';

/** One LLDP neighbour as `show lldp neighbors` needs it. */
export interface LldpEntry {
  readonly localPort: string;
  readonly neighbor: LldpNeighbor;
  /** Chassis ID in Cisco's dotted form (`5254.00ab.cd01`). */
  readonly chassisId: string;
  readonly systemDescription: string;
}

/** A stable locally administered MAC for a neighbour that names none (lldpd sends the NIC's MAC). */
function chassisFor(n: LldpNeighbor): string {
  const hex = createHash('sha256').update(`${n.systemName}/${n.portId}`).digest('hex');
  return `5254.00${hex.slice(0, 2)}.${hex.slice(2, 6)}`;
}

/** The neighbours heard on ports that exist and are up, sorted by local port. */
export function lldpEntries(device: SimDevice, platform: SimPlatformId, isUp: (port: string) => boolean): LldpEntry[] {
  const table = device.lldpTable;
  return Object.keys(table)
    .filter((port) => device.running.ports.has(port) && isUp(port))
    .sort((a, b) => comparePortNames(platform, a, b))
    .map((localPort) => {
      const neighbor = table[localPort]!;
      return {
        localPort,
        neighbor,
        chassisId: neighbor.chassisId ?? chassisFor(neighbor),
        systemDescription: neighbor.systemDescription ?? 'Red Hat Enterprise Linux CoreOS (lldpd)',
      };
    });
}
