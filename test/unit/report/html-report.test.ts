import { describe, expect, it } from 'vitest';
import type { Site } from '../../../src/core/site.js';
import { renderHtmlReport } from '../../../src/report/html/html-report.js';
import { buildSitePicture } from '../../../src/report/html/site-picture-model.js';
import { interruptedPlan, removalPlan } from '../../helpers/sample-plan.js';

const host = (name: string) => ({ name, address: '127.0.0.1', groups: ['all'], vars: {}, origins: {} });
const bridges = (ids: number[]) => ids.map((id) => ({ vlan: id, interface: `enp4s0f0.${id}`, bridge: `bridge${id}` }));

/** The lab site after VLAN 2005 left it: one switch, three nodes bridging 2003-2004. */
const site: Site = {
  name: 'site1',
  vlans: [],
  nads: [],
  others: [],
  switches: [
    {
      name: 'switch1',
      host: host('switch1'),
      platform: 'cisco_nxos',
      save: false,
      vlans: [
        { id: 2003, name: 'virtual-machines-1' },
        { id: 2004, name: 'virtual-machines-2' },
      ],
      ports: [
        {
          name: 'Ethernet1/48',
          mode: 'trunk',
          policy: 'replace',
          enabled: true,
          allowedVlans: [2003, 2004],
          description: 'uplink',
        },
        ...['node0', 'node1', 'node2'].map((node, i) => ({
          name: `Eth1/${3 + 4 * i}`,
          mode: 'trunk' as const,
          policy: 'replace' as const,
          enabled: true,
          allowedVlans: [2003, 2004],
          faces: { node, nic: 'enp4s0f0' },
        })),
        {
          name: 'Ethernet1/1',
          mode: 'access',
          policy: 'replace',
          enabled: true,
          accessVlan: 2002,
          faces: { node: 'node0', nic: 'eno1' },
        },
      ],
    },
  ],
  nodes: ['node0', 'node1', 'node2'].map((name) => ({
    name,
    host: host(name),
    platform: 'nmstate',
    trunkNic: 'enp4s0f0',
    bridges: bridges(name === 'node1' ? [2003, 2004] : [2003, 2004]),
    interfaces: [],
  })),
};
const portName = (_sw: string, port: string) => port.replace(/^Eth(?=\d)/, 'Ethernet');

describe('the site picture from the site model and the plan', () => {
  const picture = buildSitePicture(site, removalPlan(), { portName });

  it('marks switch VLANs, ports and their VLAN sets by what the plan does', () => {
    const sw = picture.switches[0]!;
    expect(sw.vlans.map((v) => `${v.id}:${v.mark}`)).toEqual(['2003:same', '2004:same', '2005:removed']);
    const trunk = sw.ports.find((p) => p.name === 'Eth1/3')!;
    expect(trunk.mark).toBe('changed');
    expect(trunk.vlans.map((v) => `${v.id}:${v.mark}`)).toEqual(['2003:same', '2004:same', '2005:removed']);
    expect(sw.ports.find((p) => p.name === 'Ethernet1/1')!.vlans).toEqual([{ id: 2002, mark: 'same' }]);
  });

  it("puts the removed bridge and its VLAN interface back on the node, the added bridge marked, a failed node's reason", () => {
    const [node0, node1, node2] = picture.nodes;
    expect(node0!.bridges.map((b) => `${b.name}:${b.mark}:${b.port?.name}:${b.port?.mark}`)).toEqual([
      'bridge2003:same:enp4s0f0.2003:same',
      'bridge2004:same:enp4s0f0.2004:same',
      'bridge2005:removed:enp4s0f0.2005:removed',
    ]);
    expect(node1!.bridges.find((b) => b.name === 'bridge2004')!.mark).toBe('added');
    expect(node2!.problem).toBe('unreachable: node2: connect failed: ECONNREFUSED');
  });
});

describe('plan --html', () => {
  const html = renderHtmlReport(removalPlan(), site, { portName });

  it('is one self-contained page: no script, no external URL, no link or image element', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html.match(/https?:\/\/[^\s"]+/g)).toEqual(['http://www.w3.org/2000/svg']);
  });

  it('draws every port, node, NIC and bridge with its mark', () => {
    expect(html).toContain('<g class="port mark-changed" data-port="Eth1/3">');
    expect(html).toContain('<g class="port mark-same" data-port="Ethernet1/48">');
    expect(html).toContain('<g class="bridge mark-removed" data-bridge="bridge2005">');
    expect(html).toContain('<g class="bridge mark-added" data-bridge="bridge2004">');
    expect(html).toContain('<g class="node problem" data-node="node2">');
    expect(html.match(/<g class="nic trunk" data-nic="enp4s0f0">/g)).toHaveLength(3);
    expect(html).toContain('data-nic="eno1"');
  });

  it('lists each host below the picture, with the full diffs collapsed and secrets masked', () => {
    expect(html).toContain('<tr class="mark-removed"><td><code>vlan 2005</code></td><td>- delete</td>');
    expect(html).toContain('<li><code>vlan 3000</code>, <code>vlan 3001</code>: not created by acp-play');
    expect(html).toContain('<details><summary>Full diffs and commands</summary>');
    expect(html).toContain('description: &quot;a|b&quot; -&gt; &quot;node0-virtualization&quot;');
    expect(html).not.toContain('hunter2');
  });

  it('an interrupted plan: the verdict says so, and node1 (never planned) is marked a problem, not in sync', () => {
    const html = renderHtmlReport(interruptedPlan(), site);
    expect(html).toContain('Interrupted: 1 host(s) not planned. This plan is incomplete and cannot be applied.');
    expect(html).toMatch(
      /data-host="node1">\s*<h2>node1 <span class="status failed">not planned \(interrupted\)<\/span>/,
    );
    const node1 = buildSitePicture(site, interruptedPlan()).nodes.find((n) => n.name === 'node1');
    expect(JSON.stringify(node1)).toContain('not planned (the plan was interrupted)');
  });
});
