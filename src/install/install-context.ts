import { parseIpv4Net } from '../inventory/ipv4-net.js';
import type { ClusterModel } from '../core/day0.js';
import type { Site } from '../core/site.js';

/** One host of agent-config.yaml. */
export interface AgentHostContext {
  readonly hostname: string;
  readonly nic: string;
  readonly mac: string;
  readonly rootDevice: string;
  readonly address: string;
  readonly prefixLength: number;
  readonly gateway: string;
  readonly dns: readonly string[];
}

/** Context of `install/agent-config.yaml.njk`. */
export interface AgentConfigContext {
  readonly name: string;
  readonly rendezvousIp: string;
  readonly hosts: readonly AgentHostContext[];
}

/** Context of `install/install-config.yaml.njk`. */
export interface InstallConfigContext {
  readonly name: string;
  readonly baseDomain: string;
  readonly replicas: number;
  readonly machineNetwork: string;
  readonly clusterNetwork: string;
  readonly hostPrefix: number;
  readonly serviceNetwork: string;
  /** Empty: platform none; else platform baremetal with these VIPs. */
  readonly apiVips: readonly string[];
  readonly ingressVips: readonly string[];
  readonly pullSecret: string;
  readonly sshKey: string;
  /** True when the two secrets above are masks (printing), false when they are the real values (writing). */
  readonly masked: boolean;
}

/** A day-0 value the validation should have required; reaching here without it is a bug. */
function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`day-0 model without ${what}: validation should have refused it`);
  return value;
}

/**
 * The agent-config context of a validated day-0 site. The prefix length of each static address is the cluster
 * VLAN's (its subnet), else the machine network's.
 */
export function buildAgentConfigContext(site: Site, cluster: ClusterModel): AgentConfigContext {
  const subnet = site.vlans.find((v) => v.id === cluster.vlan)?.subnet ?? cluster.machineNetwork;
  const net = parseIpv4Net(need(subnet, 'a machine network'));
  if (typeof net === 'string') throw new Error(`day-0 model with a bad subnet: ${net}`);
  return {
    name: cluster.name,
    rendezvousIp: cluster.rendezvousIp,
    hosts: cluster.links.map((link) => ({
      hostname: link.node,
      nic: link.nic,
      mac: need(link.mac, `the MAC of ${link.node}`),
      rootDevice: need(link.rootDevice, `the root device of ${link.node}`),
      address: need(link.address, `the address of ${link.node}`),
      prefixLength: net.prefix,
      gateway: need(link.gateway, `the gateway of ${link.node}`),
      dns: link.dns,
    })),
  };
}

/** The install-config context: every node is a control-plane node (a compact cluster, as in the pattern). */
export function buildInstallConfigContext(
  cluster: ClusterModel,
  secrets: { readonly pullSecret: string; readonly sshKey: string; readonly masked: boolean },
): InstallConfigContext {
  return {
    name: cluster.name,
    baseDomain: cluster.baseDomain,
    replicas: cluster.links.length,
    machineNetwork: need(cluster.machineNetwork, 'a machine network'),
    clusterNetwork: cluster.clusterNetwork,
    hostPrefix: cluster.hostPrefix,
    serviceNetwork: cluster.serviceNetwork,
    apiVips: cluster.apiVips,
    ingressVips: cluster.ingressVips,
    ...secrets,
  };
}
