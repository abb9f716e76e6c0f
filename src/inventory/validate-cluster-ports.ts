import type { Problem } from '../core/errors.js';
import type { SiteLocator } from './site-locator.js';
import type { Site, SwitchModel, SwitchPort } from '../core/site.js';
import { formatVlanSet } from './vlan-set.js';

type Location = ReturnType<SiteLocator['at']>;

/**
 * The cluster VLAN must reach every node's cluster link: a switch port that `faces` NODE:NIC and carries the VLAN,
 * as an access port on it or a trunk allowing it. A trunk that carries it tagged is a warning: the installer
 * configures the link untagged, so the VLAN must be the trunk's native VLAN.
 */
export function validateClusterPorts(site: Site, locator: SiteLocator): Problem[] {
  const cluster = site.cluster;
  if (!cluster) return [];
  const problems: Problem[] = [];
  const report = (severity: Problem['severity'], location: Location, message: string, fix: string) =>
    problems.push({ severity, location, message, fix });
  const vlan = cluster.vlan;
  for (const link of cluster.links) {
    const target = `${link.node}:${link.nic}`;
    const facing = site.switches.flatMap((sw) =>
      sw.ports.filter((p) => p.faces?.node === link.node && p.faces.nic === link.nic).map((port) => ({ sw, port })),
    );
    if (facing.length === 0) {
      if (site.switches.length === 0) continue;
      report(
        'error',
        locator.node(link.host, ['cluster_link']),
        `no switch port carries the cluster VLAN ${vlan} to ${target} (the cluster link): no port faces it`,
        `set faces: ${target} on the switch port ${link.nic} is cabled to, with mode: access and access_vlan: ${vlan}`,
      );
      continue;
    }
    for (const { sw, port } of facing) checkPort(sw, port, target, vlan, locator, report);
  }
  return problems;
}

function checkPort(
  sw: SwitchModel,
  port: SwitchPort,
  target: string,
  vlan: number,
  locator: SiteLocator,
  report: (severity: Problem['severity'], location: Location, message: string, fix: string) => void,
): void {
  const at = (field?: string) => locator.port(sw.host, port.name, field);
  const label = `${sw.name} ${port.name}`;
  if (!port.enabled) {
    report(
      'error',
      at('enabled'),
      `${label} faces ${target}, the cluster link, but is shut down, so it carries no VLAN`,
      'remove enabled: false',
    );
  } else if (port.mode === 'access' && port.accessVlan !== vlan) {
    report(
      'error',
      at('access_vlan'),
      `${label} faces ${target}, the cluster link, but carries VLAN ${port.accessVlan}, not the cluster VLAN ${vlan}`,
      `set access_vlan: ${vlan}, or correct faces if ${target} is cabled elsewhere`,
    );
  } else if (port.mode === 'trunk' && port.allowedVlans && !port.allowedVlans.includes(vlan)) {
    report(
      'error',
      at('allowed_vlans'),
      `${label} faces ${target}, the cluster link, but does not carry the cluster VLAN ${vlan} (allowed ${formatVlanSet(port.allowedVlans)})`,
      `add ${vlan} to allowed_vlans and make it native_vlan, or make the port an access port on ${vlan}`,
    );
  } else if (port.mode === 'trunk' && port.nativeVlan !== vlan) {
    report(
      'warning',
      at('native_vlan'),
      `${label} carries the cluster VLAN ${vlan} tagged to ${target}, but the installer configures the cluster link untagged`,
      `set native_vlan: ${vlan} on ${label}, or make it an access port on ${vlan}`,
    );
  }
}
