import { formatVlanSet } from '../inventory/vlan-set.js';
import { frontPanelPort, nodePortNumbers, type InitSite } from './init-answers.js';

/** One node as the init templates see it. */
export interface InitNodeContext {
  readonly name: string;
  readonly address: string;
  readonly clusterAddress: string;
  /** null: still to fill in. */
  readonly mac: string | null;
  /** A root device of this node's own (nodes differ), else null. */
  readonly rootDevice: string | null;
  readonly trunkPort: string;
  readonly clusterPort: string;
  readonly storagePort: string | null;
}

/** Context of the templates under templates/init/ (see src/init/init-files.ts). */
export interface InitContext {
  readonly site: string;
  readonly trunkNic: string;
  readonly clusterNic: string;
  readonly storageNic: string;
  readonly vlans: readonly {
    readonly id: number;
    readonly name: string;
    readonly subnet: string;
    readonly gateway: string;
    readonly description: string | null;
    readonly vm: boolean;
  }[];
  readonly vmVlans: string;
  readonly allVlans: string;
  readonly oobVlan: number;
  readonly clusterVlan: number;
  readonly storageVlan: number | null;
  readonly cluster: {
    readonly name: string;
    readonly baseDomain: string;
    readonly rendezvousIp: string;
    readonly apiVip: string | null;
    readonly ingressVip: string | null;
    readonly pullSecretKey: string;
    readonly pullSecretValue: string;
    readonly sshKeyKey: string;
    readonly sshKeyValue: string;
  };
  readonly dns: readonly string[];
  /** The root device every node shares, or null (per node, or still to fill in). */
  readonly rootDevice: string | null;
  readonly rootDeviceMissing: boolean;
  readonly nodes: readonly InitNodeContext[];
  readonly switch: {
    readonly name: string;
    readonly platform: string;
    readonly address: string;
    readonly passwordEnv: string;
    readonly uplinkPort: string;
  };
  /** Answers taken as defaults, by InitAnswers key: the files mark them "check". */
  readonly defaulted: Readonly<Record<string, boolean>>;
}

/** Builds the templates' context from the answers (all checked already). */
export function buildInitContext({ answers: a, given }: InitSite): InitContext {
  const roots = a.rootDevices;
  const shared = roots.every((r) => r === roots[0]) ? (roots[0] ?? null) : null;
  const port = (n: number) => frontPanelPort(a.switchPlatform, n);
  const defaulted = Object.fromEntries(Object.keys(a).map((key) => [key, !given.has(key as keyof typeof a)]));
  return {
    site: a.site,
    trunkNic: a.trunkNic,
    clusterNic: a.clusterNic,
    storageNic: a.storageNic,
    vlans: a.vlans.map((v) => ({ ...v, description: v.description ?? null })),
    vmVlans: formatVlanSet(a.vlans.filter((v) => v.vm).map((v) => v.id)),
    allVlans: formatVlanSet(a.vlans.map((v) => v.id)),
    oobVlan: a.oobVlan,
    clusterVlan: a.clusterVlan,
    storageVlan: a.storageVlan,
    cluster: {
      name: a.clusterName,
      baseDomain: a.baseDomain,
      rendezvousIp: a.rendezvousIp,
      apiVip: a.apiVip,
      ingressVip: a.ingressVip,
      pullSecretKey: `pull_secret_${a.pullSecret.kind}`,
      pullSecretValue: a.pullSecret.value,
      sshKeyKey: `ssh_key_${a.sshKey.kind}`,
      sshKeyValue: a.sshKey.value,
    },
    dns: a.dns,
    rootDevice: shared,
    rootDeviceMissing: roots.every((r) => r === null),
    nodes: a.nodes.map((name, i) => {
      const ports = nodePortNumbers(i);
      return {
        name,
        address: a.nodeAddresses[i]!,
        clusterAddress: a.clusterAddresses[i]!,
        mac: a.macs[i] ?? null,
        rootDevice: shared === null ? (roots[i] ?? null) : null,
        trunkPort: port(ports.trunk),
        clusterPort: port(ports.cluster),
        storagePort: a.storageVlan === null ? null : port(ports.storage),
      };
    }),
    switch: {
      name: a.switchName,
      platform: a.switchPlatform,
      address: a.switchAddress,
      passwordEnv: `${a.switchName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_PASSWORD`,
      uplinkPort: a.uplinkPort,
    },
    defaulted,
  };
}
