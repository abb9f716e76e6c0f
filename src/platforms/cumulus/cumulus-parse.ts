import { parseVlanSet } from '../../inventory/vlan-set.js';
import {
  defaultPortState,
  emptySwitchState,
  type ParseOptions,
  type PortState,
  type SwitchState,
} from '../switch-state.js';
import { eniValues, parseEni, type EniDocument } from './cumulus-eni.js';

/**
 * Cumulus Linux: ifupdown2 `/etc/network/interfaces` with a VLAN-aware bridge, and `bridge -j vlan show` as the
 * kernel's view. Mapping to the switch model:
 * - bridge `bridge-vids` = the VLANs defined on the switch; port `bridge-vids` = the port's allowed set (a port
 *   without one inherits the bridge's: `allowedIsDefault`), `bridge-pvid` = native VLAN (port, else bridge, else 1),
 *   `bridge-access N` = access port in VLAN N, `alias` = description, `link-down yes` = shutdown.
 * - Cumulus has no VLAN names.
 */

/** A VLAN-aware bridge as the file declares it. */
export interface CumulusBridge {
  readonly name: string;
  readonly ports: string[];
  readonly vids: number[];
  readonly pvid: number;
}

/** Every stanza with `bridge-vlan-aware yes`, its ports (repeated `bridge-ports` lines joined, `glob` expanded). */
export function findVlanAwareBridges(doc: EniDocument, opts: ParseOptions = {}): CumulusBridge[] {
  const names = [...new Set(doc.items.flatMap((i) => (i.kind === 'iface' ? [i.name] : [])))];
  return names
    .filter((n) => eniValues(doc, n, 'bridge-vlan-aware').some((v) => v.toLowerCase() === 'yes'))
    .map((name) => ({
      name,
      ports: expandPorts(eniValues(doc, name, 'bridge-ports').join(' '), opts),
      vids: vlanTokens(eniValues(doc, name, 'bridge-vids'), opts),
      pvid: Number(last(eniValues(doc, name, 'bridge-pvid')) ?? 1),
    }));
}

/** Parses an interfaces file into a SwitchState. */
export function parseCumulusInterfaces(text: string, opts: ParseOptions = {}): SwitchState {
  return cumulusStateFromEni(parseEni(text), opts);
}

export function cumulusStateFromEni(doc: EniDocument, opts: ParseOptions = {}): SwitchState {
  const state = emptySwitchState();
  const bridges = findVlanAwareBridges(doc, opts);
  for (const b of bridges) for (const id of b.vids) state.vlans.set(id, { id });
  for (const bridge of bridges) {
    for (const name of bridge.ports) {
      const port = commonPort(doc, name);
      const access = last(eniValues(doc, name, 'bridge-access'));
      const vids = eniValues(doc, name, 'bridge-vids');
      if (access !== undefined) {
        port.mode = 'access';
        port.accessVlan = Number(access);
        port.allowedVlans = [Number(access)];
        port.allowedIsDefault = false;
      } else {
        port.mode = 'trunk';
        port.nativeVlan = Number(last(eniValues(doc, name, 'bridge-pvid')) ?? bridge.pvid);
        port.allowedIsDefault = vids.length === 0;
        port.allowedVlans = vids.length ? vlanTokens(vids, opts) : [...bridge.vids];
      }
      state.interfaces.set(name, port);
    }
  }
  const bridgeNames = new Set(bridges.map((b) => b.name));
  for (const item of doc.items) {
    // Bridged ports are read above; a repeated stanza of the same port is read once.
    if (item.kind !== 'iface' || bridgeNames.has(item.name) || state.interfaces.has(item.name)) continue;
    const port = commonPort(doc, item.name);
    // Not in a bridge yet: once added it inherits the bridge's VLANs (not ALL as on Cisco).
    port.allowedVlans = [...(bridges[0]?.vids ?? [])];
    if (eniValues(doc, item.name, 'address').length || item.method?.includes('dhcp')) port.mode = 'routed';
    state.interfaces.set(item.name, port);
  }
  return state;
}

function commonPort(doc: EniDocument, name: string): PortState {
  const port = defaultPortState(name);
  const alias = last(eniValues(doc, name, 'alias'));
  if (alias !== undefined) port.description = alias.replace(/^"(.*)"$/, '$1');
  port.shutdown = eniValues(doc, name, 'link-down').some((v) => v.toLowerCase() === 'yes');
  return port;
}

/** `swp1 swp2 glob swp10-12` -> names. `regex` entries cannot be expanded here and are reported. */
function expandPorts(text: string, opts: ParseOptions): string[] {
  const tokens = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === 'glob' || t === 'regex') {
      const pattern = tokens[++i] ?? '';
      const m = t === 'glob' ? /^([A-Za-z_-]+)(\d+)-(\d+)(\S*)$/.exec(pattern) : null;
      if (!m) {
        opts.warnings?.push(`bridge-ports: cannot expand "${t} ${pattern}"`);
        continue;
      }
      for (let n = Number(m[2]); n <= Number(m[3]); n++) out.push(`${m[1]}${n}${m[4]}`);
    } else out.push(t);
  }
  return [...new Set(out)];
}

function vlanTokens(values: readonly string[], opts: ParseOptions): number[] {
  try {
    return parseVlanSet(values.flatMap((v) => v.split(/[\s,]+/)).filter(Boolean));
  } catch (err) {
    opts.warnings?.push(`bridge-vids: ${(err as Error).message}`);
    return [];
  }
}

function last<T>(values: readonly T[]): T | undefined {
  return values[values.length - 1];
}

/** The kernel's view (`bridge -j vlan show`), for verify. */
export { parseBridgeVlanJson } from './cumulus-bridge-json.js';
