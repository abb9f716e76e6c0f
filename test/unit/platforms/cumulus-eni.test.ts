import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatEni, parseEni } from '../../../src/platforms/cumulus/cumulus-eni.js';

/** The interfaces file as ifupdown2 reads it, written back in the regular layout without losing what it means. */

const PRUNE_EXAMPLE =
  'test/fixtures/switch-configs/cumulus/ifupdown2_doc_vlan_aware_interfaces.vlan_prune_and_access_ports';

describe('formatEni on ifupdown2’s own example file', () => {
  it('keeps comments between stanzas at the top level, and comments inside a stanza in it', () => {
    const lines = formatEni(parseEni(readFileSync(PRUNE_EXAMPLE, 'utf8'))).split('\n');
    const at = (text: string) => lines.indexOf(text);
    expect(at('# The following is a truk port that is "pruned".')).toBeGreaterThan(at('iface swp1'));
    expect(at('# The following is a truk port that is "pruned".')).toBeLessThan(at('auto swp2'));
    const swp49 = at('iface swp49');
    expect(lines.slice(swp49, swp49 + 4)).toEqual([
      'iface swp49',
      '    mstpctl-portpathcost 10',
      "    # Enable bridge assurance on uplink port using 'portnetwork' attribute",
      '    mstpctl-portnetwork yes',
    ]);
  });
});

describe('parseEni and formatEni', () => {
  it('reads commented-out auto and iface lines as comments, not as the lines they were', () => {
    // swp51 is kept but not brought up at boot; swp52's stanza is parked while its auto line stays.
    const text =
      'auto lo\niface lo inet loopback\n\n#auto swp51\niface swp51\n\nauto swp52\n#iface swp52\n#    alias spare\n';
    expect(formatEni(parseEni(text))).toBe(
      'auto lo\niface lo inet loopback\n\n#auto swp51\n\niface swp51\n\nauto swp52\n#iface swp52\n#    alias spare\n',
    );
  });

  it('keeps an auto line for an interface without a stanza, and gives none to a stanza without one', () => {
    const doc = parseEni('auto lo swp9\niface lo inet loopback\n\niface swp3\n    link-down yes\n');
    expect(formatEni(doc)).toBe('auto swp9\n\nauto lo\niface lo inet loopback\n\niface swp3\n    link-down yes\n');
  });

  it('keeps a source line where it is and ends the file with one newline', () => {
    const doc = parseEni('auto swp1\niface swp1\n    alias host1\nsource /etc/network/interfaces.d/*.intf\n');
    expect(formatEni(doc)).toBe('auto swp1\niface swp1\n    alias host1\n\nsource /etc/network/interfaces.d/*.intf\n');
  });

  it('reads unindented option lines into their stanza (ifupdown allows them), and spaces a bare comment', () => {
    const doc = parseEni('auto swp1\niface swp1\nalias host1\n    #uplink\nbridge-vids 2003\n');
    expect(doc.items).toEqual([
      {
        kind: 'iface',
        name: 'swp1',
        auto: true,
        options: [
          { key: 'alias', value: 'host1' },
          { key: '#', value: 'uplink' },
          { key: 'bridge-vids', value: '2003' },
        ],
      },
    ]);
    expect(formatEni(doc)).toBe('auto swp1\niface swp1\n    alias host1\n    # uplink\n    bridge-vids 2003\n');
  });
});
