// Site-aware mutations: plausible edits an engineer makes to site1 (another platform, other VLANs on a port, an
// extra nmstate interface, odd but maybe valid names), so that many cases still validate and get rendered.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const VLAN_SETS = [
  '2003-2005',
  '2000-2005',
  '2003',
  '2004,2003',
  '2003 - 2005',
  [2003, '2004-2005'],
  [],
  '1-4094',
  '2005-2003',
  '2003,,2004',
  2003,
];
const PLATFORMS = [
  'cisco_nxos',
  'arista_eos',
  'cisco_ios',
  'cumulus',
  'nxos',
  'cisco.ios.ios',
  'arista.eos.eos',
  'nvidia.nvue.nvue',
];
const NAMES = [
  'node0-virt',
  'uplink to fw',
  'a'.repeat(64),
  'ünï',
  'x"y',
  'a\tb',
  'x'.repeat(240),
  '#note',
  'vlan-2003',
  '',
];

function edit(dir, file, change) {
  const path = join(dir, file);
  let doc;
  try {
    doc = parseDocument(readFileSync(path, 'utf8'), { version: '1.1' });
  } catch {
    return `${file} unreadable`;
  }
  if (doc.errors.length > 0) return `${file} does not parse`;
  try {
    const what = change(doc);
    writeFileSync(path, doc.toString({ lineWidth: 0 }));
    return `${file}: ${what}`;
  } catch (error) {
    return `${file}: left alone (${error.message})`;
  }
}

const OPERATIONS = {
  platform: (dir, rnd) =>
    edit(dir, 'host_vars/switch1.yaml', (doc) => {
      const platform = rnd.pick(PLATFORMS);
      doc.set('platform', platform);
      return `platform ${platform}`;
    }),
  allowed: (dir, rnd) =>
    edit(dir, 'host_vars/switch1.yaml', (doc) => {
      const port = rnd.pick(['Ethernet1/3', 'Ethernet1/7', 'Ethernet1/48', 'Ethernet1/1']);
      const value = rnd.pick(VLAN_SETS);
      doc.setIn(['switch', 'ports', port, 'allowed_vlans'], value);
      return `${port} allowed_vlans ${JSON.stringify(value)}`;
    }),
  portMode: (dir, rnd) =>
    edit(dir, 'host_vars/switch1.yaml', (doc) => {
      const port = rnd.pick(['Ethernet1/3', 'Ethernet1/48', 'Ethernet1/1', 'Ethernet1/2']);
      const mode = rnd.pick(['access', 'trunk', 'routed', 'TRUNK']);
      doc.setIn(['switch', 'ports', port, 'mode'], mode);
      return `${port} mode ${mode}`;
    }),
  description: (dir, rnd) =>
    edit(dir, 'host_vars/switch1.yaml', (doc) => {
      const text = rnd.pick(NAMES);
      doc.setIn(['switch', 'ports', 'Ethernet1/48', 'description'], text);
      return `description ${JSON.stringify(text)}`;
    }),
  newPort: (dir, rnd) =>
    edit(dir, 'host_vars/switch1.yaml', (doc) => {
      const name = rnd.pick([
        'Ethernet1/20',
        'Ethernet1/3',
        'swp1',
        'Eth1/20',
        'ethernet1/20',
        'Ethernet1/20.5',
        'Po10',
      ]);
      doc.setIn(['switch', 'ports', name], { mode: 'access', access_vlan: rnd.pick([2000, 2001, 1, 4094, 4095]) });
      return `port ${name}`;
    }),
  nodeVlans: (dir, rnd) =>
    edit(dir, 'group_vars/nodes.yaml', (doc) => {
      const value = rnd.pick([
        [2003],
        [2003, 2004, 2005],
        [{ id: 2003, bridge: 'br-vm1' }],
        [{ id: 2004, interface: 'enp4s0f0.4' }],
        [2000],
        [],
      ]);
      doc.setIn(['node', 'vlans'], value);
      return `node.vlans ${JSON.stringify(value)}`;
    }),
  nodeInterfaces: (dir, rnd) =>
    edit(dir, 'group_vars/nodes.yaml', (doc) => {
      const value = rnd.pick([
        [
          {
            name: 'enp4s0f1',
            type: 'ethernet',
            state: 'up',
            ipv4: { enabled: true, address: [{ ip: '172.16.1.10', 'prefix-length': 24 }] },
          },
        ],
        [{ name: 'bridge2003', ipv4: { enabled: true, dhcp: true } }],
        [{ name: 'eno1', mtu: 9000, lldp: { enabled: true } }],
        [{ name: 'x', extra: { a: [1, { b: null }] } }],
      ]);
      doc.setIn(['node', 'interfaces'], value);
      return 'node.interfaces set';
    }),
  vlanAttrs: (dir, rnd) =>
    edit(dir, 'group_vars/all.yaml', (doc) => {
      const index = rnd.int(6);
      const key = rnd.pick(['name', 'subnet', 'gateway', 'vm', 'description', 'nad']);
      const value = rnd.pick([
        'vm-x',
        '172.16.9.0/24',
        '172.16.4.0/23',
        '10.0.0.1',
        true,
        false,
        { name: 'n', namespace: 'ns-1' },
        'desc with words',
      ]);
      doc.setIn(['site', 'vlans', index, key], value);
      return `site.vlans[${index}].${key} = ${JSON.stringify(value)}`;
    }),
  mtu: (dir, rnd) =>
    edit(dir, 'group_vars/nodes.yaml', (doc) => {
      const value = rnd.pick([1500, 9000, 68, 67, 9216, 9217, '1500']);
      doc.setIn(['node', 'mtu'], value);
      return `mtu ${value}`;
    }),
};

/** One plausible edit of the site. */
export function mutateSite(dir, rnd) {
  const name = rnd.pick(Object.keys(OPERATIONS));
  return `site ${name}: ${OPERATIONS[name](dir, rnd)}`;
}
