import { describe, expect, it } from 'vitest';
import { parseCumulusInterfaces } from '../../../src/platforms/cumulus/cumulus-parse.js';

/** What an interfaces file means for the switch state, beyond the goldens (switch-parse-golden.test.ts). */

describe('parseCumulusInterfaces', () => {
  it('reads only VLAN-aware bridges: a traditional bridge carries no VLANs to its ports', () => {
    const state = parseCumulusInterfaces(
      'auto br0\niface br0\n    bridge-ports swp1\n    bridge-vlan-aware no\n    bridge-vids 10\n\nauto swp1\niface swp1\n',
    );
    expect(state.vlans.size).toBe(0);
    expect(state.interfaces.get('swp1')).toMatchObject({ allowedVlans: [] });
    expect(state.interfaces.get('swp1')!.mode).toBeUndefined();
  });

  it('reads each VLAN of the bridge, and only iface stanzas as interfaces', () => {
    const state = parseCumulusInterfaces(
      'source /etc/network/interfaces.d/*.intf\n\nauto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet dhcp\n\n' +
        '# bridge to hosts\nauto swp1\niface swp1\n    alias "esxi-07 vmnic2"\n    link-down no\n\nauto swp2\niface swp2\n' +
        '    link-down yes\n\nauto bridge\niface bridge\n    bridge-ports swp1 swp2\n    bridge-vlan-aware yes\n' +
        '    bridge-vids 2003 2004\n',
    );
    expect([...state.vlans.values()]).toEqual([{ id: 2003 }, { id: 2004 }]);
    expect([...state.interfaces.keys()]).toEqual(['swp1', 'swp2', 'lo', 'eth0']);
    expect(state.interfaces.get('swp1')).toMatchObject({ description: 'esxi-07 vmnic2', shutdown: false });
    expect(state.interfaces.get('swp2')!.shutdown).toBe(true);
    expect(state.interfaces.get('lo')!.mode).toBeUndefined(); // a loopback with no address is not a routed port
    expect(state.interfaces.get('eth0')!.mode).toBe('routed');
  });

  it('expands glob port ranges, and reports regex entries and VLAN lists it cannot read', () => {
    const warnings: string[] = [];
    const state = parseCumulusInterfaces(
      'auto bridge\niface bridge\n    bridge-ports swp1 glob swp10-12 regex swp2[0-9]\n    bridge-vlan-aware yes\n' +
        '    bridge-vids 2003\n\nauto swp11\niface swp11\n    bridge-vids 2003 5000\n',
      { warnings },
    );
    expect([...state.interfaces.keys()]).toEqual(['swp1', 'swp10', 'swp11', 'swp12']);
    expect(state.interfaces.get('swp11')!.allowedVlans).toEqual([]);
    expect(warnings).toEqual([
      'bridge-ports: cannot expand "regex swp2[0-9]"',
      expect.stringMatching(/^bridge-vids: .*5000/),
    ]);
  });
});
