import { describe, expect, it } from 'vitest';
import { parseBridgeVlanJson } from '../../../src/platforms/cumulus/cumulus-bridge-json.js';

/** `bridge -j vlan show` as iproute2 prints it (5.x+ arrays; older releases key the ports by name). */

const PVID_UNTAGGED = ['PVID', 'Egress Untagged'];

describe('parseBridgeVlanJson', () => {
  it('reads trunks with ranges and a native VLAN, access ports, and skips the bridge itself', () => {
    const text = JSON.stringify([
      { ifname: 'swp1', vlans: [{ vlan: 1, flags: PVID_UNTAGGED }, { vlan: 2003, vlanEnd: 2005 }, { vlan: 2010 }] },
      { ifname: 'swp2', vlans: [{ vlan: 2004, flags: PVID_UNTAGGED }] },
      {
        ifname: 'bridge',
        vlans: [
          { vlan: 1, flags: PVID_UNTAGGED },
          { vlan: 2003, vlanEnd: 2010 },
        ],
      },
    ]);
    const state = parseBridgeVlanJson(text);
    expect([...state.interfaces.keys()]).toEqual(['swp1', 'swp2']);
    expect(state.interfaces.get('swp1')).toEqual({
      name: 'swp1',
      shutdown: false,
      mode: 'trunk',
      nativeVlan: 1,
      allowedVlans: [1, 2003, 2004, 2005, 2010],
      allowedIsDefault: false,
    });
    expect(state.interfaces.get('swp2')).toEqual({
      name: 'swp2',
      shutdown: false,
      mode: 'access',
      accessVlan: 2004,
      allowedVlans: [2004],
      allowedIsDefault: false,
    });
    expect([...state.vlans.keys()].sort((a, b) => a - b)).toEqual([1, 2003, 2004, 2005, 2010]);
    expect(state.vlans.get(2004)).toEqual({ id: 2004 });
  });

  it('reads the older format keyed by port, and the bridge names it is given', () => {
    const text = JSON.stringify({
      swp3: [{ vlan: 2003, vlanEnd: 2004, flags: ['PVID'] }],
      br_default: [{ vlan: 1, flags: PVID_UNTAGGED }],
      br1: [{ vlan: 1, flags: PVID_UNTAGGED }],
    });
    const state = parseBridgeVlanJson(text, { bridges: ['br1'] });
    expect([...state.interfaces.keys()]).toEqual(['swp3', 'br_default']);
    expect(state.interfaces.get('swp3')).toMatchObject({ mode: 'trunk', nativeVlan: 2003, allowedVlans: [2003, 2004] });
    expect(parseBridgeVlanJson(text).interfaces.has('br_default')).toBe(false);
  });

  it('keeps a port whose one VLAN is tagged, or a range, or has no PVID, a trunk', () => {
    const one = (vlans: object[]) =>
      parseBridgeVlanJson(JSON.stringify([{ ifname: 'swp5', vlans }])).interfaces.get('swp5');
    expect(one([{ vlan: 2003, flags: ['PVID'] }])).toMatchObject({ mode: 'trunk', nativeVlan: 2003 });
    expect(one([{ vlan: 2003, vlanEnd: 2004, flags: PVID_UNTAGGED }])).toMatchObject({
      mode: 'trunk',
      nativeVlan: 2003,
    });
    expect(one([{ vlan: 2003, flags: ['Egress Untagged'] }])).toMatchObject({ mode: 'trunk', allowedVlans: [2003] });
    expect(one([{ vlan: 2003, flags: ['Egress Untagged'] }])?.nativeVlan).toBeUndefined();
    expect(one([{ vlan: 2003 }])).toMatchObject({ mode: 'trunk', allowedVlans: [2003] });
    expect(one([])).toMatchObject({ mode: 'trunk', allowedVlans: [] });
    expect(parseBridgeVlanJson(JSON.stringify([{ ifname: 'swp6' }])).interfaces.get('swp6')?.allowedVlans).toEqual([]);
  });
});
