import { describe, expect, it } from 'vitest';
import { splitConfigBlocks } from '../../../src/platforms/cli-config-blocks.js';
import { normaliseInterfaceName } from '../../../src/platforms/interface-names.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';

describe("normaliseInterfaceName, with each platform's interface naming", () => {
  const platforms = defaultPlatforms();
  it.each([
    ['cisco_nxos', 'Eth1/3', 'Ethernet1/3'],
    ['cisco_nxos', 'ethernet1/3', 'Ethernet1/3'],
    ['cisco_nxos', 'Po10', 'port-channel10'],
    ['cisco_nxos', 'Port-Channel10', 'port-channel10'],
    ['cisco_nxos', 'lo0', 'loopback0'],
    ['arista_eos', 'et1', 'Ethernet1'],
    ['arista_eos', 'Et49/1', 'Ethernet49/1'],
    ['arista_eos', 'po5', 'Port-Channel5'],
    ['arista_eos', 'ma1', 'Management1'],
    ['cisco_ios', 'Gi0/1', 'GigabitEthernet0/1'],
    ['cisco_ios', 'gi 0/1', 'GigabitEthernet0/1'],
    ['cisco_ios', 'Fa0/5', 'FastEthernet0/5'],
    ['cisco_ios', 'Te1/0/1', 'TenGigabitEthernet1/0/1'],
    ['cisco_ios', 'Tw1/0/1', 'TwoGigabitEthernet1/0/1'],
    ['cisco_ios', 'Twe1/0/1', 'TwentyFiveGigE1/0/1'],
    ['cisco_ios', 'Po1', 'Port-channel1'],
    ['cisco_ios', 'GigabitEthernet0/1.100', 'GigabitEthernet0/1.100'],
    ['cumulus', 'swp1', 'swp1'],
    ['cisco_nxos', 'nosuchtype7', 'nosuchtype7'],
  ] as const)('%s: %s -> %s', (platform, input, want) => {
    expect(normaliseInterfaceName(platforms.resolve(platform)!.switch!.interfaceNames, input)).toBe(want);
  });
});

describe('splitConfigBlocks', () => {
  it('drops an echoed prompt, banners and `!` comments; keeps `!#` defaults as config', () => {
    const blocks = splitConfigBlocks(
      'sw1# show running-config\r\nBuilding configuration...\r\n!Command: show running-config\r\n' +
        'interface Ethernet1/1\r\n  !#switchport\r\n  !#no shutdown\r\n  description x\r\nsw1#\r\n',
    );
    expect(blocks).toEqual([
      {
        header: 'interface Ethernet1/1',
        line: 4,
        children: [
          { text: 'switchport', depth: 0, line: 5 },
          { text: 'no shutdown', depth: 0, line: 6 },
          { text: 'description x', depth: 0, line: 7 },
        ],
      },
    ]);
  });

  it('attaches unindented interface lines to their interface, but not lines after another section', () => {
    const blocks = splitConfigBlocks(
      'interface Ethernet1/1\nswitchport mode trunk\nspanning-tree port type edge trunk\nswitchport trunk allowed vlan add 5\n' +
        'router ospf 1\nshutdown\n',
    );
    expect(blocks.map((b) => [b.header, b.children.map((c) => c.text)])).toEqual([
      [
        'interface Ethernet1/1',
        ['switchport mode trunk', 'spanning-tree port type edge trunk', 'switchport trunk allowed vlan add 5'],
      ],
      ['router ospf 1', []],
      ['shutdown', []],
    ]);
  });

  it('does not attach unindented lines to a block printed with indentation', () => {
    const blocks = splitConfigBlocks('interface Ethernet1\n   description a\nip routing\n');
    expect(blocks.map((b) => b.header)).toEqual(['interface Ethernet1', 'ip routing']);
  });

  it('takes a one-space-indented interface line as a new block (IOS dumps)', () => {
    const blocks = splitConfigBlocks(
      'interface Fa0/5\n switchport access vlan 300\n!\n interface Fa0/6\n switchport access vlan 24\n',
    );
    expect(blocks.map((b) => [b.header, b.children.length])).toEqual([
      ['interface Fa0/5', 1],
      ['interface Fa0/6', 1],
    ]);
  });

  it('skips EOS comment ... EOF text and marks nested lines with depth 1', () => {
    const blocks = splitConfigBlocks(
      'interface Ethernet1\n   comment\n   switchport mode trunk\n   EOF\n   encapsulation vlan\n      client dot1q 10\n',
    );
    expect(blocks[0]!.children).toEqual([
      { text: 'encapsulation vlan', depth: 0, line: 5 },
      { text: 'client dot1q 10', depth: 1, line: 6 },
    ]);
  });
});
