import { basename, resolve } from 'node:path';
import { isIpv4 } from '../inventory/ipv4-net.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { checkAddress, checkInterfaceName, checkK8sName, checkPortName } from '../inventory/safe-names.js';
import { isDnsDomain } from '../inventory/validate-day0.js';
import {
  checked,
  need,
  parseMacs,
  parseNodes,
  parseRoleVlan,
  parseRootDevices,
  parseSecretSource,
  parseVip,
  roleDefault,
  type Answers,
} from './answer-parsers.js';
import { frontPanelPort, nodePortNumbers, PATTERN_VLANS, type InitAnswers } from './init-answers.js';
import { bad, nthHost, ok, parseNodeAddresses, parseVlanTable, splitList, vlanNet, type Parsed } from './init-parse.js';

/** One thing `init` needs: its flag, its question on a terminal, its default and how an answer is read. */
export interface Question {
  readonly key: keyof InitAnswers;
  /** The long option without dashes: `--switch-platform`. */
  readonly flag: string;
  /** What the option takes, for --help: `<name>`. */
  readonly arg: string;
  readonly prompt: string;
  /** Asked on a terminal; otherwise only its flag changes it. */
  readonly interactive: boolean;
  /** On a terminal, asked once per node with this prompt; the answers are joined with commas. */
  readonly perNode?: (node: string, a: Answers) => string;
  /** The default, as an answer would be typed ('' where the default is "none" or "fill in later"). */
  fallback(a: Answers): string;
  parse(text: string, a: Answers): Parsed<unknown>;
}

/** Every question, in the order they are asked (later defaults depend on earlier answers). */
export function initQuestions(dir: string): Question[] {
  return [
    {
      key: 'site',
      flag: 'site',
      arg: '<name>',
      prompt: 'Site name',
      interactive: true,
      fallback: () => basename(resolve(dir)),
      parse: (t) => (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(t) ? ok(t) : bad('use letters, digits, _ . -')),
    },
    {
      key: 'nodes',
      flag: 'nodes',
      arg: '<count|names>',
      prompt: 'Nodes: how many (1, 3, 4 or 5), or their names separated by commas',
      interactive: true,
      fallback: () => '3',
      parse: parseNodes,
    },
    {
      key: 'switchPlatform',
      flag: 'switch-platform',
      arg: '<platform>',
      prompt: `Switch platform (${switchPlatformIds().join(', ')})`,
      interactive: true,
      fallback: () => 'cisco_nxos',
      parse: (t) => {
        const platform = defaultPlatforms().resolve(t);
        return platform?.role === 'switch' ? ok(platform.id) : bad(`use ${listed(switchPlatformIds())}`);
      },
    },
    {
      key: 'switchName',
      flag: 'switch',
      arg: '<name>',
      prompt: 'Switch name',
      interactive: false,
      fallback: () => 'switch1',
      parse: (t) => checked(t, checkK8sName(t)),
    },
    {
      key: 'vlans',
      flag: 'vlans',
      arg: '<ID:NAME:SUBNET[:vm],...>',
      prompt:
        'VLAN table as ID:NAME:SUBNET[:vm],... or "pattern" (2000-2005, VM VLANs 2003-2005, as inventories/site1)',
      interactive: true,
      fallback: () => 'pattern',
      parse: (t) => parseVlanTable(t, PATTERN_VLANS),
    },
    {
      key: 'oobVlan',
      flag: 'oob-vlan',
      arg: '<id>',
      prompt: 'Out-of-band (management) VLAN',
      interactive: false,
      fallback: (a) => roleDefault(a, 2000, /out-of-band|oob|mgmt|management/i),
      parse: (t, a) => parseRoleVlan(t, a, 'out-of-band', []),
    },
    {
      key: 'clusterVlan',
      flag: 'cluster-vlan',
      arg: '<id>',
      prompt: 'Cluster VLAN (the nodes install over it, untagged)',
      interactive: true,
      fallback: (a) => roleDefault(a, 2002, /cluster/i),
      parse: (t, a) => parseRoleVlan(t, a, 'cluster', [need(a, 'oobVlan')]),
    },
    {
      key: 'storageVlan',
      flag: 'storage-vlan',
      arg: '<id|none>',
      prompt: 'Storage VLAN',
      interactive: false,
      fallback: (a) => roleDefault(a, 2001, /storage/i) || 'none',
      parse: (t, a) =>
        t === 'none' ? ok(null) : parseRoleVlan(t, a, 'storage', [need(a, 'oobVlan'), need(a, 'clusterVlan')]),
    },
    {
      key: 'trunkNic',
      flag: 'trunk-nic',
      arg: '<nic>',
      prompt: 'NIC the VM VLANs are trunked down, on every node',
      interactive: true,
      fallback: () => 'enp4s0f0',
      // Its VLAN interfaces are NIC.ID: at most 15 characters with a four-digit id.
      parse: (t) =>
        checked(t, checkInterfaceName(`${t}.4094`) ? `${checkInterfaceName(`${t}.4094`)} (with .ID added)` : undefined),
    },
    {
      key: 'clusterNic',
      flag: 'cluster-nic',
      arg: '<nic>',
      prompt: 'Cluster-link NIC (the nodes install over it), on every node',
      interactive: true,
      fallback: () => 'eno1',
      parse: (t, a) =>
        t === need(a, 'trunkNic') ? bad('use another NIC than the VM trunk') : checked(t, checkInterfaceName(t)),
    },
    {
      key: 'storageNic',
      flag: 'storage-nic',
      arg: '<nic>',
      prompt: 'Storage NIC, on every node',
      interactive: false,
      fallback: () => 'enp4s0f1',
      parse: (t, a) =>
        [need(a, 'trunkNic'), need(a, 'clusterNic')].includes(t)
          ? bad('use a NIC of its own')
          : checked(t, checkInterfaceName(t)),
    },
    {
      key: 'switchAddress',
      flag: 'switch-address',
      arg: '<address>',
      prompt: 'Management address of the switch',
      interactive: true,
      fallback: (a) => nthHost(vlanNet(need(a, 'vlans'), need(a, 'oobVlan')).text, 2),
      parse: (t) => checked(t, checkAddress(t)),
    },
    {
      key: 'nodeAddresses',
      flag: 'node-addresses',
      arg: '<a,b,c>',
      prompt: 'Management (SSH) addresses of the nodes',
      interactive: true,
      perNode: (node) => `Management (SSH) address of ${node}`,
      fallback: (a) => {
        const subnet = vlanNet(need(a, 'vlans'), need(a, 'oobVlan')).text;
        return need(a, 'nodes')
          .map((_, i) => nthHost(subnet, 10 + i))
          .join(',');
      },
      parse: (t, a) => parseNodeAddresses(t, need(a, 'nodes'), undefined, [need(a, 'switchAddress')]),
    },
    {
      key: 'clusterName',
      flag: 'cluster-name',
      arg: '<name>',
      prompt: 'OpenShift cluster name',
      interactive: true,
      fallback: (a) => (checkK8sName(need(a, 'site')) ? 'cluster' : need(a, 'site')),
      parse: (t) => checked(t, checkK8sName(t)),
    },
    {
      key: 'baseDomain',
      flag: 'base-domain',
      arg: '<domain>',
      prompt: 'Base domain (the cluster is NAME.DOMAIN)',
      interactive: true,
      fallback: () => 'example.com',
      parse: (t) => (isDnsDomain(t) ? ok(t) : bad('write a lower-case DNS domain such as example.com')),
    },
    {
      key: 'clusterAddresses',
      flag: 'cluster-addresses',
      arg: '<a,b,c>',
      prompt: 'Cluster addresses of the nodes',
      interactive: true,
      perNode: (node, a) => `Cluster address of ${node} (${need(a, 'clusterNic')}, VLAN ${need(a, 'clusterVlan')})`,
      fallback: (a) => {
        const subnet = vlanNet(need(a, 'vlans'), need(a, 'clusterVlan')).text;
        return need(a, 'nodes')
          .map((_, i) => nthHost(subnet, 2 + i))
          .join(',');
      },
      parse: (t, a) => {
        const vlan = need(a, 'vlans').find((v) => v.id === need(a, 'clusterVlan'))!;
        return parseNodeAddresses(t, need(a, 'nodes'), vlanNet(need(a, 'vlans'), vlan.id), [vlan.gateway]);
      },
    },
    {
      key: 'rendezvousIp',
      flag: 'rendezvous-ip',
      arg: '<address>',
      prompt: 'Rendezvous IP (the node that bootstraps the install)',
      interactive: true,
      fallback: (a) => need(a, 'clusterAddresses')[0]!,
      parse: (t, a) => (need(a, 'clusterAddresses').includes(t) ? ok(t) : bad("use one node's cluster address")),
    },
    {
      key: 'apiVip',
      flag: 'api-vip',
      arg: '<address>',
      prompt: 'API VIP (empty: none, platform none)',
      interactive: true,
      fallback: () => '',
      parse: (t, a) => parseVip(t, a, undefined),
    },
    {
      key: 'ingressVip',
      flag: 'ingress-vip',
      arg: '<address>',
      prompt: 'Ingress VIP',
      interactive: true,
      fallback: () => '',
      parse: (t, a) => {
        const vip = parseVip(t, a, need(a, 'apiVip') as string | null);
        if ('error' in vip) return vip;
        return (vip.value === null) === (a.apiVip === null) ? vip : bad('give both VIPs (API and ingress) or neither');
      },
    },
    {
      key: 'dns',
      flag: 'dns',
      arg: '<a,b>',
      prompt: 'DNS servers of the nodes',
      interactive: true,
      fallback: () => '8.8.8.8,8.8.4.4',
      parse: (t) => {
        const servers = splitList(t);
        if (servers.length === 0) return bad('give at least one DNS server');
        const wrong = servers.find((s) => !isIpv4(s));
        return wrong === undefined ? ok(servers) : bad(`${wrong} is not an IPv4 address`);
      },
    },
    {
      key: 'macs',
      flag: 'macs',
      arg: '<mac,mac,...>',
      prompt: 'MACs of the cluster-link NICs, in node order (empty: fill in later)',
      interactive: true,
      perNode: (node, a) => `MAC of ${node}'s ${need(a, 'clusterNic')} (empty: fill in later)`,
      fallback: () => '',
      parse: parseMacs,
    },
    {
      key: 'rootDevices',
      flag: 'root-device',
      arg: '<path|p1,p2,...>',
      prompt: 'Install disk of the nodes, e.g. /dev/disk/by-path/... (empty: fill in later; per node: p1,p2,...)',
      interactive: true,
      fallback: () => '',
      parse: parseRootDevices,
    },
    {
      key: 'pullSecret',
      flag: 'pull-secret',
      arg: '<env:VAR|file:PATH>',
      prompt: 'Where render reads the pull secret (env:VAR or file:PATH)',
      interactive: true,
      fallback: () => 'env:ACP_PLAY_PULL_SECRET',
      parse: parseSecretSource,
    },
    {
      key: 'sshKey',
      flag: 'ssh-key',
      arg: '<env:VAR|file:PATH>',
      prompt: 'Where render reads the SSH public key (env:VAR or file:PATH)',
      interactive: true,
      fallback: () => 'env:ACP_PLAY_SSH_KEY',
      parse: parseSecretSource,
    },
    {
      key: 'uplinkPort',
      flag: 'uplink-port',
      arg: '<port>',
      prompt: 'Switch port of the uplink to the firewall',
      interactive: false,
      fallback: (a) => frontPanelPort(need(a, 'switchPlatform'), 48),
      parse: (t, a) => {
        const taken = need(a, 'nodes').flatMap((_, i) =>
          Object.values(nodePortNumbers(i)).map((n) => frontPanelPort(need(a, 'switchPlatform'), n)),
        );
        return taken.includes(t) ? bad(`${t} is a node's port`) : checked(t, checkPortName(t));
      },
    },
  ];
}

/** The switch platforms of the registry, by id, in registry order. */
function switchPlatformIds(): string[] {
  return defaultPlatforms()
    .all.filter((p) => p.role === 'switch')
    .map((p) => p.id);
}

/** `a, b, c or d`. */
function listed(ids: readonly string[]): string {
  return ids.length > 1 ? `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}` : (ids[0] ?? '');
}
