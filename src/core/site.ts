import type { ClusterModel } from './day0.js';
import type { Host, ValueOrigin } from './inventory.js';

/**
 * The site model: what templates and drivers consume. Built from an Inventory and validated as a whole
 * (cross-device) before anything is contacted.
 */

/** How a NetworkAttachmentDefinition is made for a VM VLAN. */
export interface NadSettings {
  readonly namespace: string;
  /** `cnv-bridge` (the seed's) or `bridge` (newer OpenShift docs). */
  readonly cni: 'cnv-bridge' | 'bridge';
  readonly macspoofchk: boolean;
  /** metadata.labels of the NAD; default `app.kubernetes.io/managed-by: acp-play`. */
  readonly labels: Readonly<Record<string, string>>;
}

export interface Vlan {
  readonly id: number;
  readonly name: string;
  /** CIDR, e.g. 172.16.4.0/24. */
  readonly subnet?: string;
  readonly gateway?: string;
  readonly description?: string;
  /** A VM network: bridged on nodes by default and given a NAD. */
  readonly vm: boolean;
  /** NAD settings (site defaults merged with the VLAN's own); present for VM VLANs. */
  readonly nad?: NadSettings & { readonly name: string };
}

/** One VLAN a node bridges: a VLAN interface on the trunk NIC and a Linux bridge on it. */
export interface NodeBridge {
  readonly vlan: number;
  /** Default `<nic>.<id>`. */
  readonly interface: string;
  /** Default `bridge<id>`. */
  readonly bridge: string;
}

export interface NodeModel {
  readonly name: string;
  readonly host: Host;
  /** The node's platform id (a node platform of the registry). */
  readonly platform: string;
  /** The NIC the VM VLANs are trunked down. */
  readonly trunkNic: string;
  readonly mtu?: number;
  readonly bridges: readonly NodeBridge[];
  /** Extra nmstate interfaces, passed through as written (a storage NIC with a static address, say). */
  readonly interfaces: readonly Readonly<Record<string, unknown>>[];
  /** The switch port the trunk NIC is cabled to. */
  readonly uplink?: { readonly switch: string; readonly port: string };
}

export type PortPolicy = 'replace' | 'merge';

export interface SwitchPort {
  readonly name: string;
  readonly description?: string;
  readonly enabled: boolean;
  readonly mode: 'access' | 'trunk';
  /** mode access. */
  readonly accessVlan?: number;
  /** mode trunk: untagged VLAN. */
  readonly nativeVlan?: number;
  /** mode trunk: the allowed set, sorted ascending, no duplicates. */
  readonly allowedVlans?: readonly number[];
  /** replace: the port ends with exactly this set; merge: only the site's VLANs are added/removed. */
  readonly policy: PortPolicy;
  /** The node NIC on the other end of the cable, if known. */
  readonly faces?: { readonly node: string; readonly nic: string };
}

/** A VLAN definition acp-play created on a switch, as the inventory's ownership record remembers it. */
export interface OwnedVlan {
  readonly id: number;
  /** The name it was created with; absent on platforms without VLAN names (Cumulus). */
  readonly name?: string;
}

/**
 * A port-channel member (`channel_group: N` in the inventory): its switchport settings are its port-channel's, so it
 * carries only what is its own. acp-play checks the device agrees it is a member; it does not configure membership.
 */
export interface PortChannelMember {
  readonly name: string;
  /** `channel-group N` on the device; the port-channel is the platform's port-channel N. */
  readonly channelGroup: number;
  readonly description?: string;
  readonly enabled: boolean;
  readonly faces?: { readonly node: string; readonly nic: string };
}

export interface SwitchModel {
  readonly name: string;
  readonly host: Host;
  /** The switch's platform id (a switch platform of the registry). */
  readonly platform: string;
  /** VLAN definitions this switch carries (id + name). */
  readonly vlans: readonly { readonly id: number; readonly name: string }[];
  readonly ports: readonly SwitchPort[];
  /** Port-channel members (`switch.ports` entries with `channel_group`), in inventory order. */
  readonly members?: readonly PortChannelMember[];
  /** Save the running config to startup after a successful apply. */
  readonly save: boolean;
  /**
   * VLAN definitions acp-play created on this switch (the ownership record): the only VLANs it ever removes, and VLANs
   * merge-policy trunks give up when they leave the inventory. Absent = none recorded.
   */
  readonly ownedVlans?: readonly OwnedVlan[];
}

/** One NetworkAttachmentDefinition per VM VLAN. */
export interface Nad extends NadSettings {
  readonly name: string;
  readonly vlan: number;
  readonly bridge: string;
}

export interface Site {
  readonly name: string;
  readonly vlans: readonly Vlan[];
  readonly nodes: readonly NodeModel[];
  readonly switches: readonly SwitchModel[];
  readonly nads: readonly Nad[];
  /** Hosts that are neither nodes nor switches (targets of the generic modules). */
  readonly others: readonly Host[];
  /** Day 0: the OpenShift cluster the nodes are installed into (`site.cluster`), when the site says. */
  readonly cluster?: ClusterModel;
  /** The inventory's ownership record (`INVENTORY/.acp-play-owned.yaml`): apply records there the VLANs it creates. */
  readonly ownershipFile?: string;
}

export type { ValueOrigin };
