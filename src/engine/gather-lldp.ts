import pLimit from 'p-limit';
import type { Host } from '../core/inventory.js';
import type { LldpNeighbor } from '../core/lldp.js';
import type { PlatformCatalog } from '../core/platform.js';
import type { Transport } from '../core/transport.js';
import type { PlatformSpec } from '../platforms/platform-spec.js';
import type { DriverContext } from '../platforms/switch-driver.js';
import { hostTimeouts } from '../platforms/switch-modules.js';
import type { ConnectionPool } from './connection-pool.js';

/** What one host's LLDP gave: its neighbours, or why not (`unreachable`: the host could not be reached at all). */
export type HostLldp =
  | { readonly neighbors: readonly LldpNeighbor[]; readonly warnings: readonly string[] }
  | { readonly error: string; readonly unreachable: boolean };

/** Options of {@link gatherLldp}. */
export interface GatherLldpOptions {
  readonly hosts: readonly Host[];
  readonly platforms: PlatformCatalog<PlatformSpec>;
  readonly pool: ConnectionPool;
  readonly runId: string;
  /** Hosts read at once (default 50). */
  readonly forks?: number;
  readonly signal?: AbortSignal;
}

/**
 * Reads the LLDP neighbours of every host, all in parallel, each over its one pooled connection (a CLI switch
 * through its CLI session) with its platform's own command. A host whose platform has no LLDP part is skipped.
 */
export async function gatherLldp(opts: GatherLldpOptions): Promise<Map<string, HostLldp>> {
  const out = new Map<string, HostLldp>();
  const limit = pLimit(opts.forks ?? 50);
  await Promise.all(
    opts.hosts.map((host) =>
      limit(async () => {
        const lldp = host.platform ? opts.platforms.resolve(host.platform)?.lldp : undefined;
        if (!lldp || opts.signal?.aborted) return;
        let conn: Transport;
        try {
          conn = await opts.pool.get(host);
        } catch (error) {
          out.set(host.name, { error: (error as Error).message, unreachable: true });
          return;
        }
        try {
          const ctx = readContext(host, opts.pool, opts.runId);
          const warnings: string[] = [];
          const neighbors = lldp.parse(await lldp.read(conn, ctx), warnings);
          out.set(host.name, { neighbors, warnings });
        } catch (error) {
          out.set(host.name, { error: (error as Error).message, unreachable: false });
        }
      }),
    ),
  );
  return out;
}

/** The context of a read outside a playbook run (no task, no notes): the host's timeouts and its one session. */
export function readContext(host: Host, pool: ConnectionPool, runId: string): DriverContext {
  return { host, runId, note: () => undefined, timeouts: hostTimeouts(host), args: {}, session: pool.session(host) };
}
