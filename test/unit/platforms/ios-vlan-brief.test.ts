import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIosVlanBrief } from '../../../src/platforms/cisco-ios/ios-vlan-brief.js';

/** IOS `show vlan` / `show vlan brief` (recorded by ntc-templates: test/fixtures/device-output/MANIFEST.tsv). */

const recorded = () => readFileSync('test/fixtures/device-output/ios_show_vlan.txt', 'utf8');

describe('parseIosVlanBrief', () => {
  it('reads the VLAN rows with their names, not the type table or wrapped port lines', () => {
    expect([...parseIosVlanBrief(recorded()).values()]).toEqual([
      { id: 1, name: 'default' },
      { id: 10, name: 'Management' },
      { id: 50, name: 'VLan50' },
      { id: 60, name: 'VLan60' },
      { id: 1002, name: 'fddi-default' },
      { id: 1003, name: 'token-ring-default' },
      { id: 1004, name: 'fddinet-default' },
      { id: 1005, name: 'trnet-default' },
    ]);
  });

  it('reads CRLF output the same, and VLAN 4094, the last usable id', () => {
    const crlf = recorded().replace(/\n/g, '\r\n');
    expect(parseIosVlanBrief(crlf)).toEqual(parseIosVlanBrief(recorded()));
    const withLast = recorded().replace(/^1002 /m, '4094 transit                          active    Gi0/2\r\n1002 ');
    expect(parseIosVlanBrief(withLast).get(4094)).toEqual({ id: 4094, name: 'transit' });
  });
});
