import * as v from 'valibot';

/**
 * The schemas of acp-play's structured host variables `site`, `node` and `switch` (docs/inventory.md): the one
 * description the inventory check, the TypeScript types and schema/inventory.schema.json all come from.
 */

const str = v.string();
const int = v.pipe(v.number(), v.integer());
const bool = v.boolean();
const opt = <S extends v.GenericSchema>(schema: S, description?: string) =>
  v.optional(description ? v.pipe(schema, v.description(description)) : schema);
/** One address, or a list of them. */
const addresses = v.union([str, v.array(str)]);
// A secret may be a `!vault` value, which the loader hands over as an object; clear text is refused later.
const secret = v.any();
/** VLAN sets: `2003-2005`, `2003`, or a list of ids and ranges. */
const vlanSet = v.union([str, int, v.array(v.union([int, str]))]);

const nadFields = {
  namespace: opt(str, 'the namespace of the NetworkAttachmentDefinitions'),
  cni: opt(v.picklist(['cnv-bridge', 'bridge']), 'the CNI plugin'),
  macspoofchk: opt(bool),
  labels: opt(v.record(v.string(), str), 'metadata.labels'),
};

/** `site.cluster`: the cluster as a whole (install-config.yaml, and the head of agent-config.yaml). */
export const CLUSTER_SCHEMA = v.strictObject({
  name: v.pipe(str, v.description('metadata.name; the cluster is NAME.BASE_DOMAIN')),
  base_domain: str,
  vlan: v.pipe(int, v.description("the cluster links' VLAN (a site VLAN)")),
  machine_network: opt(str),
  rendezvous_ip: v.pipe(str, v.description("one node's cluster_link.address")),
  api_vips: opt(addresses),
  ingress_vips: opt(addresses),
  cluster_network: opt(str),
  host_prefix: opt(int),
  service_network: opt(str),
  pull_secret: opt(secret),
  pull_secret_env: opt(str),
  pull_secret_file: opt(str),
  ssh_key: opt(secret),
  ssh_key_env: opt(str),
  ssh_key_file: opt(str),
});

/** `node.cluster_link`: the NIC a node installs over, and its static address on the cluster VLAN. */
export const CLUSTER_LINK_SCHEMA = v.strictObject({
  nic: str,
  mac: opt(str),
  address: opt(str),
  gateway: opt(str),
  dns: opt(addresses),
});

export const SITE_SCHEMA = v.strictObject({
  name: opt(str, 'the site name'),
  nad: opt(v.strictObject(nadFields), "defaults for every VM VLAN's NetworkAttachmentDefinition"),
  cluster: opt(CLUSTER_SCHEMA, 'the OpenShift cluster the agent-based installer makes (day 0)'),
  vlans: v.pipe(
    v.array(
      v.strictObject({
        id: int,
        name: str,
        subnet: opt(str),
        gateway: opt(str),
        description: opt(str),
        vm: opt(bool, 'a VM network: bridged on nodes and given a NAD'),
        nad: opt(v.strictObject({ name: opt(str), ...nadFields })),
      }),
    ),
    v.description("the site's VLANs"),
  ),
});

export const NODE_SCHEMA = v.strictObject({
  trunk_nic: v.pipe(str, v.description('the NIC the VM VLANs are trunked down')),
  mtu: opt(int),
  vlans: opt(
    v.array(v.union([int, v.strictObject({ id: int, interface: opt(str), bridge: opt(str) })])),
    'default: every VM VLAN',
  ),
  // Passed through to nmstate as written; only the names are checked (validate-site).
  interfaces: opt(v.array(v.record(v.string(), v.any())), 'extra nmstate interfaces, passed through'),
  uplink: opt(v.strictObject({ switch: str, port: str }), 'the switch port the trunk NIC is cabled to'),
  cluster_link: opt(CLUSTER_LINK_SCHEMA),
  root_device: opt(str, 'rootDeviceHints.deviceName'),
});

const SWITCH_PORT_SCHEMA = v.strictObject({
  description: opt(str),
  // Required unless channel_group makes the port a port-channel member (build-switch.ts says so).
  mode: opt(v.picklist(['access', 'trunk'])),
  channel_group: opt(int, 'the port-channel this port is a member of: configured on the port-channel, not here'),
  access_vlan: opt(int),
  native_vlan: opt(int, 'the untagged VLAN of a trunk'),
  allowed_vlans: opt(vlanSet, 'text ranges or a list; compared as a set'),
  policy: opt(v.picklist(['replace', 'merge']), 'replace: exactly this set; merge: only the site VLANs change'),
  faces: opt(str, 'NODE:NIC on the other end'),
  enabled: opt(bool),
});

export const SWITCH_SCHEMA = v.strictObject({
  vlans: opt(v.union([str, int, v.array(v.union([int, str, v.strictObject({ id: int, name: str })]))])),
  save: opt(bool, 'copy running-config startup-config after a good apply'),
  ports: opt(v.record(v.string(), SWITCH_PORT_SCHEMA)),
});

/** `site` as the inventory may write it. */
export type SiteVars = v.InferOutput<typeof SITE_SCHEMA>;
/** `node` as the inventory may write it. */
export type NodeVars = v.InferOutput<typeof NODE_SCHEMA>;
/** `switch` as the inventory may write it. */
export type SwitchVars = v.InferOutput<typeof SWITCH_SCHEMA>;
/** One port of `switch.ports`. */
export type SwitchPortVars = v.InferOutput<typeof SWITCH_PORT_SCHEMA>;
/** `site.cluster`. */
export type ClusterVars = v.InferOutput<typeof CLUSTER_SCHEMA>;
