import type { Schema } from './schema-check.js';

/**
 * Schemas of the day-0 keys (see docs/inventory.md, "Day 0"): `site.cluster` says which OpenShift cluster the
 * agent-based installer makes, `node.cluster_link` and `node.root_device` how each node boots into it.
 */

const str: Schema = { kind: 'string' };
const int: Schema = { kind: 'integer' };
/** One address, or a list of them. */
const addresses: Schema = { kind: 'oneOf', options: [str, { kind: 'list', items: str }] };
// A secret may be a `!vault` value, which the loader hands over as an object; clear text is refused later.
const secret: Schema = { kind: 'any' };

/** `site.cluster`: the cluster as a whole (install-config.yaml, and the head of agent-config.yaml). */
export const CLUSTER_SCHEMA: Schema = {
  kind: 'map',
  fields: {
    name: { schema: str, required: true },
    base_domain: { schema: str, required: true },
    vlan: { schema: int, required: true },
    machine_network: { schema: str },
    rendezvous_ip: { schema: str, required: true },
    api_vips: { schema: addresses },
    ingress_vips: { schema: addresses },
    cluster_network: { schema: str },
    host_prefix: { schema: int },
    service_network: { schema: str },
    pull_secret: { schema: secret },
    pull_secret_env: { schema: str },
    pull_secret_file: { schema: str },
    ssh_key: { schema: secret },
    ssh_key_env: { schema: str },
    ssh_key_file: { schema: str },
  },
};

/** `node.cluster_link`: the NIC a node installs over, and its static address on the cluster VLAN. */
export const CLUSTER_LINK_SCHEMA: Schema = {
  kind: 'map',
  fields: {
    nic: { schema: str, required: true },
    mac: { schema: str },
    address: { schema: str },
    gateway: { schema: str },
    dns: { schema: addresses },
  },
};
