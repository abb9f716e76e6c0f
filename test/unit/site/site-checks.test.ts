import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/core/errors.js';
import { seedInventory } from './fake-inventory.js';
import { expectCaseProblem, siteProblems, type Hosts, type SiteCase } from './site-case.js';

/** Applies `edit` to the site var of every host (the site must stay identical everywhere). */
function editSite(hosts: Hosts, edit: (site: any) => void): void {
  for (const h of Object.values(hosts)) if (h.vars.site) edit(h.vars.site);
}
const port = (hosts: Hosts, name: string) => hosts.switch1!.vars.switch.ports[name];

function problemsOf(tweak: (hosts: Hosts) => void): Problem[] {
  return siteProblems(seedInventory(tweak));
}

const cases: SiteCase[] = [
  {
    name: 'VLAN id 0',
    tweak: (h) => editSite(h, (s) => (s.vlans[0].id = 0)),
    message: 'VLAN id 0 is outside 1-4094',
    at: 'group_vars/all.yaml#site.vlans.0.id',
  },
  {
    name: 'VLAN id 4095',
    tweak: (h) => editSite(h, (s) => (s.vlans[0].id = 4095)),
    message: 'VLAN id 4095 is outside 1-4094',
    at: 'group_vars/all.yaml#site.vlans.0.id',
  },
  {
    name: 'duplicate VLAN',
    tweak: (h) => editSite(h, (s) => (s.vlans[1].id = 2000)),
    message: 'VLAN 2000 is defined twice',
    at: 'group_vars/all.yaml#site.vlans.1.id',
  },
  {
    name: 'overlapping subnets',
    tweak: (h) => editSite(h, (s) => (s.vlans[1].subnet = '172.16.0.0/16')),
    message: 'subnet 172.16.0.0/16 of VLAN 2001 overlaps 172.16.0.0/24 of VLAN 2000',
    at: 'group_vars/all.yaml#site.vlans.1.subnet',
  },
  {
    name: 'host bits in subnet',
    tweak: (h) => editSite(h, (s) => (s.vlans[0].subnet = '172.16.0.5/24')),
    message: 'has host bits set',
    at: 'group_vars/all.yaml#site.vlans.0.subnet',
  },
  {
    name: 'subnet not CIDR',
    tweak: (h) => editSite(h, (s) => (s.vlans[0].subnet = '172.16.0.0')),
    message: 'is not a CIDR',
    at: 'group_vars/all.yaml#site.vlans.0.subnet',
  },
  {
    name: 'gateway outside subnet',
    tweak: (h) => editSite(h, (s) => (s.vlans[3].gateway = '172.16.5.1')),
    message: 'gateway 172.16.5.1 of VLAN 2003 is outside its subnet 172.16.4.0/24',
    at: 'group_vars/all.yaml#site.vlans.3.gateway',
  },
  {
    name: 'gateway is broadcast',
    tweak: (h) => editSite(h, (s) => (s.vlans[3].gateway = '172.16.4.255')),
    message: 'is the broadcast address',
    at: 'group_vars/all.yaml#site.vlans.3.gateway',
  },
  {
    name: 'gateway is network',
    tweak: (h) => editSite(h, (s) => (s.vlans[3].gateway = '172.16.4.0')),
    message: 'is the network address',
    at: 'group_vars/all.yaml#site.vlans.3.gateway',
  },
  {
    name: 'unsafe VLAN name',
    tweak: (h) => editSite(h, (s) => (s.vlans[0].name = 'oob; reload')),
    message: 'is not safe to send to a switch',
    at: 'group_vars/all.yaml#site.vlans.0.name',
  },
  {
    name: '16-character trunk NIC',
    tweak: (h) => (h.node0!.vars.node.trunk_nic = 'enp4s0f0np0abcde'),
    message: 'trunk_nic "enp4s0f0np0abcde" of node0 is not a safe interface name',
    at: 'host_vars/node0.yaml#node.trunk_nic',
  },
  {
    name: 'VLAN interface over 15 characters',
    tweak: (h) => (h.node0!.vars.node.trunk_nic = 'enp4s0f0np0ab'),
    message: 'interface name "enp4s0f0np0ab.2003"',
    at: 'host_vars/node0.yaml#node.trunk_nic',
  },
  {
    name: 'shell metacharacters in a bridge name',
    tweak: (h) => (h.node0!.vars.node.vlans = [{ id: 2003, bridge: 'br$(reboot)' }]),
    message: 'bridge name "br$(reboot)"',
    at: 'host_vars/node0.yaml#node.vlans.0.bridge',
  },
  {
    name: 'shell metacharacters in a description',
    tweak: (h) => (port(h, 'Ethernet1/3').description = 'node0; reload'),
    message: 'description of switch1 Ethernet1/3 has characters',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/3.description',
  },
  {
    name: 'comment character in a description',
    tweak: (h) => (port(h, 'Ethernet1/3').description = 'node0 ! vm'),
    message: 'description of switch1 Ethernet1/3',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/3.description',
  },
  {
    name: 'unsafe port name',
    tweak: (h) =>
      port(h, 'Eth 1/9|x') ?? (h.switch1!.vars.switch.ports['Eth 1/9|x'] = { mode: 'access', access_vlan: 2002 }),
    message: 'port name "Eth 1/9|x"',
    at: 'host_vars/switch1.yaml#switch.ports.Eth 1/9|x',
  },
  {
    name: 'a port used twice',
    tweak: (h) => (h.node1!.vars.node.uplink.port = 'Ethernet1/3'),
    message: 'switch1 Ethernet1/3 is already the uplink of node0',
    at: 'host_vars/node1.yaml#node.uplink.port',
  },
  {
    name: 'faces claimed twice',
    tweak: (h) => (port(h, 'Ethernet1/48').faces = 'node0:enp4s0f0'),
    message: 'faces node0:enp4s0f0, which switch1 Ethernet1/48 already faces',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/3.faces',
  },
  {
    name: 'uplink to a missing switch',
    tweak: (h) => (h.node0!.vars.node.uplink.switch = 'swtich1'),
    message: 'names the switch swtich1, which is not in the inventory',
    at: 'host_vars/node0.yaml#node.uplink.switch',
  },
  {
    name: 'uplink to a missing port',
    tweak: (h) => (h.node0!.vars.node.uplink.port = 'Ethernet1/4'),
    message: 'names switch1 Ethernet1/4, which is not in switch.ports',
    at: 'host_vars/node0.yaml#node.uplink.port',
  },
  {
    name: 'uplink port in access mode',
    tweak: (h) => (h.switch1!.vars.switch.ports['Ethernet1/3'] = { mode: 'access', access_vlan: 2003 }),
    message: 'switch1 Ethernet1/3 is an access port, but it is the uplink of node0',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/3.mode',
  },
  {
    name: 'VLAN bridged but not allowed',
    tweak: (h) => (port(h, 'Ethernet1/3').allowed_vlans = '2003-2004'),
    message: 'switch1 Ethernet1/3 does not allow VLAN 2005, which node0 bridges on enp4s0f0',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/3.allowed_vlans',
  },
  {
    name: 'VLAN allowed but not bridged',
    tweak: (h) => (h.node0!.vars.node.vlans = [2003, 2004]),
    message: 'switch1 Ethernet1/3 allows VLAN 2005, which node0 does not bridge',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/3.allowed_vlans',
    severity: 'warning',
  },
  {
    name: 'native VLAN outside allowed',
    tweak: (h) => {
      port(h, 'Ethernet1/48').native_vlan = 2001;
      port(h, 'Ethernet1/48').allowed_vlans = '2002-2005';
    },
    message: 'native_vlan 2001 of switch1 Ethernet1/48 is not in its allowed_vlans 2002-2005',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/48.native_vlan',
  },
  {
    name: 'native VLAN bridged tagged',
    tweak: (h) => (port(h, 'Ethernet1/3').native_vlan = 2003),
    message: 'node0 would receive VLAN 2003 untagged on enp4s0f0, not on its VLAN interface enp4s0f0.2003',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/3.native_vlan',
  },
  {
    name: 'access VLAN not defined on the switch',
    tweak: (h) => (h.switch1!.vars.switch.ports['Ethernet1/20'] = { mode: 'access', access_vlan: 3000 }),
    message: 'access_vlan 3000 of switch1 Ethernet1/20 is not a VLAN defined on switch1',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/20.access_vlan',
  },
  {
    name: 'allowed VLAN not defined on the switch',
    tweak: (h) => (h.switch1!.vars.switch.vlans = [2003, 2004, 2005]),
    message: 'allowed_vlans of switch1 Ethernet1/48 include VLANs 2000-2002, not defined on switch1',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/48.allowed_vlans',
  },
  {
    name: 'access port with allowed_vlans',
    tweak: (h) =>
      (h.switch1!.vars.switch.ports['Ethernet1/1'] = { mode: 'access', access_vlan: 2002, allowed_vlans: '2002' }),
    message: 'switch1 Ethernet1/1 is an access port but sets allowed_vlans',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/1.allowed_vlans',
  },
  {
    name: 'trunk with access_vlan',
    tweak: (h) => (port(h, 'Ethernet1/48').access_vlan = 2000),
    message: 'is a trunk port but sets access_vlan',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/48.access_vlan',
  },
  {
    name: 'trunk without allowed_vlans',
    tweak: (h) => delete port(h, 'Ethernet1/48').allowed_vlans,
    message: 'is a trunk without allowed_vlans',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/48.mode',
  },
  {
    name: 'bad VLAN range text',
    tweak: (h) => (port(h, 'Ethernet1/48').allowed_vlans = '2005-2000'),
    message: 'reversed range "2005-2000"',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/48.allowed_vlans',
  },
  {
    name: 'unknown platform',
    tweak: (h) => (h.switch1!.vars.platform = 'junos'),
    message: 'unknown platform "junos" on switch1',
    at: 'host_vars/switch1.yaml#platform',
  },
  {
    name: 'node with a switch platform',
    tweak: (h) => (h.node0!.vars.platform = 'eos'),
    message: 'node0 has a node variable but platform arista_eos',
    at: 'host_vars/node0.yaml#platform',
  },
  {
    name: 'bad address',
    tweak: (h) => (h.node0!.vars.address = '172.16.0.300'),
    message: 'address "172.16.0.300" of node0 is neither an IP address nor a host name',
    at: 'host_vars/node0.yaml#address',
  },
  {
    name: 'address with a shell character',
    tweak: (h) => (h.node0!.vars.address = 'node0;id'),
    message: 'is neither an IP address nor a host name',
    at: 'host_vars/node0.yaml#address',
  },
  {
    name: 'bad port',
    tweak: (h) => (h.node0!.vars.ansible_port = 70000),
    message: 'ansible_port 70000 of node0 is not a TCP port',
    at: 'host_vars/node0.yaml#ansible_port',
  },
  {
    name: 'bad MTU',
    tweak: (h) => (h.node0!.vars.node.mtu = 10000),
    message: 'mtu 10000 of node0 is outside 68-9216',
    at: 'host_vars/node0.yaml#node.mtu',
  },
  {
    name: 'plain-text password',
    tweak: (h) => (h.switch1!.vars.ansible_password = 'switch-password'),
    message: 'ansible_password of switch1 is a plain-text password',
    at: 'host_vars/switch1.yaml#ansible_password',
    severity: 'warning',
  },
  {
    name: 'site differs between hosts',
    tweak: (h) => (h.node2!.vars.site.name = 'site2'),
    message: 'node2 sees a different site variable than node0',
    at: 'group_vars/all.yaml#site',
  },
  {
    name: 'NAD bridge name conflict',
    tweak: (h) => (h.node1!.vars.node.vlans = [2003, 2004, { id: 2005, bridge: 'br-vm3' }]),
    message: 'node1 bridges VLAN 2005 as br-vm3 but node0 as bridge2005; the one NAD vlan2005',
    at: 'host_vars/node1.yaml#node.vlans.2.bridge',
  },
  {
    name: 'node bridges an unknown VLAN',
    tweak: (h) => (h.node0!.vars.node.vlans = [2003, 2004, 2005, 2010]),
    message: 'node0 bridges VLAN 2010, which is not in site.vlans',
    at: 'host_vars/node0.yaml#node.vlans.3',
  },
  {
    name: 'two bridges with one name',
    tweak: (h) => (h.node0!.vars.node.vlans = [2003, { id: 2004, bridge: 'bridge2003' }, 2005]),
    message: 'node0 uses the name bridge2003 for both',
    at: 'host_vars/node0.yaml#node.vlans.1.bridge',
  },
  {
    name: 'faces disagrees with the uplink',
    tweak: (h) => (port(h, 'Ethernet1/3').faces = 'node1:enp4s0f0'),
    message: "switch1 Ethernet1/3 faces node1:enp4s0f0, but node0's trunk NIC enp4s0f0 has it as its uplink",
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/3.faces',
  },
  {
    name: 'unknown key with did-you-mean',
    tweak: (h) => (h.node0!.vars.node.uplnk = {}),
    message: 'unknown key uplnk in node',
    at: 'host_vars/node0.yaml#node.uplnk',
  },
  {
    name: 'wrong type',
    tweak: (h) => (h.node0!.vars.node.mtu = '1500'),
    message: 'node.mtu must be an integer, found the string "1500"',
    at: 'host_vars/node0.yaml#node.mtu',
  },
  {
    name: 'missing field',
    tweak: (h) => delete h.node0!.vars.node.trunk_nic,
    message: 'node is missing the required key trunk_nic',
    at: 'host_vars/node0.yaml#node',
  },
  {
    name: 'bad enum',
    tweak: (h) => (port(h, 'Ethernet1/3').mode = 'trunc'),
    message: 'switch.ports.Ethernet1/3.mode is "trunc"; allowed values: access, trunk',
    at: 'host_vars/switch1.yaml#switch.ports.Ethernet1/3.mode',
  },
  {
    name: 'misspelt top-level key',
    tweak: (h) => (h.switch1!.vars.swich = h.switch1!.vars.switch),
    message: "variable swich looks like a misspelling of acp-play's key switch",
    at: 'host_vars/switch1.yaml#swich',
  },
];

describe('site checks (hand-built inventories)', () => {
  it('the seed site has no problems at all', () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it.each(cases)('$name', (c) => {
    expectCaseProblem(problemsOf(c.tweak), c);
  });

  it('reports every error at once', () => {
    const problems = problemsOf((h) => {
      editSite(h, (s) => (s.vlans[0].id = 0));
      h.node0!.vars.node.mtu = 10;
      port(h, 'Ethernet1/3').native_vlan = 2003;
    });
    expect(problems.filter((p) => p.severity === 'error').length).toBeGreaterThanOrEqual(3);
  });

  it('gives a did-you-mean for an unknown key and a misspelt switch', () => {
    const problems = problemsOf((h) => {
      h.node0!.vars.node.uplnk = {};
      h.node1!.vars.node.uplink.switch = 'swtich1';
    });
    expect(problems.find((p) => p.message.includes('uplnk'))!.fix).toContain('did you mean uplink?');
    expect(problems.find((p) => p.message.includes('swtich1'))!.fix).toContain('did you mean switch1?');
  });

  it('reports a mistake in a shared file once, not once per host', () => {
    const problems = problemsOf((h) => editSite(h, (s) => (s.vlans[0].id = 0)));
    expect(problems.filter((p) => p.message.includes('VLAN id 0')).length).toBe(1);
  });
});
