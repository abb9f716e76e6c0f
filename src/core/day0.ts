import type { SourceLocation } from './errors.js';
import type { Host } from './inventory.js';

/**
 * The day-0 part of the site model: what OpenShift's agent-based installer needs to install the cluster
 * (install/agent-config.yaml and install/install-config.yaml). Present only when the site has `site.cluster`.
 */

/** Where a secret's clear text comes from. The model never holds the clear text itself. */
export type SecretSource =
  | { readonly kind: 'env'; readonly name: string }
  /** A path as written (`~` and paths relative to the inventory are resolved when read); may be a vault file. */
  | { readonly kind: 'file'; readonly path: string }
  /** An inline `!vault |` value: the encrypted text. */
  | { readonly kind: 'vault'; readonly text: string };

/** A secret the install-config needs: the pull secret or the SSH key. */
export interface SecretRef {
  /** For messages: `pull secret`, `SSH key`. */
  readonly what: string;
  /** The key that names the source, e.g. `site.cluster.pull_secret_env`. */
  readonly key: string;
  readonly source: SecretSource;
  readonly location?: SourceLocation;
}

/** One node's cluster link: the NIC it installs over and its static IPv4 settings. */
export interface ClusterLink {
  readonly node: string;
  readonly host: Host;
  readonly nic: string;
  /** Lower case, colon separated; absent until filled in. */
  readonly mac?: string;
  readonly address?: string;
  /** The node's own `gateway`, else the cluster VLAN's. */
  readonly gateway?: string;
  readonly dns: readonly string[];
  /** `rootDeviceHints.deviceName`, e.g. /dev/disk/by-path/pci-0000:02:00.0-scsi-0:2:0:0; absent until filled in. */
  readonly rootDevice?: string;
}

export interface ClusterModel {
  /** `metadata.name` of both files. */
  readonly name: string;
  readonly baseDomain: string;
  /** The VLAN of the cluster links (the machine network's VLAN). */
  readonly vlan: number;
  /** CIDR: `site.cluster.machine_network`, else the cluster VLAN's subnet; absent when neither is set. */
  readonly machineNetwork?: string;
  /** True when `machine_network` is written (not taken from the VLAN). */
  readonly machineNetworkSet: boolean;
  readonly rendezvousIp: string;
  /** With ingressVips: platform baremetal; without: platform none. */
  readonly apiVips: readonly string[];
  readonly ingressVips: readonly string[];
  /** Pod network, default 10.128.0.0/14 with host prefix 23. */
  readonly clusterNetwork: string;
  readonly hostPrefix: number;
  /** Service network, default 172.30.0.0/16. */
  readonly serviceNetwork: string;
  readonly pullSecret?: SecretRef;
  readonly sshKey?: SecretRef;
  /** Every node of the site, in inventory order: each is a control-plane node of the cluster. */
  readonly links: readonly ClusterLink[];
}
