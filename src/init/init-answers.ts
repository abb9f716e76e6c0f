import type { PlatformId } from '../core/platform.js';
import { defaultPlatforms } from '../platforms/platform-list.js';

/** One VLAN of the new site's table. */
export interface InitVlan {
  readonly id: number;
  readonly name: string;
  readonly subnet: string;
  /** The first host address of the subnet, as in the pattern's table. */
  readonly gateway: string;
  readonly description?: string;
  /** A VM network: trunked to every node and bridged there. */
  readonly vm: boolean;
}

/** Where the install-config's pull secret or SSH key is read from (never the value itself). */
export interface SecretSourceAnswer {
  readonly kind: 'env' | 'file';
  readonly value: string;
}

/** Everything `acp-play init` needs to write a site; each answer comes from a flag, the user or a default. */
export interface InitAnswers {
  readonly site: string;
  readonly nodes: readonly string[];
  readonly switchName: string;
  readonly switchPlatform: PlatformId;
  readonly vlans: readonly InitVlan[];
  /** Management VLAN: node and switch addresses, the uplink's native VLAN. */
  readonly oobVlan: number;
  /** The cluster links' VLAN (site.cluster.vlan). */
  readonly clusterVlan: number;
  /** Storage links' VLAN, or null for none. */
  readonly storageVlan: number | null;
  readonly trunkNic: string;
  readonly clusterNic: string;
  readonly storageNic: string;
  readonly switchAddress: string;
  readonly nodeAddresses: readonly string[];
  readonly clusterName: string;
  readonly baseDomain: string;
  readonly clusterAddresses: readonly string[];
  readonly rendezvousIp: string;
  readonly apiVip: string | null;
  readonly ingressVip: string | null;
  readonly dns: readonly string[];
  /** Per node; null: still to fill in. */
  readonly macs: readonly (string | null)[];
  /** Per node; null: still to fill in. */
  readonly rootDevices: readonly (string | null)[];
  readonly pullSecret: SecretSourceAnswer;
  readonly sshKey: SecretSourceAnswer;
  readonly uplinkPort: string;
}

/** The answers, and which of them the user gave (a flag or a typed answer) rather than took as the default. */
export interface InitSite {
  readonly answers: InitAnswers;
  readonly given: ReadonlySet<keyof InitAnswers>;
}

/** The pattern's VLAN table, as inventories/site1 writes it (the default of `--vlans`). */
export const PATTERN_VLANS: readonly InitVlan[] = [
  {
    id: 2000,
    name: 'out-of-band',
    subnet: '172.16.0.0/24',
    gateway: '172.16.0.1',
    description: 'Out of band management interfaces of hardware',
    vm: false,
  },
  {
    id: 2001,
    name: 'Storage',
    subnet: '172.16.1.0/24',
    gateway: '172.16.1.1',
    description: 'Hyperconverged storage network',
    vm: false,
  },
  {
    id: 2002,
    name: 'cluster',
    subnet: '172.16.2.0/23',
    gateway: '172.16.2.1',
    description: 'Cluster primary network for ingress, load balanced services, and MetalLB pools',
    vm: false,
  },
  ...[2003, 2004, 2005].map((id, i) => ({
    id,
    name: `virtual-machines-${i + 1}`,
    subnet: `172.16.${i + 4}.0/24`,
    gateway: `172.16.${i + 4}.1`,
    description: `${['First', 'Second', 'Third'][i]} dedicated network for bridged virtual machines`,
    vm: true,
  })),
];

/** The front-panel port `n` in the switch platform's naming (Ethernet1/3, Ethernet3, GigabitEthernet1/0/3, swp3). */
export function frontPanelPort(platform: PlatformId, n: number): string {
  const naming = defaultPlatforms().resolve(platform)?.switch?.interfaceNames;
  if (!naming) throw new Error(`${platform} is not a switch platform`); // the answers were parsed against the registry
  return naming.frontPanel(n);
}

/** Node i's cabling, as in inventories/site1: cluster link on port 4i+1, storage 4i+2, VM trunk 4i+3. */
export function nodePortNumbers(i: number): { cluster: number; storage: number; trunk: number } {
  return { cluster: 4 * i + 1, storage: 4 * i + 2, trunk: 4 * i + 3 };
}
