import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/core/errors.js';
import { seedInventory } from './fake-inventory.js';
import { expectCaseProblem, siteProblems, type Hosts, type SiteCase } from './site-case.js';

const MACS = ['b8:ca:3a:6e:69:40', '24:6e:96:69:56:90', 'b8:ca:3a:6e:17:d8'];

/** The seed site with the day-0 keys of the pattern's agent-config example, and switch1's cluster access ports. */
function withDay0(hosts: Hosts): void {
  for (const h of Object.values(hosts)) {
    if (h.vars.site)
      h.vars.site.cluster = {
        name: 'example-cluster',
        base_domain: 'your-domain.com',
        vlan: 2002,
        rendezvous_ip: '172.16.2.2',
        pull_secret_env: 'ACP_PLAY_PULL_SECRET',
        ssh_key_env: 'ACP_PLAY_SSH_KEY',
      };
  }
  [0, 1, 2].forEach((i) => {
    hosts[`node${i}`]!.vars.node.cluster_link = {
      nic: 'eno1',
      mac: MACS[i],
      address: `172.16.2.${i + 2}`,
      dns: ['8.8.8.8', '8.8.4.4'],
    };
    hosts[`node${i}`]!.vars.node.root_device = '/dev/disk/by-path/pci-0000:02:00.0-scsi-0:2:0:0';
    hosts.switch1!.vars.switch.ports[`Ethernet1/${4 * i + 1}`] = {
      mode: 'access',
      access_vlan: 2002,
      faces: `node${i}:eno1`,
    };
  });
}

const cluster = (hosts: Hosts, edit: (c: any) => void) => {
  for (const h of Object.values(hosts)) if (h.vars.site) edit(h.vars.site.cluster);
};
const link = (hosts: Hosts, node: string) => hosts[node]!.vars.node.cluster_link;
const port = (hosts: Hosts, name: string) => hosts.switch1!.vars.switch.ports[name];

function problemsOf(tweak: (hosts: Hosts) => void): Problem[] {
  return siteProblems(seedInventory((h) => (withDay0(h), tweak(h))));
}

const cases: SiteCase[] = [
  {
    name: 'cluster VLAN not a site VLAN',
    tweak: (h) => cluster(h, (c) => (c.vlan = 2099)),
    message: 'site.cluster.vlan 2099 is not in site.vlans',
    at: 'group_vars/all.yaml#site.cluster.vlan',
  },
  {
    name: 'cluster name not a DNS label',
    tweak: (h) => cluster(h, (c) => (c.name = 'Edge_7')),
    message: 'cluster name "Edge_7" is not a DNS label',
    at: 'group_vars/all.yaml#site.cluster.name',
  },
  {
    name: 'base domain with a space',
    tweak: (h) => cluster(h, (c) => (c.base_domain = 'my domain.com')),
    message: 'is not a DNS domain',
    at: 'group_vars/all.yaml#site.cluster.base_domain',
  },
  {
    name: 'only an API VIP',
    tweak: (h) => cluster(h, (c) => (c.api_vips = ['172.16.2.10'])),
    message: 'site.cluster has api_vips but no ingress_vips',
    at: 'group_vars/all.yaml#site.cluster.api_vips',
  },
  {
    name: 'VIP outside the machine network',
    tweak: (h) => cluster(h, (c) => ((c.api_vips = '172.16.9.10'), (c.ingress_vips = '172.16.2.11'))),
    message: 'api_vips 172.16.9.10 is outside the machine network 172.16.2.0/23',
    at: 'group_vars/all.yaml#site.cluster.api_vips',
  },
  {
    name: 'API VIP equal to the ingress VIP',
    tweak: (h) => cluster(h, (c) => ((c.api_vips = ['172.16.2.10']), (c.ingress_vips = ['172.16.2.10']))),
    message: '172.16.2.10 is both an API VIP and an ingress VIP',
    at: 'group_vars/all.yaml#site.cluster.ingress_vips',
  },
  {
    name: 'service network overlapping the machine network',
    tweak: (h) => cluster(h, (c) => (c.service_network = '172.16.0.0/16')),
    message: 'service_network 172.16.0.0/16 overlaps the machine network 172.16.2.0/23',
    at: 'group_vars/all.yaml#site.cluster.service_network',
  },
  {
    name: 'host prefix shorter than the pod network',
    tweak: (h) => cluster(h, (c) => (c.host_prefix = 12)),
    message: 'host_prefix 12 does not fit cluster_network 10.128.0.0/14',
    at: 'group_vars/all.yaml#site.cluster.host_prefix',
  },
  {
    name: 'two sources for the pull secret',
    tweak: (h) => cluster(h, (c) => (c.pull_secret_file = '~/pull-secret.json')),
    message: 'site.cluster gives the pull secret twice (pull_secret_env and pull_secret_file)',
    at: 'group_vars/all.yaml#site.cluster.pull_secret_file',
  },
  {
    name: 'no source for the SSH key',
    tweak: (h) => cluster(h, (c) => delete c.ssh_key_env),
    message: 'site.cluster names no source for the SSH key',
    at: 'group_vars/all.yaml#site.cluster',
  },
  {
    name: 'a bad environment variable name',
    tweak: (h) => cluster(h, (c) => (c.pull_secret_env = 'PULL-SECRET')),
    message: 'site.cluster.pull_secret_env is not an environment variable name',
    at: 'group_vars/all.yaml#site.cluster.pull_secret_env',
  },
  {
    name: 'two nodes',
    tweak: (h) => {
      delete h.node2;
      delete port(h, 'Ethernet1/9').faces;
    },
    message: 'the site has 2 nodes',
    at: 'group_vars/all.yaml#site.cluster',
  },
  {
    name: 'a node without cluster_link',
    tweak: (h) => delete h.node1!.vars.node.cluster_link,
    message: 'node1 has no node.cluster_link',
    at: 'host_vars/node1.yaml#node',
  },
  {
    name: 'day-0 keys without site.cluster',
    tweak: (h) => {
      for (const x of Object.values(h)) if (x.vars.site) delete x.vars.site.cluster;
    },
    message: 'node0 has node.cluster_link, but the site has no site.cluster',
    at: 'host_vars/node0.yaml#node.cluster_link',
  },
  {
    name: 'multicast MAC',
    tweak: (h) => (link(h, 'node1').mac = '01:00:5e:00:00:01'),
    message: 'MAC 01:00:5e:00:00:01 of node1:eno1 is a multicast address',
    at: 'host_vars/node1.yaml#node.cluster_link.mac',
  },
  {
    name: 'MACs compared regardless of case',
    tweak: (h) => (link(h, 'node2').mac = 'B8:CA:3A:6E:69:40'),
    message: 'MAC b8:ca:3a:6e:69:40 of node2:eno1 is also the MAC of node0:eno1',
    at: 'host_vars/node2.yaml#node.cluster_link.mac',
  },
  {
    name: 'address is the gateway',
    tweak: (h) => ((link(h, 'node1').address = '172.16.2.1'), (port(h, 'Ethernet1/5').faces = 'node1:eno1')),
    message: "cluster address 172.16.2.1 of node1 is the gateway's address",
    at: 'host_vars/node1.yaml#node.cluster_link.address',
  },
  {
    name: 'one node outside the machine network',
    tweak: (h) => (link(h, 'node2').address = '172.16.4.4'),
    message: 'machine network 172.16.2.0/23 does not hold the cluster address 172.16.4.4 of node2',
    at: 'host_vars/node2.yaml#node.cluster_link.address',
  },
  {
    name: 'address written with a prefix',
    tweak: (h) => (link(h, 'node0').address = '172.16.2.2/23'),
    message: 'cluster address "172.16.2.2/23" of node0 is not an IPv4 address',
    at: 'host_vars/node0.yaml#node.cluster_link.address',
  },
  {
    name: 'no DNS servers',
    tweak: (h) => delete link(h, 'node0').dns,
    message: 'node0 has no DNS servers for its cluster link',
    at: 'host_vars/node0.yaml#node.cluster_link.dns',
  },
  {
    name: 'gateway outside the subnet',
    tweak: (h) => (link(h, 'node0').gateway = '172.16.4.1'),
    message: 'gateway 172.16.4.1 of node0 is outside 172.16.2.0/23',
    at: 'host_vars/node0.yaml#node.cluster_link.gateway',
  },
  {
    name: 'root device not a path',
    tweak: (h) => (h.node0!.vars.node.root_device = 'sda'),
    message: 'root_device "sda" of node0 is not a device path',
    at: 'host_vars/node0.yaml#node.root_device',
  },
  {
    name: 'cluster link on a trunk that does not allow the VLAN',
    tweak: (h) => {
      const p = port(h, 'Ethernet1/1');
      delete p.access_vlan;
      Object.assign(p, { mode: 'trunk', allowed_vlans: '2003' });
    },
    message: 'faces node0:eno1, the cluster link, but does not carry the cluster VLAN 2002',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/1.allowed_vlans',
  },
  {
    name: 'cluster link on a shut port',
    tweak: (h) => (port(h, 'Ethernet1/1').enabled = false),
    message: 'switch1 Ethernet1/1 faces node0:eno1, the cluster link, but is shut down',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/1.enabled',
  },
  {
    name: 'cluster VLAN tagged on a trunk (a warning: the installer sets the link untagged)',
    tweak: (h) => {
      const p = port(h, 'Ethernet1/1');
      delete p.access_vlan;
      Object.assign(p, { mode: 'trunk', allowed_vlans: '2002' });
    },
    message: 'switch1 Ethernet1/1 carries the cluster VLAN 2002 tagged to node0:eno1',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/1.native_vlan',
    severity: 'warning',
  },
  {
    name: 'MAC still to fill in (a warning until render)',
    tweak: (h) => delete link(h, 'node2').mac,
    message: 'node2 has no MAC for its cluster link eno1 yet',
    at: 'host_vars/node2.yaml#node.cluster_link',
    severity: 'warning',
  },
];

describe('day-0 checks (site.cluster, node.cluster_link)', () => {
  it("the pattern's day-0 values have no problems at all", () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it('a trunk carrying the cluster VLAN as its native VLAN is fine', () => {
    const problems = problemsOf((h) => {
      const p = port(h, 'Ethernet1/1');
      delete p.access_vlan;
      Object.assign(p, { mode: 'trunk', allowed_vlans: '2002', native_vlan: 2002 });
    });
    expect(problems).toEqual([]);
  });

  it.each(cases)('$name', (c) => {
    expectCaseProblem(problemsOf(c.tweak), c);
  });
});
