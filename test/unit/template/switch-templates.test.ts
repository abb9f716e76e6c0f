import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import type { SwitchModel } from '../../../src/core/site.js';
import { parseVlanSet } from '../../../src/inventory/vlan-set.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';
import { buildSwitchContext } from '../../../src/template/switch-context.js';
import { render } from '../../../src/template/template-env.js';
import { cliBlocks, ifupdownStanzas } from './cli-blocks.js';
import { access, site1Switch, trunk } from './site1-model.js';

function renderSwitch(sw: SwitchModel): string {
  const platform = defaultPlatforms().resolve(sw.platform)!;
  return render(platform.template!.path, buildSwitchContext(sw, platform));
}

const scattered = Array.from({ length: 500 }, (_, i) => 2 + i * 3);

function switchWith(platform: string, ports: Parameters<typeof site1Switch>[1]): SwitchModel {
  return site1Switch(platform, ports);
}

describe('Arista EOS', () => {
  const text = renderSwitch(
    switchWith('arista_eos', [
      trunk('Ethernet3', 'node0-virtualization', [2003, 2004, 2005]),
      trunk('Ethernet48', 'uplink', [2000, 2001, 2002, 2003, 2004, 2005], { nativeVlan: 2000 }),
      access('Ethernet1', 'node0-cluster', 2002),
    ]),
  );
  const blocks = cliBlocks(text);

  it('uses EOS running-config order and indentation', () => {
    expect(text).toContain('interface Ethernet3\n   description node0-virtualization\n');
    expect(blocks.get('interface Ethernet3')).toEqual([
      'description node0-virtualization',
      'no shutdown',
      'switchport trunk allowed vlan 2003-2005',
      'switchport mode trunk',
      'switchport',
    ]);
    expect(blocks.get('interface Ethernet48')).toEqual([
      'description uplink',
      'no shutdown',
      'switchport trunk native vlan 2000',
      'switchport trunk allowed vlan 2000-2005',
      'switchport mode trunk',
      'switchport',
    ]);
    expect(blocks.get('interface Ethernet1')).toEqual([
      'description node0-cluster',
      'no shutdown',
      'switchport access vlan 2002',
      'switchport mode access',
      'switchport',
    ]);
    expect(blocks.get('vlan 2005')).toEqual(['name virtual-machines-3']);
  });

  it('keeps a long allowed list on one line, as EOS does', () => {
    const lines = renderSwitch(switchWith('arista_eos', [trunk('Ethernet3', 'big', scattered)]))
      .split('\n')
      .filter((l) => l.includes('allowed vlan'));
    expect(lines).toHaveLength(1);
    expect(parseVlanSet(lines[0]!.trim().replace('switchport trunk allowed vlan ', ''))).toEqual(scattered);
  });
});

describe('Cisco IOS', () => {
  it('uses IOS order and one-space indentation, without an encapsulation line', () => {
    const text = renderSwitch(
      switchWith('cisco_ios', [
        trunk('GigabitEthernet1/0/3', 'node0-virtualization', [2003, 2004, 2005], { nativeVlan: 2003 }),
        access('GigabitEthernet1/0/1', 'node0-cluster', 2002),
      ]),
    );
    expect(text).toContain('interface GigabitEthernet1/0/3\n description node0-virtualization\n');
    expect(text).not.toContain('encapsulation');
    const blocks = cliBlocks(text);
    expect(blocks.get('interface GigabitEthernet1/0/3')).toEqual([
      'description node0-virtualization',
      'switchport trunk native vlan 2003',
      'switchport trunk allowed vlan 2003-2005',
      'switchport mode trunk',
      'no shutdown',
    ]);
    expect(blocks.get('interface GigabitEthernet1/0/1')).toEqual([
      'description node0-cluster',
      'switchport access vlan 2002',
      'switchport mode access',
      'no shutdown',
    ]);
  });
});

describe.each(['cisco_nxos', 'cisco_ios'] as const)('%s long allowed lists', (platform) => {
  it('splits them into a first line and `add` lines of at most 220 characters, losing nothing', () => {
    const text = renderSwitch(switchWith(platform, [trunk('Ethernet1/3', 'big', scattered)]));
    const lines = (cliBlocks(text).get('interface Ethernet1/3') ?? []).filter((l) =>
      l.startsWith('switchport trunk allowed vlan'),
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]).not.toMatch(/ add /);
    for (const line of lines.slice(1)) expect(line).toMatch(/^switchport trunk allowed vlan add /);
    const lists = lines.map((l) => l.replace(/^switchport trunk allowed vlan (add )?/, ''));
    for (const list of lists) expect(list.length).toBeLessThanOrEqual(220);
    expect(lists.flatMap((l) => parseVlanSet(l))).toEqual(scattered);
  });

  it('says `none` for an empty allowed set, nothing for "all", and `shutdown` for a disabled port', () => {
    const blocks = cliBlocks(
      renderSwitch(
        switchWith(platform, [
          trunk('Ethernet1/3', 'none', []),
          { ...trunk('Ethernet1/4', 'all', []), allowedVlans: undefined, enabled: false },
        ]),
      ),
    );
    expect(blocks.get('interface Ethernet1/3')).toContain('switchport trunk allowed vlan none');
    const all = blocks.get('interface Ethernet1/4')!;
    expect(all.some((l) => l.includes('allowed vlan'))).toBe(false);
    expect(all.at(-1)).toBe('shutdown');
  });
});

describe('Cumulus Linux (ifupdown2)', () => {
  it('renders the same stanzas as the Cumulus docs VLAN pruning example', () => {
    // Docs: bridge br_default with swp1-3 and VLANs 10, 20; swp3 pruned to 20. acp-play names the bridge `bridge`
    // and leaves the bridge's PVID at its default (the docs spell out `bridge-pvid 1`).
    const docs = ifupdownStanzas(
      readFileSync(
        new URL('../../fixtures/template/cumulus-cldocs54-vlan-pruning.interfaces', import.meta.url),
        'utf8',
      ),
    );
    const { br_default: docsBridge, ...docsPorts } = docs;
    const { 'bridge-pvid': _pvid, ...docsBridgeRest } = docsBridge!;
    const sw: SwitchModel = {
      ...site1Switch('cumulus', [
        { ...trunk('swp1', '', []), description: undefined, allowedVlans: undefined },
        { ...trunk('swp2', '', []), description: undefined, allowedVlans: undefined },
        { ...trunk('swp3', '', [20]), description: undefined },
      ]),
      vlans: [
        { id: 10, name: 'ten' },
        { id: 20, name: 'twenty' },
      ],
    };
    const ours = ifupdownStanzas(renderSwitch(sw));
    expect(ours).toEqual({ ...docsPorts, swp1: {}, swp2: {}, bridge: docsBridgeRest });
  });

  it('renders trunk, native, access, alias and link-down per port', () => {
    const text = renderSwitch(
      switchWith('cumulus', [
        trunk('swp3', 'node0-virtualization', [2003, 2004, 2005]),
        trunk('swp48', 'uplink', [2000, 2001, 2002, 2003, 2004, 2005], { nativeVlan: 2000 }),
        { ...access('swp1', 'node0-cluster', 2002), enabled: false },
      ]),
    );
    expect(text).toContain('auto swp3\niface swp3\n    alias node0-virtualization\n    bridge-vids 2003-2005\n');
    expect(ifupdownStanzas(text)).toEqual({
      swp3: { alias: 'node0-virtualization', 'bridge-vids': '2003-2005' },
      swp48: { alias: 'uplink', 'bridge-vids': '2000-2005', 'bridge-pvid': '2000' },
      swp1: { alias: 'node0-cluster', 'bridge-access': '2002', 'link-down': 'yes' },
      bridge: { 'bridge-vlan-aware': 'yes', 'bridge-ports': 'swp3 swp48 swp1', 'bridge-vids': '2000-2005' },
    });
  });

  it('refuses a trunk with no VLANs, which ifupdown2 cannot express', () => {
    const cumulus = defaultPlatforms().resolve('cumulus')!;
    expect(() => buildSwitchContext(switchWith('cumulus', [trunk('swp3', 'x', [])]), cumulus)).toThrow(
      /cannot express/,
    );
  });
});

describe('switch context safety', () => {
  it('refuses a description or VLAN name with a line break (it would become a command)', () => {
    const sw = switchWith('cisco_nxos', [trunk('Ethernet1/3', 'node0\nvlan 1', [2003])]);
    expect(() => buildSwitchContext(sw)).toThrow(ConfigError);
    const badVlan: SwitchModel = { ...site1Switch(), vlans: [{ id: 2003, name: 'vm\r\nno feature ssh' }] };
    expect(() => buildSwitchContext(badVlan)).toThrow(/line break/);
  });

  it('refuses an access port without an access VLAN', () => {
    const sw = switchWith('cisco_nxos', [{ ...access('Ethernet1/1', 'x', 2002), accessVlan: undefined }]);
    expect(() => buildSwitchContext(sw)).toThrow(/no access VLAN/);
  });
});
