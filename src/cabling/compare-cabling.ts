import type { LldpNeighbor } from '../core/lldp.js';
import type { Site } from '../core/site.js';
import { expectedLinks, knownMacs, type CanonicalPort, type ExpectedLink } from './expected-links.js';
import { isPort, isSystem, neighborLabel, portName } from './neighbor-identity.js';

/** What LLDP heard on one host, or why it could not be read. */
export type Heard = { readonly neighbors: readonly LldpNeighbor[] } | { readonly error: string };

export interface CablingInput {
  readonly site: Site;
  readonly canonical: CanonicalPort;
  /** Per switch of the site that was read. A switch not in the map is not checked. */
  readonly switches: ReadonlyMap<string, Heard>;
  /** Per node that was read; a node not in the map is not checked from its side (only the switch side is). */
  readonly nodes: ReadonlyMap<string, Heard>;
}

/** One thing the check found. `error`: the cabling is not what the inventory says; `warning`: it cannot tell. */
export interface CablingFinding {
  readonly severity: 'error' | 'warning';
  /** The switch port that must not be changed because of an error, when the finding names one. */
  readonly switch?: string;
  readonly port?: string;
  readonly message: string;
}

export interface CablingReport {
  readonly findings: readonly CablingFinding[];
  /** Cables the inventory describes on the switches that were read. */
  readonly links: number;
  /** Of those, the ones LLDP confirmed from at least one end. */
  readonly confirmed: number;
}

/**
 * Compares what LLDP hears with the inventory's wiring, from both ends: each switch port that `faces` a NIC (or is a
 * node's `uplink`) must hear that NIC, and each node NIC the inventory cables must hear that switch port. A mismatch
 * names both ends (`switch1 Ethernet1/7 sees node2:enp4s0f0; the inventory says node1:enp4s0f0`) and the switch port
 * it concerns: the one the inventory would change for the wrong device. Silence (no neighbour) is a warning.
 */
export function compareCabling(input: CablingInput): CablingReport {
  const links = expectedLinks(input.site, input.canonical).filter((l) => input.switches.has(l.switch));
  const macs = knownMacs(input.site);
  const findings: CablingFinding[] = [];
  const confirmed = new Set<ExpectedLink>();

  for (const [name, heard] of [...input.switches, ...input.nodes]) {
    if ('error' in heard)
      findings.push({ severity: 'error', message: `${name}: LLDP could not be read: ${heard.error}` });
  }

  for (const link of links) {
    const heard = input.switches.get(link.switch)!;
    if ('error' in heard) continue;
    const here = heard.neighbors.filter((n) => n.localPort === link.port);
    const target = `${link.node}:${link.nic}`;
    if (here.some((n) => isSystem(n, [link.node]) && isPort(n, link.nic, macs.get(target)))) {
      confirmed.add(link);
      continue;
    }
    const where = `${link.switch} ${link.port}`;
    if (here.length === 0) {
      const elsewhere = heard.neighbors.find((n) => isSystem(n, [link.node]) && isPort(n, link.nic, macs.get(target)));
      const hint = elsewhere ? `, which ${link.switch} ${elsewhere.localPort} hears` : '';
      findings.push({
        severity: 'warning',
        message: `${where} hears no LLDP neighbour; the inventory says ${target}${hint}`,
      });
      continue;
    }
    findings.push({
      severity: 'error',
      switch: link.switch,
      port: link.port,
      message: `${where} sees ${here.map(neighborLabel).join(' and ')}; the inventory says ${target}`,
    });
  }

  for (const [node, heard] of input.nodes) {
    if ('error' in heard) continue;
    const mine = links.filter((l) => l.node === node);
    if (mine.length > 0 && heard.neighbors.length === 0) {
      findings.push({
        severity: 'warning',
        message: `${node} hears no LLDP neighbour on any NIC (lldpd not running, nmstate's lldp not enabled?): its side is not checked`,
      });
      continue;
    }
    for (const link of mine) {
      const here = heard.neighbors.filter((n) => n.localPort === link.nic);
      const target = `${link.switch}:${link.port}`;
      if (here.length === 0) {
        findings.push({
          severity: 'warning',
          message: `${node} ${link.nic} hears no LLDP neighbour; the inventory says ${target}`,
        });
        continue;
      }
      const seen = here.map((n) => switchPortOf(n, input));
      if (seen.some((s) => s?.switch === link.switch && s.port === link.port)) {
        confirmed.add(link);
        continue;
      }
      const known = seen.find((s) => s !== undefined);
      const labels = here.map((n, i) => (seen[i] ? `${seen[i].switch}:${seen[i].port}` : neighborLabel(n)));
      findings.push({
        severity: 'error',
        ...(known ? { switch: known.switch, port: known.port } : {}),
        message: `${node} ${link.nic} sees ${labels.join(' and ')}; the inventory says ${target}`,
      });
    }
  }
  return { findings, links: links.length, confirmed: confirmed.size };
}

/** The site switch port a node's neighbour is, when its system name is a switch of the site. */
function switchPortOf(n: LldpNeighbor, input: CablingInput): { switch: string; port: string } | undefined {
  const sw = input.site.switches.find((s) => isSystem(n, systemNames(s.host)));
  const port = portName(n);
  return sw && port ? { switch: sw.name, port: input.canonical(sw.name, port) } : undefined;
}

/** The names a host may advertise: its inventory name, and the `hostname` its prompt shows when that differs. */
function systemNames(host: { readonly name: string; readonly vars: Readonly<Record<string, unknown>> }): string[] {
  const v = host.vars['hostname'];
  return typeof v === 'string' && v.trim() !== '' ? [host.name, v.trim()] : [host.name];
}

/** The switch ports an error names, per switch, with the messages: the ports apply must leave alone. */
export function heldPorts(report: CablingReport): Map<string, Map<string, string[]>> {
  const held = new Map<string, Map<string, string[]>>();
  for (const f of report.findings) {
    if (f.severity !== 'error' || !f.switch || !f.port) continue;
    const ports = held.get(f.switch) ?? new Map<string, string[]>();
    held.set(f.switch, ports);
    ports.set(f.port, [...(ports.get(f.port) ?? []), f.message]);
  }
  return held;
}
