import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEosLldp } from '../../../src/platforms/arista-eos/eos-lldp.js';
import { parseIosLldp } from '../../../src/platforms/cisco-ios/ios-lldp.js';
import { parseNxosLldp } from '../../../src/platforms/cisco-nxos/nxos-lldp.js';
import { parseLldpctlText } from '../../../src/platforms/lldpctl-json.js';
import { parseNodeLldp } from '../../../src/platforms/nmstate/nmstate-lldp.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
const device = (name: string) => readFileSync(join(fixtures, 'device-output', name), 'utf8');
const lldp = (name: string) => readFileSync(join(fixtures, 'lldp', name), 'utf8');

describe('show lldp neighbors detail, recorded output (ntc-templates)', () => {
  it('NX-OS: every block, local ports in the canonical form, mgmt0 kept', () => {
    const warnings: string[] = [];
    const got = parseNxosLldp(device('nxos_show_lldp_neighbors_detail.txt'), warnings);
    expect(warnings).toEqual([]);
    expect(got.map((n) => n.localPort)).toEqual(['mgmt0', 'Ethernet1/1', 'Ethernet1/2', 'Ethernet2/2']);
    expect(got[1]).toEqual({
      localPort: 'Ethernet1/1',
      systemName: 'n9k2.company.com',
      portId: 'Ethernet1/1',
      portIdType: 'ifname',
      portDescription: 'Ethernet1/1',
      chassisId: '5087.89a1.d8d6',
    });
    expect(got[0]!.portId).toBe('Fa1/0/9');
  });

  it('EOS: quoted values, the printed Port ID subtype, one block per neighbour', () => {
    const warnings: string[] = [];
    const got = parseEosLldp(device('eos_show_lldp_neighbors_detail.txt'), warnings);
    expect(warnings).toEqual([]);
    expect(got[0]).toEqual({
      localPort: 'Ethernet1',
      systemName: 'spine2.company.com',
      portId: 'Ethernet1',
      portIdType: 'ifname',
      chassisId: '2cc2.6081.eaf9',
    });
    expect(got.some((n) => n.portIdType === 'other' && n.portDescription?.startsWith('topology/pod-1'))).toBe(true);
    expect(got.some((n) => n.portDescription === 'fxp0')).toBe(true);
  });

  it('IOS: dashed blocks, a name not advertised stays absent, MAC and numeric Port ids', () => {
    const warnings: string[] = [];
    const got = parseIosLldp(device('ios_show_lldp_neighbors_detail.txt'), warnings);
    expect(warnings).toEqual([]);
    expect(got).toEqual([
      {
        localPort: 'GigabitEthernet1/0/2',
        portId: '502',
        portIdType: 'other',
        portDescription: 'ge-0/0/0.0',
        chassisId: '7c25.86c9.aaaa',
      },
      {
        localPort: 'GigabitEthernet1/0/1',
        systemName: 'HpSwitch',
        portId: '94f1.2879.5555',
        portIdType: 'mac',
        portDescription: '13',
        chassisId: '94f1.2879.5555',
      },
      {
        localPort: 'GigabitEthernet1/0/9',
        systemName: '44:48:c1:c4:dd:dd',
        portId: '4448.c1c4.dddd',
        portIdType: 'mac',
        portDescription: 'eth0',
        chassisId: '4448.c1c4.dddd',
      },
    ]);
  });
});

describe('lldpctl -f json, recorded from Debian 12 lldpd 1.0.16', () => {
  it('two neighbours: a list of one-key objects; lldpd sends the MAC as Port ID and the name as description', () => {
    expect(parseLldpctlText(lldp('node0-two-neighbours.json'))).toEqual([
      {
        localPort: 'enp4s0f0',
        systemName: 'switch1',
        portId: '8a:43:b0:0c:e5:22',
        portIdType: 'mac',
        portDescription: 'swp3',
        chassisId: '8a:43:b0:0c:e5:22',
      },
      {
        localPort: 'eno1',
        systemName: 'switch1',
        portId: 'e2:39:aa:82:aa:3e',
        portIdType: 'mac',
        portDescription: 'swp5',
        chassisId: '8a:43:b0:0c:e5:22',
      },
    ]);
    expect(parseLldpctlText(lldp('switch1-two-neighbours.json')).map((n) => n.localPort)).toEqual(['swp3', 'swp5']);
  });

  it('one neighbour: an object keyed by the interface; Port ID subtype ifname', () => {
    expect(parseLldpctlText(lldp('switch1-one-neighbour-ifname.json'))).toEqual([
      {
        localPort: 'swp3',
        systemName: 'node0',
        portId: 'enp4s0f0',
        portIdType: 'ifname',
        portDescription: 'enp4s0f0',
        chassisId: 'a2:cb:92:16:10:b9',
      },
    ]);
  });

  it('no neighbour: an empty lldp object; text that is not JSON is a warning', () => {
    expect(parseLldpctlText(lldp('node0-no-neighbour.json'))).toEqual([]);
    const warnings: string[] = [];
    expect(parseLldpctlText('lldpctl: cannot find lldpd daemon', warnings)).toEqual([]);
    expect(warnings[0]).toMatch(/not JSON/);
  });
});

describe('node LLDP: lldpctl or nmstate', () => {
  it("reads nmstate's lldp.neighbors TLVs, and lldpctl's JSON through the same parser", () => {
    expect(parseNodeLldp(lldp('nmstate-lldp-neighbors.json'))).toEqual([
      {
        localPort: 'enp4s0f0',
        systemName: 'switch1',
        portId: 'Ethernet1/7',
        portIdType: 'ifname',
        chassisId: '00:23:AC:4F:21:C1',
      },
    ]);
    expect(parseNodeLldp(lldp('node0-two-neighbours.json'))).toHaveLength(2);
  });
});

describe('every switch and node platform reads LLDP', () => {
  it('has an lldp part', () => {
    const missing = defaultPlatforms()
      .all.filter((p) => p.role !== 'host' && !p.lldp)
      .map((p) => p.id);
    expect(missing).toEqual([]);
  });
});
