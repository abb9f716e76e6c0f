import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ConfigError } from '../../../src/core/errors.js';
import { renderSite, type RenderedFile } from '../../../src/template/render-site.js';
import { cliBlocks } from './cli-blocks.js';
import { site1, site1Node } from './site1-model.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/template/${name}`, import.meta.url), 'utf8');

function file(files: readonly RenderedFile[], path: string): RenderedFile {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path} in ${files.map((f) => f.path).join(', ')}`);
  return found;
}

type Iface = Record<string, unknown> & { name: string };
function interfaces(f: RenderedFile): Iface[] {
  // Parse the text (not only f.data) so the test checks what a user would feed to nmstatectl.
  return (YAML.parse(f.text) as { interfaces: Iface[] }).interfaces;
}

describe('renderSite on the seed site', () => {
  const files = renderSite(site1(), { platforms: defaultPlatforms() });

  it('renders every file under its path', () => {
    expect(files.map((f) => f.path)).toEqual([
      'nodes/node0.nmstate.yaml',
      'nodes/node1.nmstate.yaml',
      'nodes/node2.nmstate.yaml',
      'switches/switch1.cisco_nxos.cfg',
      'k8s/nncp-node0.yaml',
      'k8s/nncp-node1.yaml',
      'k8s/nncp-node2.yaml',
      'k8s/nad-vlan2003.yaml',
      'k8s/nad-vlan2004.yaml',
      'k8s/nad-vlan2005.yaml',
    ]);
  });

  it("node0's VLAN 2003 interfaces equal the seed's block (plus IP disabled on the bridge)", () => {
    const [seed] = YAML.parse(fixture('seed-node0-vlan2003.yaml')) as { interfaces: Iface[] }[];
    const rendered = interfaces(file(files, 'nodes/node0.nmstate.yaml')).filter((i) =>
      ['enp4s0f0.2003', 'bridge2003'].includes(i.name),
    );
    // The seed leaves the bridge's IP settings out; acp-play states `enabled: false` so a plan also notices a
    // bridge someone gave DHCP. Everything else must match the seed exactly.
    const bridge = rendered.find((i) => i.name === 'bridge2003')!;
    expect(bridge['ipv4']).toEqual({ enabled: false });
    expect(bridge['ipv6']).toEqual({ enabled: false });
    const withoutIp = rendered.map(({ ipv4: _4, ipv6: _6, ...rest }) => rest);
    expect(withoutIp).toEqual(seed!.interfaces);
  });

  it('node0 bridges 2003-2005 and lists exactly those interfaces as managed', () => {
    const node0 = file(files, 'nodes/node0.nmstate.yaml');
    expect(interfaces(node0).map((i) => i.name)).toEqual([
      'enp4s0f0.2003',
      'bridge2003',
      'enp4s0f0.2004',
      'bridge2004',
      'enp4s0f0.2005',
      'bridge2005',
    ]);
    expect(node0.managedInterfaces).toEqual(interfaces(node0).map((i) => i.name));
    expect(node0.text).toContain('# Managed by acp-play: enp4s0f0.2003 bridge2003 ');
    expect(node0.data).toEqual(YAML.parse(node0.text));
  });

  it("the NX-OS config holds the seed's three trunk blocks (with `switchport` and `no shutdown` added)", () => {
    const seed = cliBlocks(fixture('seed-nxos-vm-trunks.cfg'));
    const rendered = cliBlocks(file(files, 'switches/switch1.cisco_nxos.cfg').text);
    expect([...seed.keys()]).toEqual(['interface Ethernet1/3', 'interface Ethernet1/7', 'interface Ethernet1/11']);
    for (const [header, lines] of seed) {
      // `switchport` first: Nexus 9000 ports are routed by default and refuse `switchport mode trunk` until it
      // is set. `no shutdown`: the same default leaves them admin-down. Neither changes the seed's meaning.
      const ours = rendered.get(header);
      expect(
        ours!.filter((l) => l !== 'switchport' && l !== 'no shutdown'),
        header,
      ).toEqual(lines);
      expect(ours, header).toEqual([lines[0], 'switchport', ...lines.slice(1), 'no shutdown']);
    }
  });

  it('the NX-OS config defines the VLANs, the uplink trunk and the access ports', () => {
    const rendered = cliBlocks(file(files, 'switches/switch1.cisco_nxos.cfg').text);
    expect(rendered.get('vlan 2003')).toEqual(['name virtual-machines-1']);
    expect(rendered.get('interface Ethernet1/48')).toEqual([
      'description uplink-to-unifi',
      'switchport',
      'switchport mode trunk',
      'switchport trunk native vlan 2000',
      'switchport trunk allowed vlan 2000-2005',
      'no shutdown',
    ]);
    expect(rendered.get('interface Ethernet1/1')).toEqual([
      'description node0-cluster',
      'switchport',
      'switchport mode access',
      'switchport access vlan 2002',
      'no shutdown',
    ]);
  });

  it("the NAD for VLAN 2003 equals the seed's NAD as data (config JSON parsed too)", () => {
    const seed = YAML.parse(fixture('seed-nad-vlan2003.yaml')) as {
      metadata: Record<string, unknown>;
      spec: { config: string };
    };
    const ours = YAML.parse(file(files, 'k8s/nad-vlan2003.yaml').text) as typeof seed;
    expect(JSON.parse(ours.spec.config)).toEqual(JSON.parse(seed.spec.config));
    const withoutConfig = (nad: typeof seed) => ({ ...nad, spec: { ...nad.spec, config: undefined } });
    expect(withoutConfig(ours)).toEqual(withoutConfig(seed));
  });

  it('labels a NAD as managed by acp-play unless the site names its own labels', () => {
    const site = site1();
    const plain = {
      ...site,
      nads: site.nads.map((n) => ({ ...n, labels: { 'app.kubernetes.io/managed-by': 'acp-play' } })),
    };
    const nad = YAML.parse(
      file(renderSite(plain, { platforms: defaultPlatforms() }), 'k8s/nad-vlan2004.yaml').text,
    ) as { metadata: { labels: unknown } };
    expect(nad.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'acp-play' });
  });

  it("each NNCP carries its node's nmstate state and selects the node by hostname", () => {
    const nncp = YAML.parse(file(files, 'k8s/nncp-node1.yaml').text) as Record<string, any>;
    expect(nncp['apiVersion']).toBe('nmstate.io/v1');
    expect(nncp['kind']).toBe('NodeNetworkConfigurationPolicy');
    expect(nncp['metadata'].name).toBe('node1-vlan-bridges');
    expect(nncp['spec'].nodeSelector).toEqual({ 'kubernetes.io/hostname': 'node1' });
    expect(nncp['spec'].desiredState).toEqual(file(files, 'nodes/node1.nmstate.yaml').data);
  });
});

describe('renderSite options and node variations', () => {
  it('--limit renders only the named hosts and leaves out the site-wide NADs', () => {
    const files = renderSite(site1(), { platforms: defaultPlatforms(), limit: ['node1', 'switch1'] });
    expect(files.map((f) => f.path)).toEqual([
      'nodes/node1.nmstate.yaml',
      'switches/switch1.cisco_nxos.cfg',
      'k8s/nncp-node1.yaml',
    ]);
    expect(files.every((f) => f.host === 'node1' || f.host === 'switch1')).toBe(true);
  });

  it('sets the MTU on the VLAN interfaces and passes extra interfaces through', () => {
    const storage = {
      name: 'enp5s0',
      type: 'ethernet',
      state: 'up',
      ipv4: { enabled: true, dhcp: false, address: [{ ip: '172.16.1.10', 'prefix-length': 24 }] },
    };
    const node = site1Node(0, 'Ethernet1/3', { mtu: 9000, interfaces: [storage] });
    const [nmstate] = renderSite(site1({ nodes: [node] }), { platforms: defaultPlatforms() });
    const ifaces = interfaces(nmstate!);
    expect(ifaces.find((i) => i.name === 'enp4s0f0.2004')?.['mtu']).toBe(9000);
    expect(ifaces.find((i) => i.name === 'bridge2004')?.['mtu']).toBeUndefined();
    expect(ifaces.at(-1)).toEqual(storage);
    expect(nmstate!.managedInterfaces).not.toContain('enp5s0');
  });

  it('gives a bridge the address the node sets for it, instead of disabling IP', () => {
    const ipv4 = { enabled: true, dhcp: false, address: [{ ip: '172.16.4.11', 'prefix-length': 24 }] };
    const node = site1Node(0, 'Ethernet1/3', { interfaces: [{ name: 'bridge2003', ipv4 }] });
    const ifaces = interfaces(renderSite(site1({ nodes: [node] }), { platforms: defaultPlatforms() })[0]!);
    expect(ifaces.find((i) => i.name === 'bridge2003')).toMatchObject({
      type: 'linux-bridge',
      ipv4,
      ipv6: { enabled: false },
    });
    expect(ifaces.filter((i) => i.name === 'bridge2003')).toHaveLength(1);
  });

  it('refuses an extra interface that redefines a managed VLAN interface or bridge', () => {
    const clash = site1Node(0, 'Ethernet1/3', {
      interfaces: [
        { name: 'enp4s0f0.2003', type: 'vlan' },
        { name: 'bridge2004', bridge: { port: [] } },
      ],
    });
    expect(() => renderSite(site1({ nodes: [clash] }), { platforms: defaultPlatforms() })).toThrow(ConfigError);
    try {
      renderSite(site1({ nodes: [clash] }), { platforms: defaultPlatforms() });
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.message).join('\n')).toMatch(
        /enp4s0f0\.2003[\s\S]*bridge2004/,
      );
    }
  });

  it('renders a node with no bridges as an empty interface list', () => {
    const node = site1Node(0, 'Ethernet1/3', { bridges: [] });
    const [nmstate] = renderSite(site1({ nodes: [node] }), { platforms: defaultPlatforms() });
    expect(nmstate!.data).toEqual({ interfaces: [] });
  });
});
