import type { Problem } from '../core/errors.js';
import type { ClusterLink, ClusterModel, SecretRef } from '../core/day0.js';
import { checkEnvName } from './safe-names.js';
import type { SiteLocator } from './site-locator.js';
import type { NodeModel, Vlan } from '../core/site.js';
import { VaultValue } from '../core/vault-value.js';

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof VaultValue);
}

function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Builds the day-0 model from `site.cluster` and every node's `node.cluster_link` / `node.root_device`. Returns
 * undefined when the site has no `site.cluster` (then a node with day-0 keys is an error) or when its required
 * keys are unusable (the schema check has said why). Cross checks are validateDay0's job.
 */
export function buildCluster(
  rawSite: Raw,
  nodes: readonly NodeModel[],
  vlans: readonly Vlan[],
  locator: SiteLocator,
  problems: Problem[],
): ClusterModel | undefined {
  const raw = rawSite.cluster;
  if (!isRecord(raw)) {
    for (const node of nodes) {
      const spec = isRecord(node.host.vars.node) ? node.host.vars.node : {};
      const key = ['cluster_link', 'root_device'].find((k) => spec[k] !== undefined);
      if (key)
        problems.push({
          severity: 'error',
          location: locator.node(node.host, [key]),
          message: `${node.name} has node.${key}, but the site has no site.cluster, so no cluster would be installed over it`,
          fix: 'add site.cluster (name, base_domain, vlan, rendezvous_ip, pull secret and SSH key) in group_vars/all.yaml, or remove the day-0 keys from the nodes',
        });
    }
    return undefined;
  }
  const name = text(raw.name);
  const baseDomain = text(raw.base_domain);
  const rendezvousIp = text(raw.rendezvous_ip);
  if (name === undefined || baseDomain === undefined || rendezvousIp === undefined || typeof raw.vlan !== 'number')
    return undefined;
  const vlan = vlans.find((v) => v.id === raw.vlan);
  const machineNetwork = text(raw.machine_network) ?? vlan?.subnet;
  return {
    name,
    baseDomain,
    vlan: raw.vlan,
    ...(machineNetwork === undefined ? {} : { machineNetwork }),
    machineNetworkSet: typeof raw.machine_network === 'string',
    rendezvousIp,
    apiVips: asList(raw.api_vips),
    ingressVips: asList(raw.ingress_vips),
    clusterNetwork: text(raw.cluster_network) ?? '10.128.0.0/14',
    hostPrefix: typeof raw.host_prefix === 'number' ? raw.host_prefix : 23,
    serviceNetwork: text(raw.service_network) ?? '172.30.0.0/16',
    ...secretRef(raw, 'pull_secret', 'pull secret', 'pullSecret', locator, problems),
    ...secretRef(raw, 'ssh_key', 'SSH key', 'sshKey', locator, problems),
    links: nodes.flatMap((node) => buildLink(node, vlan, locator, problems) ?? []),
  };
}

function buildLink(
  node: NodeModel,
  vlan: Vlan | undefined,
  locator: SiteLocator,
  problems: Problem[],
): ClusterLink | undefined {
  const spec = isRecord(node.host.vars.node) ? node.host.vars.node : {};
  const link = spec.cluster_link;
  if (!isRecord(link)) {
    if (link === undefined)
      problems.push({
        severity: 'error',
        location: locator.node(node.host),
        message: `${node.name} has no node.cluster_link, but every node of the site is installed into site.cluster`,
        fix: 'give it node.cluster_link: {nic: NIC, mac: MAC, address: IP} (the NIC and DNS servers can be set once in group_vars/nodes.yaml)',
      });
    return undefined;
  }
  const nic = text(link.nic);
  if (nic === undefined) return undefined;
  const mac = text(link.mac)?.trim().toLowerCase();
  const address = text(link.address);
  const gateway = text(link.gateway) ?? vlan?.gateway;
  const rootDevice = text(spec.root_device);
  return {
    node: node.name,
    host: node.host,
    nic,
    ...(mac === undefined ? {} : { mac }),
    ...(address === undefined ? {} : { address }),
    ...(gateway === undefined ? {} : { gateway }),
    dns: asList(link.dns),
    ...(rootDevice === undefined ? {} : { rootDevice }),
  };
}

/**
 * The one source of a secret: `BASE: !vault |`, `BASE_env: VAR` or `BASE_file: PATH`. Clear text in the
 * inventory, two sources or none is an error (the message never shows the value).
 */
function secretRef<K extends 'pullSecret' | 'sshKey'>(
  raw: Raw,
  base: string,
  what: string,
  field: K,
  locator: SiteLocator,
  problems: Problem[],
): { [P in K]?: SecretRef } {
  const keys = [base, `${base}_env`, `${base}_file`].filter((k) => raw[k] !== undefined && raw[k] !== null);
  const error = (key: string | undefined, message: string, fix: string) =>
    problems.push({
      severity: 'error',
      location: locator.site(key === undefined ? ['cluster'] : ['cluster', key]),
      message,
      fix,
    });
  const ways = `${base}_env: VAR (an environment variable holding it), ${base}_file: PATH, or ${base}: !vault | (ansible-vault encrypt_string)`;
  const [key, second] = keys;
  if (key === undefined) {
    error(undefined, `site.cluster names no source for the ${what}, which install-config.yaml needs`, `add ${ways}`);
    return {};
  }
  if (second !== undefined) {
    error(second, `site.cluster gives the ${what} twice (${keys.join(' and ')})`, 'keep one of them');
    return {};
  }
  const value = raw[key];
  const ref = (source: SecretRef['source']) =>
    ({
      [field]: { what, key: `site.cluster.${key}`, source, location: locator.site(['cluster', key]) },
    }) as { [P in K]?: SecretRef };
  if (key.endsWith('_env')) {
    const bad = typeof value === 'string' ? checkEnvName(value) : 'write the name of an environment variable';
    if (bad) {
      error(key, `site.cluster.${key} is not an environment variable name`, bad);
      return {};
    }
    return ref({ kind: 'env', name: value as string });
  }
  if (key.endsWith('_file')) return ref({ kind: 'file', path: value as string });
  if (value instanceof VaultValue) return ref({ kind: 'vault', text: value.ciphertext });
  if (typeof value === 'string' && value.trimStart().startsWith('$ANSIBLE_VAULT;'))
    return ref({ kind: 'vault', text: value });
  error(
    key,
    `the ${what} is written in clear text in the inventory (site.cluster.${key})`,
    `remove it from the inventory and use ${base}_env or ${base}_file, or encrypt it: ansible-vault encrypt_string --name ${base}`,
  );
  return {};
}
