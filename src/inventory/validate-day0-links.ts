import ipaddr from 'ipaddr.js';
import type { Problem } from '../core/errors.js';
import type { ClusterLink, ClusterModel } from '../core/day0.js';
import { isIpv4, netContains, parseIpv4Net, reservedAddressKind, type Ipv4Net } from './ipv4-net.js';
import { checkInterfaceName } from './safe-names.js';
import type { SiteLocator } from './site-locator.js';
import type { Site } from '../core/site.js';

type Location = ReturnType<SiteLocator['at']>;

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

/**
 * Per-node day-0 checks: NIC name, MAC (form, unicast, unique), the static address (IPv4, inside the machine
 * network and the cluster VLAN's subnet, unique among nodes, VIPs and gateway), gateway and DNS servers.
 */
export function validateClusterLinks(
  site: Site,
  cluster: ClusterModel,
  machine: Ipv4Net | undefined,
  locator: SiteLocator,
): Problem[] {
  const problems: Problem[] = [];
  const error = (location: Location, message: string, fix: string) =>
    problems.push({ severity: 'error', location, message, fix });
  const vlanSubnet = site.vlans.find((v) => v.id === cluster.vlan)?.subnet;
  const parsedVlan = vlanSubnet === undefined ? undefined : parseIpv4Net(vlanSubnet);
  const subnet = typeof parsedVlan === 'object' ? parsedVlan : undefined;
  const macs = new Map<string, string>();
  const claims = new Map<string, string>([
    ...cluster.apiVips.map((v): [string, string] => [v, 'the API VIP']),
    ...cluster.ingressVips.map((v): [string, string] => [v, 'the ingress VIP']),
  ]);
  const gateways = new Set(cluster.links.flatMap((l) => l.gateway ?? []));
  const outside = cluster.links.filter(
    (l) => machine && l.address && isIpv4(l.address) && !netContains(machine, l.address),
  );
  const allOutside = outside.length === cluster.links.filter((l) => l.address && isIpv4(l.address)).length;
  if (machine && cluster.machineNetworkSet && allOutside && outside.length > 0)
    error(
      locator.site(['cluster', 'machine_network']),
      `machine network ${machine.text} does not hold the cluster address of any node: ${outside.map((l) => `${l.node} ${l.address}`).join(', ')}`,
      'make machine_network the network of the cluster links (usually the subnet of the cluster VLAN)',
    );
  for (const link of cluster.links) {
    const at = (field: string) => locator.node(link.host, ['cluster_link', field]);
    const label = `${link.node}:${link.nic}`;
    const badNic = checkInterfaceName(link.nic);
    if (badNic)
      error(
        at('nic'),
        `cluster_link.nic ${JSON.stringify(link.nic)} of ${link.node} is not a safe interface name`,
        badNic,
      );
    if (link.mac !== undefined) {
      const other = macs.get(link.mac);
      if (!MAC.test(link.mac))
        error(
          at('mac'),
          `MAC ${JSON.stringify(link.mac)} of ${label} is not a MAC address`,
          'write six hex pairs separated by colons, e.g. b8:ca:3a:6e:69:40',
        );
      else if (parseInt(link.mac.slice(0, 2), 16) & 1)
        error(
          at('mac'),
          `MAC ${link.mac} of ${label} is a multicast address, which no NIC has`,
          `copy the MAC of ${link.nic} again (ip link show ${link.nic})`,
        );
      else if (other)
        error(
          at('mac'),
          `MAC ${link.mac} of ${label} is also the MAC of ${other}`,
          'every NIC has its own MAC: check both nodes (ip link show)',
        );
      else macs.set(link.mac, label);
    }
    if (link.rootDevice !== undefined && !link.rootDevice.startsWith('/dev/'))
      error(
        locator.node(link.host, ['root_device']),
        `root_device ${JSON.stringify(link.rootDevice)} of ${link.node} is not a device path`,
        'write a stable path such as /dev/disk/by-path/pci-0000:02:00.0-scsi-0:2:0:0',
      );
    checkDns(link, at('dns'), error);
    if (link.address === undefined) {
      error(
        locator.node(link.host, ['cluster_link']),
        `${label} (the cluster link) has no address`,
        `add node.cluster_link.address: a free address of the machine network${machine ? ` ${machine.text}` : ''}`,
      );
      continue;
    }
    if (!isIpv4(link.address)) {
      error(
        at('address'),
        `cluster address ${JSON.stringify(link.address)} of ${link.node} is not an IPv4 address`,
        'write a plain IPv4 address such as 172.16.2.2 (the prefix length comes from the VLAN subnet)',
      );
      continue;
    }
    const claimed = claims.get(link.address);
    if (claimed)
      error(
        at('address'),
        `cluster address ${link.address} of ${link.node} is also ${claimed}`,
        'give every node and VIP its own address',
      );
    else claims.set(link.address, `the cluster address of ${link.node}`);
    if (gateways.has(link.address))
      error(
        at('address'),
        `cluster address ${link.address} of ${link.node} is the gateway's address`,
        'give the node a free address; the gateway is the router',
      );
    if (machine && outside.includes(link) && !(cluster.machineNetworkSet && allOutside))
      error(
        at('address'),
        `machine network ${machine.text} does not hold the cluster address ${link.address} of ${link.node}`,
        `give ${link.node} an address inside ${machine.text}, or correct site.cluster.machine_network`,
      );
    const net = subnet ?? machine;
    if (net && net !== machine && !netContains(net, link.address))
      error(
        at('address'),
        `cluster address ${link.address} of ${link.node} is outside VLAN ${cluster.vlan}'s subnet ${net.text}`,
        `use an address inside ${net.text}`,
      );
    const reserved = net && reservedAddressKind(net, link.address);
    if (reserved)
      error(
        at('address'),
        `cluster address ${link.address} of ${link.node} is the ${reserved} address of ${net.text}`,
        'use a host address',
      );
    checkGateway(link, net, cluster.vlan, locator, error);
  }
  return problems;
}

function checkGateway(
  link: ClusterLink,
  net: Ipv4Net | undefined,
  vlan: number,
  locator: SiteLocator,
  error: (location: Location, message: string, fix: string) => void,
): void {
  const where = locator.node(link.host, ['cluster_link', 'gateway']);
  if (link.gateway === undefined) {
    error(
      locator.node(link.host, ['cluster_link']),
      `${link.node} has no gateway for its cluster link: neither node.cluster_link.gateway nor VLAN ${vlan}'s gateway is set`,
      `add a gateway to VLAN ${vlan} in site.vlans (the default route of the nodes)`,
    );
  } else if (!isIpv4(link.gateway)) {
    error(
      where,
      `gateway ${JSON.stringify(link.gateway)} of ${link.node} is not an IPv4 address`,
      'write the router address of the cluster VLAN',
    );
  } else if (net && !netContains(net, link.gateway)) {
    error(
      where,
      `gateway ${link.gateway} of ${link.node} is outside ${net.text}, so the default route cannot reach it`,
      `use the router address inside ${net.text}`,
    );
  }
}

function checkDns(
  link: ClusterLink,
  where: Location,
  error: (location: Location, message: string, fix: string) => void,
): void {
  if (link.dns.length === 0) {
    error(
      where,
      `${link.node} has no DNS servers for its cluster link (node.cluster_link.dns)`,
      'list the site DNS servers once in group_vars/nodes.yaml, e.g. dns: [172.16.2.1]; the installer needs them to reach the release images',
    );
    return;
  }
  for (const server of link.dns) {
    if (!ipaddr.isValid(server) || (!server.includes(':') && !isIpv4(server)))
      error(
        where,
        `DNS server ${JSON.stringify(server)} of ${link.node} is not an IP address`,
        'list DNS servers by address',
      );
  }
}
