import type { Problem } from '../core/errors.js';
import type { ClusterModel } from '../core/day0.js';
import { isIpv4, netContains, netsOverlap, parseIpv4Net, type Ipv4Net } from './ipv4-net.js';
import { checkK8sName } from './safe-names.js';
import type { SiteLocator } from './site-locator.js';
import type { Site } from '../core/site.js';
import { validateClusterLinks } from './validate-day0-links.js';
import { validateClusterPorts } from './validate-cluster-ports.js';

type Location = ReturnType<SiteLocator['at']>;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A lower-case DNS domain such as example.com (the cluster's base domain). */
export function isDnsDomain(text: string): boolean {
  return DOMAIN.test(text);
}

/**
 * Day-0 checks of `site.cluster` and the nodes' cluster links, before any install file is written: names, the
 * cluster VLAN and machine network, the pod and service networks, VIPs, the rendezvous IP, then per node (MACs,
 * addresses, gateway, DNS) and the switch ports that carry the cluster VLAN to each node. Values still to be filled
 * in (MACs, root devices) are warnings here; `render` refuses to write the install files without them.
 */
export function validateDay0(site: Site, locator: SiteLocator): Problem[] {
  const cluster = site.cluster;
  if (!cluster) return [];
  const problems: Problem[] = [];
  const error = (location: Location, message: string, fix: string) =>
    problems.push({ severity: 'error', location, message, fix });
  const at = (...path: (string | number)[]) => locator.site(['cluster', ...path]);
  const badName = checkK8sName(cluster.name);
  if (badName) error(at('name'), `cluster name ${JSON.stringify(cluster.name)} is not a DNS label`, badName);
  if (!isDnsDomain(cluster.baseDomain))
    error(
      at('base_domain'),
      `base_domain ${JSON.stringify(cluster.baseDomain)} is not a DNS domain`,
      'write a lower-case domain such as example.com (the cluster lives at NAME.BASE_DOMAIN)',
    );
  const count = site.nodes.length;
  if (![1, 3, 4, 5].includes(count))
    error(
      at(),
      `the site has ${count} node${count === 1 ? '' : 's'}, and every node is a control-plane node of site.cluster; OpenShift installs 1 (single node) or 3 to 5`,
      'list 1 or 3 to 5 nodes in the nodes group',
    );
  if (!site.vlans.some((v) => v.id === cluster.vlan))
    error(
      at('vlan'),
      `site.cluster.vlan ${cluster.vlan} is not in site.vlans`,
      'name the VLAN of the cluster links (2002, "cluster", in the pattern), or add it to site.vlans',
    );
  const machine = machineNetwork(cluster, locator, error);
  checkPodAndServiceNetworks(cluster, machine, locator, error);
  checkVips(cluster, machine, count, at, error);
  if (!isIpv4(cluster.rendezvousIp)) {
    error(
      at('rendezvous_ip'),
      `rendezvous_ip ${JSON.stringify(cluster.rendezvousIp)} is not an IPv4 address`,
      "write one node's cluster address",
    );
  } else if (!cluster.links.some((l) => l.address === cluster.rendezvousIp)) {
    const first = cluster.links.find((l) => l.address !== undefined);
    error(
      at('rendezvous_ip'),
      `rendezvous_ip ${cluster.rendezvousIp} is not the cluster address of any node`,
      `use one node's node.cluster_link.address${first ? `, usually the first node's (${first.node}: ${first.address})` : ''}`,
    );
  }
  problems.push(...validateClusterLinks(site, cluster, machine, locator), ...validateClusterPorts(site, locator));
  return problems;
}

type ErrorAt = (location: Location, message: string, fix: string) => void;

function machineNetwork(cluster: ClusterModel, locator: SiteLocator, error: ErrorAt): Ipv4Net | undefined {
  if (cluster.machineNetwork === undefined) {
    error(
      locator.site(['cluster', 'vlan']),
      `site.cluster has no machine_network, and its VLAN ${cluster.vlan} has no subnet to take it from`,
      `add a subnet to VLAN ${cluster.vlan} in site.vlans, or machine_network: CIDR to site.cluster`,
    );
    return undefined;
  }
  const parsed = parseIpv4Net(cluster.machineNetwork);
  if (typeof parsed !== 'string') return parsed;
  const where = cluster.machineNetworkSet
    ? locator.site(['cluster', 'machine_network'])
    : locator.vlan(cluster.vlan, 'subnet');
  error(where, `machine network ${JSON.stringify(cluster.machineNetwork)} is not an IPv4 network`, parsed);
  return undefined;
}

function checkPodAndServiceNetworks(
  cluster: ClusterModel,
  machine: Ipv4Net | undefined,
  locator: SiteLocator,
  error: ErrorAt,
): void {
  const parse = (key: 'cluster_network' | 'service_network', text: string): Ipv4Net | undefined => {
    const net = parseIpv4Net(text);
    if (typeof net !== 'string') return net;
    error(locator.site(['cluster', key]), `${key} ${JSON.stringify(text)} is not an IPv4 network`, net);
    return undefined;
  };
  const pods = parse('cluster_network', cluster.clusterNetwork);
  const services = parse('service_network', cluster.serviceNetwork);
  for (const [key, net] of [
    ['cluster_network', pods],
    ['service_network', services],
  ] as const) {
    if (net && machine && netsOverlap(net, machine))
      error(
        locator.site(['cluster', key]),
        `${key} ${net.text} overlaps the machine network ${machine.text}`,
        `set site.cluster.${key} to a range no site network uses`,
      );
  }
  if (pods && services && netsOverlap(pods, services))
    error(
      locator.site(['cluster', 'service_network']),
      `service_network ${services.text} overlaps cluster_network ${pods.text}`,
      'give them separate ranges',
    );
  if (pods && (cluster.hostPrefix < pods.prefix || cluster.hostPrefix > 30))
    error(
      locator.site(['cluster', 'host_prefix']),
      `host_prefix ${cluster.hostPrefix} does not fit cluster_network ${pods.text}`,
      `use a prefix from ${pods.prefix} to 30 (23 by default: 510 pod addresses per node)`,
    );
}

function checkVips(
  cluster: ClusterModel,
  machine: Ipv4Net | undefined,
  count: number,
  at: (...path: (string | number)[]) => Location,
  error: ErrorAt,
): void {
  const lists = [
    ['api_vips', cluster.apiVips],
    ['ingress_vips', cluster.ingressVips],
  ] as const;
  for (const [key, vips] of lists) {
    vips.forEach((vip, i) => {
      const where = at(key, ...(vips.length > 1 ? [i] : []));
      if (!isIpv4(vip)) error(where, `${key} ${JSON.stringify(vip)} is not an IPv4 address`, 'write an IPv4 address');
      else if (machine && !netContains(machine, vip))
        error(
          where,
          `${key} ${vip} is outside the machine network ${machine.text}`,
          `use a free address inside ${machine.text}`,
        );
    });
  }
  if ((cluster.apiVips.length === 0) !== (cluster.ingressVips.length === 0)) {
    const missing = cluster.apiVips.length === 0 ? 'api_vips' : 'ingress_vips';
    error(
      at(cluster.apiVips.length === 0 ? 'ingress_vips' : 'api_vips'),
      `site.cluster has ${missing === 'api_vips' ? 'ingress_vips' : 'api_vips'} but no ${missing}`,
      `add ${missing} (both make platform baremetal), or remove both (platform none: DNS and load balancing are yours)`,
    );
  }
  const shared = cluster.apiVips.find((v) => cluster.ingressVips.includes(v));
  if (shared) error(at('ingress_vips'), `${shared} is both an API VIP and an ingress VIP`, 'give each its own address');
  if (count === 1 && cluster.apiVips.length > 0)
    error(
      at('api_vips'),
      'a single-node cluster has no VIPs (OpenShift installs it with platform none)',
      'remove api_vips and ingress_vips',
    );
}
