import pLimit from 'p-limit';
import type { Host } from '../core/inventory.js';
import type { LldpNeighbor } from '../core/lldp.js';
import type { ConnectionPool } from '../engine/connection-pool.js';
import { readContext } from '../engine/gather-lldp.js';
import { nmstatectlOf, nodeBecome } from '../platforms/nmstate/nmstate-desired.js';
import { readNodeState } from '../platforms/nmstate/nmstate-node.js';
import type { NmstateState } from '../platforms/nmstate/nmstate-state.js';
import type { PlatformRegistry } from '../platforms/platform-registry.js';
import type { SwitchState } from '../platforms/switch-state.js';
import type { InterfaceNaming } from '../platforms/interface-names.js';

/** A switch as `import` read it: its state as the planner sees it, and what LLDP hears on its ports. */
export interface GatheredSwitch {
  readonly host: Host;
  readonly platform: string;
  readonly naming: InterfaceNaming;
  readonly state: SwitchState;
  /** Absent when LLDP could not be read (`lldpError` says why). */
  readonly lldp?: readonly LldpNeighbor[];
  readonly lldpError?: string;
}

/** A node as `import` read it: `nmstatectl show --json`, and what LLDP hears on its NICs. */
export interface GatheredNode {
  readonly host: Host;
  readonly state: NmstateState;
  readonly lldp?: readonly LldpNeighbor[];
  readonly lldpError?: string;
}

/** Everything `import` read; a host that could not be read is in `failed` with the reason. */
export interface GatheredSite {
  readonly switches: readonly GatheredSwitch[];
  readonly nodes: readonly GatheredNode[];
  readonly failed: readonly { readonly host: string; readonly error: string }[];
}

/**
 * Reads every switch (its platform's own gather, as plan does) and node (`nmstatectl show --json`) of the inventory,
 * with their LLDP neighbours, all in parallel over one pooled connection per host. Changes nothing.
 */
export async function gatherDevices(
  hosts: readonly Host[],
  platforms: PlatformRegistry,
  pool: ConnectionPool,
  runId: string,
): Promise<GatheredSite> {
  const switches: GatheredSwitch[] = [];
  const nodes: GatheredNode[] = [];
  const failed: { host: string; error: string }[] = [];
  const limit = pLimit(50);
  await Promise.all(
    hosts.map((host) =>
      limit(async () => {
        const spec = host.platform ? platforms.resolve(host.platform) : undefined;
        if (!spec) return;
        try {
          const conn = await pool.get(host);
          const ctx = readContext(host, pool, runId);
          const heard = async (): Promise<{ lldp?: LldpNeighbor[]; lldpError?: string }> => {
            if (!spec.lldp) return { lldpError: `${spec.id} has no LLDP reader` };
            try {
              return { lldp: spec.lldp.parse(await spec.lldp.read(conn, ctx)) };
            } catch (error) {
              return { lldpError: (error as Error).message };
            }
          };
          if (spec.switch) {
            const current = await spec.switch.driver.gather(conn, ctx);
            const naming = spec.switch.interfaceNames;
            switches.push({ host, platform: spec.id, naming, state: current.state, ...(await heard()) });
          } else if (spec.id === 'nmstate') {
            const state = await readNodeState(conn, nmstatectlOf(host), nodeBecome(host), ctx.timeouts.commandMs);
            nodes.push({ host, state, ...(await heard()) });
          }
        } catch (error) {
          failed.push({ host: host.name, error: (error as Error).message });
        }
      }),
    ),
  );
  const byName = (a: { host: Host }, b: { host: Host }): number => a.host.name.localeCompare(b.host.name);
  return { switches: switches.sort(byName), nodes: nodes.sort(byName), failed };
}
