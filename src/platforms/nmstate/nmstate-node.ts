import { CommandError } from '../../core/errors.js';
import type { Transport } from '../../core/transport.js';
import { findCheckpoints, nmstateCommands } from './nmstate-commands.js';
import { isMarked, type NmstateDesired } from './nmstate-desired.js';
import { onTrunk } from './nmstate-leftovers.js';
import { isNmstateObject, toNmstateState, type NmstateState, type NmstateValue } from './nmstate-state.js';

/** Reads of a node shared by gather, begin and the rollback's confirmation. */

/** Per-command limit for reads: short enough that a connection cut by the change is noticed inside the window. */
export function readTimeoutMs(desired: NmstateDesired): number {
  return Math.min(30_000, Math.max(3_000, (desired.timeoutS * 1000) / 2));
}

/**
 * `nmstatectl show --json`, cut down to the interfaces the desired state names, their base interfaces (the trunk
 * NIC), the interfaces carrying acp-play's mark (removed when the inventory dropped them), and the unmarked VLAN
 * interfaces and bridges on the trunk NIC (reported as unmanaged).
 */
export async function showNode(conn: Transport, desired: NmstateDesired): Promise<NmstateState> {
  const state = await readNodeState(conn, desired.nmstatectl, desired.become, readTimeoutMs(desired));
  const watched = new Set([
    ...desired.watched,
    ...onTrunk(state.interfaces, new Set(desired.trunkNics)).map((i) => i.name),
  ]);
  return { ...state, interfaces: state.interfaces.filter((i) => watched.has(i.name) || isMarked(i)) };
}

/**
 * The node's whole state (`nmstatectl show --json`), without the bridge ports NetworkManager does not manage; a
 * failed command or output that is not JSON is a CommandError naming host and command.
 */
export async function readNodeState(
  conn: Transport,
  nmstatectl: string,
  become: NmstateDesired['become'],
  timeoutMs: number,
): Promise<NmstateState> {
  const cmd = nmstateCommands.show(nmstatectl);
  const r = await conn.exec(cmd, { become, timeoutMs });
  if (r.exitCode !== 0) throw new CommandError(conn.host, cmd, r.exitCode, r.stderr || r.stdout);
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.stdout);
  } catch (error) {
    throw new CommandError(
      conn.host,
      cmd,
      r.exitCode,
      `not JSON: ${(error as Error).message}: ${r.stdout.slice(0, 200)}`,
      { cause: error },
    );
  }
  return withoutIgnoredPorts(toNmstateState(parsed, `${conn.host}: nmstatectl show`));
}

/**
 * Bridge ports NetworkManager does not manage (`state: ignore`: the VMs' and pods' veths that KubeVirt or a CNI
 * plugs into bridge2003) are not drift: nmstate keeps them when it applies the bridge, so they are dropped from
 * each bridge's port list before comparing.
 */
function withoutIgnoredPorts(state: NmstateState): NmstateState {
  const ignored = new Set(state.interfaces.filter((i) => i.state === 'ignore').map((i) => i.name));
  if (ignored.size === 0) return state;
  const interfaces = state.interfaces.map((iface) => {
    const bridge = iface['bridge'];
    if (!isNmstateObject(bridge) || !Array.isArray(bridge['port'])) return iface;
    const port = (bridge['port'] as readonly NmstateValue[]).filter(
      (p) => !(isNmstateObject(p) && typeof p['name'] === 'string' && ignored.has(p['name'])),
    );
    return { ...iface, bridge: { ...bridge, port } };
  });
  return { ...state, interfaces };
}

/** NetworkManager's open checkpoints on the node (normally none). */
export async function openCheckpoints(conn: Transport, desired: NmstateDesired): Promise<string[]> {
  const cmd = nmstateCommands.checkpoints;
  const r = await conn.exec(cmd, { become: desired.become, timeoutMs: readTimeoutMs(desired) });
  if (r.exitCode !== 0)
    throw new CommandError(conn.host, `list NetworkManager checkpoints (${cmd})`, r.exitCode, r.stderr || r.stdout);
  return findCheckpoints(r.stdout);
}
