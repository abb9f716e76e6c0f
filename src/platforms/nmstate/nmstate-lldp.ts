import { CommandError } from '../../core/errors.js';
import type { LldpNeighbor, LldpPortIdType } from '../../core/lldp.js';
import type { LldpSpec } from '../lldp-spec.js';
import { neighborOf } from '../lldp-text.js';
import { isJsonObject, parseLldpctlJson } from '../lldpctl-json.js';
import { nmstatectlOf, nodeBecome } from './nmstate-desired.js';

/**
 * A node hears its switch ports through lldpd when it runs (`lldpctl -f json`), else through NetworkManager's LLDP
 * listener as nmstate reports it: `nmstatectl show --json` lists `lldp.neighbors` on every interface whose state has
 * `lldp: {enabled: true}` (nmstate 2.2: a list per neighbour of TLVs such as `{type: 5, system-name}`, `{type: 2,
 * port-id, port-id-type}`, `{type: 1, chassis-id}`). Nothing is turned on: an interface without LLDP reports none.
 */
export const NMSTATE_LLDP: LldpSpec = {
  command: 'lldpctl -f json, else nmstatectl show --json (lldp.neighbors)',
  async read(conn, ctx) {
    const become = nodeBecome(ctx.host);
    const timeoutMs = ctx.timeouts.commandMs;
    const lldpd = await conn.exec('lldpctl -f json', { become, timeoutMs });
    if (lldpd.exitCode === 0) return lldpd.stdout;
    const show = `${nmstatectlOf(ctx.host)} show --json`;
    const r = await conn.exec(show, { become, timeoutMs });
    if (r.exitCode !== 0) throw new CommandError(conn.host, show, r.exitCode, r.stderr || r.stdout);
    return r.stdout;
  },
  parse: parseNodeLldp,
};

/** lldpctl's JSON (a top-level `lldp`) or nmstate's (a top-level `interfaces`). */
export function parseNodeLldp(text: string, warnings: string[] = []): LldpNeighbor[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    warnings.push(`LLDP output is not JSON (${(error as Error).message})`);
    return [];
  }
  if (isJsonObject(value) && 'lldp' in value) return parseLldpctlJson(value, warnings);
  const interfaces = isJsonObject(value) && Array.isArray(value['interfaces']) ? value['interfaces'] : [];
  return interfaces.flatMap((iface) => {
    if (!isJsonObject(iface) || typeof iface['name'] !== 'string') return [];
    const lldp = isJsonObject(iface['lldp']) ? iface['lldp'] : {};
    const neighbors = Array.isArray(lldp['neighbors']) ? lldp['neighbors'] : [];
    return neighbors.map((tlvs) => fromTlvs(iface['name'] as string, Array.isArray(tlvs) ? tlvs : []));
  });
}

const PORT_ID_TYPES: Readonly<Record<number, LldpPortIdType>> = { 5: 'ifname', 3: 'mac' };

function fromTlvs(localPort: string, tlvs: readonly unknown[]): LldpNeighbor {
  const field = (key: string): unknown => tlvs.find((t) => isJsonObject(t) && key in t) as unknown;
  const value = (key: string): string | undefined => {
    const t = field(key);
    const v = isJsonObject(t) ? t[key] : undefined;
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const portTlv = field('port-id');
  const type = isJsonObject(portTlv) ? portTlv['port-id-type'] : undefined;
  return neighborOf(localPort, {
    systemName: value('system-name'),
    portId: value('port-id'),
    portIdType: typeof type === 'number' ? (PORT_ID_TYPES[type] ?? 'other') : undefined,
    chassisId: value('chassis-id'),
  });
}
