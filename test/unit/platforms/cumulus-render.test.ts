import { describe, expect, it } from 'vitest';
import { formatEni, parseEni } from '../../../src/platforms/cumulus/cumulus-eni.js';
import { renderCumulusInterfaces } from '../../../src/platforms/cumulus/cumulus-render.js';

describe('renderCumulusInterfaces', () => {
  const file =
    'auto lo\niface lo inet loopback\n    address 10.0.0.11/32\n\nauto swp1\niface swp1\n      # uplink\n      mstpctl-portnetwork yes\n';

  it('keeps stanzas and options it does not manage, and creates a VLAN-aware bridge when there is none', () => {
    const text = renderCumulusInterfaces(parseEni(file), {
      vlanIds: [2003, 2004, 2005],
      ports: [{ name: 'swp1', mode: 'trunk', allowedTarget: [2003, 2004], nativeVlan: 2000, diff: [] }],
    });
    expect(text).toBe(
      'auto lo\niface lo inet loopback\n    address 10.0.0.11/32\n\n' +
        'auto swp1\niface swp1\n    # uplink\n    mstpctl-portnetwork yes\n    bridge-pvid 2000\n    bridge-vids 2003-2004\n\n' +
        'auto br_default\niface br_default\n    bridge-vlan-aware yes\n    bridge-vids 2003-2005\n    bridge-ports swp1\n',
    );
  });

  it('formats a parsed file in the regular layout (round trip is stable)', () => {
    const once = formatEni(parseEni(file));
    expect(formatEni(parseEni(once))).toBe(once);
  });
});
