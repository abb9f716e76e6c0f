import type { Nad } from '../core/site.js';

/** Context of `k8s/nncp.yaml.njk`: one NodeNetworkConfigurationPolicy per node. */
export interface NncpContext {
  readonly name: string;
  /** The node's `kubernetes.io/hostname` label value (its inventory name). */
  readonly node: string;
  /** The node's nmstate desired state, as parsed from its rendered nmstate file. */
  readonly desiredState: Readonly<Record<string, unknown>>;
  readonly managedInterfaces: readonly string[];
}

/** The CNI config a NAD carries as a JSON string in `spec.config`. */
export interface NadCniConfig {
  readonly cniVersion: string;
  readonly name: string;
  readonly type: 'cnv-bridge' | 'bridge';
  readonly bridge: string;
  readonly macspoofchk: boolean;
}

/** Context of `k8s/nad.yaml.njk`: one NetworkAttachmentDefinition per VM VLAN. */
export interface NadContext {
  readonly name: string;
  readonly namespace: string;
  readonly vlan: number;
  /** `bridge.network.kubevirt.io/<bridge>`: tells the scheduler which nodes have the bridge. */
  readonly resourceName: string;
  /** Argo CD sync wave: after the NNCPs that create the bridges. */
  readonly syncWave: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly config: NadCniConfig;
}

/** The name of a node's policy. */
export function nncpName(node: string): string {
  return `${node}-vlan-bridges`;
}

export function buildNncpContext(
  node: string,
  desiredState: Readonly<Record<string, unknown>>,
  managedInterfaces: readonly string[],
): NncpContext {
  return { name: nncpName(node), node, desiredState, managedInterfaces };
}

export function buildNadContext(nad: Nad): NadContext {
  return {
    name: nad.name,
    namespace: nad.namespace,
    vlan: nad.vlan,
    resourceName: `bridge.network.kubevirt.io/${nad.bridge}`,
    syncWave: '1',
    labels: nad.labels,
    config: { cniVersion: '0.3.1', name: nad.name, type: nad.cni, bridge: nad.bridge, macspoofchk: nad.macspoofchk },
  };
}
