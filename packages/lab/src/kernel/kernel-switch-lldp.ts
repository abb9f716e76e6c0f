import { execFile } from 'node:child_process';
import { parseLldpctlText } from 'acp-play/platforms/lldpctl-json.js';
import type { LldpNeighbor } from '../sim/sim-types.js';

/**
 * What switch1's ports hear, from a real lldpd running on the ports' data-plane ends (`lldpctl -u SOCKET -f json`):
 * each neighbour heard on a bridge port (`t-node0`) is reported on the switch port mapped to it (`Ethernet1/3`).
 * Returns undefined while lldpd does not answer yet.
 */
export function readSwitchLldp(
  socket: string,
  ports: Readonly<Record<string, string>>,
): Promise<Record<string, LldpNeighbor> | undefined> {
  const portOf = new Map(Object.entries(ports).map(([port, iface]) => [iface, port]));
  return new Promise((done) => {
    execFile('lldpctl', ['-u', socket, '-f', 'json'], { timeout: 5_000 }, (error, stdout) => {
      if (error) return done(undefined);
      const table: Record<string, LldpNeighbor> = {};
      for (const n of parseLldpctlText(stdout)) {
        const port = portOf.get(n.localPort);
        if (!port || !n.systemName || !n.portId) continue;
        table[port] = {
          systemName: n.systemName,
          portId: n.portId,
          ...(n.chassisId ? { chassisId: n.chassisId } : {}),
          ...(n.portDescription ? { portDescription: n.portDescription } : {}),
        };
      }
      done(table);
    });
  });
}
