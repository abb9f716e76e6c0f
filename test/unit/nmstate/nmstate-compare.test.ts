import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findDifferences, projectOnto, scalarEquals } from '../../../src/platforms/nmstate/nmstate-compare.js';
import type { NmstateInterface } from '../../../src/platforms/nmstate/nmstate-state.js';

/** nmstate's partial-state comparison, value by value, on interfaces from the recorded node and nmstate's examples. */

const fixtures = new URL('../../fixtures/nmstate/', import.meta.url);
function interfaceOf(path: string, name: string): NmstateInterface {
  const text = readFileSync(new URL(path, fixtures), 'utf8');
  const doc = (path.endsWith('.json') ? JSON.parse(text) : parse(text)) as { interfaces: NmstateInterface[] };
  const found = doc.interfaces.find((i) => i.name === name);
  if (!found) throw new Error(`${path} has no ${name}`);
  return found;
}

describe('scalarEquals: the scalars nmstate treats as equal', () => {
  it('takes a number and its decimal text as equal, in either order, and nothing else that JavaScript would', () => {
    expect(scalarEquals(1500, '1500')).toBe(true);
    expect(scalarEquals('1500', 1500)).toBe(true);
    expect(scalarEquals(-1, '-1')).toBe(true);
    expect(scalarEquals(0.5, '0.5')).toBe(true);
    expect(scalarEquals(1500, '9000')).toBe(false);
    expect(scalarEquals('9000', 1500)).toBe(false);
    // Number() reads these as 1500, 1000 and 0; nmstate does not.
    for (const text of ['0x5dc', '1e3', '', ' 1500', '1500 ', '+1500', '1500.']) {
      expect(scalarEquals(Number(text), text)).toBe(false);
      expect(scalarEquals(text, Number(text))).toBe(false);
    }
  });

  it('never takes two different booleans as equal: STP on is not STP off', () => {
    expect(scalarEquals(false, false)).toBe(true);
    expect(scalarEquals(true, true)).toBe(true);
    expect(scalarEquals(false, true)).toBe(false);
    expect(scalarEquals(true, false)).toBe(false);
    expect(scalarEquals(false, 'false')).toBe(false);
    expect(scalarEquals(true, 1)).toBe(false);
    expect(scalarEquals(false, undefined)).toBe(false);
    expect(scalarEquals(null, false)).toBe(false);
  });

  it('compares MAC addresses (Ethernet and 20-byte InfiniBand) in any case, other text exactly', () => {
    expect(scalarEquals('52:54:00:AB:CD:EF', '52:54:00:ab:cd:ef')).toBe(true);
    const ib = '80:00:02:08:FE:80:00:00:00:00:00:00:00:02:C9:03:00:0A:BC:DE';
    expect(scalarEquals(ib, ib.toLowerCase())).toBe(true);
    expect(scalarEquals('52:54:00:ab:cd:ef', '52:54:00:ab:cd:ee')).toBe(false);
    // Too short to be a MAC (five bytes), or one side not a MAC: case counts.
    expect(scalarEquals('52:54:00:AB:CD', '52:54:00:ab:cd')).toBe(false);
    expect(scalarEquals('52:54:00:AB:CD:EF', '52:54:00:ab:cd:ef:')).toBe(false);
    expect(scalarEquals('x52:54:00:AB:CD:EF', 'x52:54:00:ab:cd:ef')).toBe(false);
    expect(scalarEquals('52:54:00:AB:CD:EF', '52:54:00:ab:cd:efx')).toBe(false);
    expect(scalarEquals('Bridge0', 'bridge0')).toBe(false);
    expect(scalarEquals('802.1Q', '802.1q')).toBe(false);
    expect(scalarEquals('802.1Q', '802.1q', true)).toBe(true);
    expect(scalarEquals('802.1Q', '802.1ad', true)).toBe(false);
  });
});

describe('findDifferences: only what the desired state names', () => {
  const bridge = interfaceOf('recorded/show-after.json', 'bridge2003');
  const desiredBridge = interfaceOf('desired/node0.yml', 'bridge2003');

  it('finds the recorded bridge in sync, and names the exact path of STP turned back on', () => {
    expect(findDifferences(desiredBridge, bridge)).toEqual([]);
    const stpOn = structuredClone(bridge) as unknown as { bridge: { options: { stp: { enabled: boolean } } } };
    stpOn.bridge.options.stp.enabled = true;
    expect(findDifferences(desiredBridge, stpOn as never)).toEqual(['bridge.options.stp.enabled']);
  });

  it('reports an object the current state holds as a scalar, and every named key under a missing object', () => {
    expect(findDifferences({ bridge: { options: { stp: { enabled: false } } } }, { bridge: 'br0' })).toEqual([
      'bridge',
    ]);
    expect(findDifferences({ vlan: { id: 2003, 'base-iface': 'enp4s0f0' } }, { vlan: null })).toEqual([
      'vlan.id',
      'vlan.base-iface',
    ]);
    expect(findDifferences({ vlan: { id: 2003 } }, {})).toEqual(['vlan.id']);
    expect(findDifferences(undefined, { mtu: 1500 })).toEqual([]);
  });

  it('accepts the defaults an older show leaves out, only at their own path and with their own value', () => {
    expect(findDifferences({ state: 'up' }, {})).toEqual([]);
    expect(findDifferences({ state: 'down' }, {})).toEqual(['state']);
    expect(findDifferences({ vlan: { protocol: '802.1Q' } }, { vlan: {} })).toEqual([]);
    expect(findDifferences({ vlan: { protocol: '802.1ad' } }, { vlan: {} })).toEqual(['vlan.protocol']);
    expect(findDifferences({ bridge: { state: 'up' } }, { bridge: {} })).toEqual(['bridge.state']);
    expect(findDifferences({ mtu: 1500 }, {})).toEqual(['mtu']);
    // null in a desired state means "no value": nothing to compare when show has none either.
    expect(findDifferences({ description: null }, {})).toEqual([]);
    expect(findDifferences({ description: null }, { description: 'uplink' })).toEqual(['description']);
  });

  it('compares scalar lists in order, and port lists and unnamed objects as sets with repeats counted', () => {
    const dns = (...server: string[]) => ({ 'dns-resolver': { config: { server } } });
    expect(findDifferences(dns('192.0.2.1', '192.0.2.2'), dns('192.0.2.1', '192.0.2.2'))).toEqual([]);
    expect(findDifferences(dns('192.0.2.1', '192.0.2.2'), dns('192.0.2.2', '192.0.2.1'))).toEqual([
      'dns-resolver.config.server',
    ]);
    expect(findDifferences(dns('192.0.2.1'), dns('192.0.2.1', '192.0.2.2'))).toEqual(['dns-resolver.config.server']);
    const bond = (...port: string[]) => ({ 'link-aggregation': { port } });
    expect(findDifferences(bond('eth1', 'eth2'), bond('eth2', 'eth1'))).toEqual([]);
    expect(findDifferences(bond('eth1', 'eth1'), bond('eth1', 'eth2'))).toEqual(['link-aggregation.port']);
    expect(findDifferences(bond('eth1', 'eth2'), bond('eth1', 'eth3'))).toEqual(['link-aggregation.port']);
    const addresses = (...ip: string[]) => ({ ipv4: { address: ip.map((a) => ({ ip: a, 'prefix-length': 24 })) } });
    expect(findDifferences(addresses('192.0.2.5', '192.0.2.6'), addresses('192.0.2.6', '192.0.2.5'))).toEqual([]);
    expect(findDifferences(addresses('192.0.2.5', '192.0.2.6'), addresses('192.0.2.5', '192.0.2.7'))).toEqual([
      'ipv4.address',
    ]);
  });

  it('reports a list the current state lacks or holds as a scalar, but not an empty one it lacks', () => {
    expect(findDifferences({ ipv4: { address: [] } }, { ipv4: {} })).toEqual([]);
    expect(findDifferences({ ipv4: { address: [] } }, { ipv4: { address: null } })).toEqual([]);
    expect(findDifferences({ ipv4: { address: [{ ip: '192.0.2.5' }] } }, { ipv4: {} })).toEqual(['ipv4.address']);
    expect(findDifferences({ ipv4: { address: [{ ip: '192.0.2.5' }] } }, { ipv4: { address: null } })).toEqual([
      'ipv4.address',
    ]);
    expect(findDifferences({ bridge: { port: [] } }, { bridge: { port: 'eth1' } })).toEqual(['bridge.port']);
  });

  it('matches named lists by name: a changed port setting, a missing port and an extra one each by path', () => {
    const port = (name: string, priority = 32) => ({ name, 'stp-priority': priority });
    const want = { bridge: { port: [port('eth1'), port('eth2')] } };
    expect(findDifferences(want, { bridge: { port: [port('eth2'), port('eth1'), 'stray'] } })).toEqual([]);
    expect(findDifferences(want, { bridge: { port: [port('eth2'), port('eth1', 16)] } })).toEqual([
      'bridge.port[eth1].stp-priority',
    ]);
    expect(findDifferences(want, { bridge: { port: [port('eth1'), port('eth3')] } })).toEqual([
      'bridge.port[eth2]',
      'bridge.port[eth3]',
    ]);
  });
});

describe('findDifferences: values of the wrong kind, whole interface lists, partial list matches', () => {
  it('never takes a list or an absent value for a scalar, even with case-free keys', () => {
    expect(scalarEquals(1500, [1500] as never)).toBe(false);
    expect(findDifferences({ mtu: 1500 }, { mtu: [1500] })).toEqual(['mtu']);
    expect(findDifferences({ vlan: { protocol: '802.1q' } }, { vlan: { protocol: null } })).toEqual(['vlan.protocol']);
    expect(findDifferences({ vlan: { protocol: true } }, { vlan: { protocol: 'true' } })).toEqual(['vlan.protocol']);
  });

  it('reports an ordered list of which only some items match', () => {
    const dns = (...server: string[]) => ({ 'dns-resolver': { config: { server } } });
    expect(findDifferences(dns('192.0.2.1', '192.0.2.2'), dns('192.0.2.1', '192.0.2.3'))).toEqual([
      'dns-resolver.config.server',
    ]);
  });
});

describe('projectOnto: the current value as the desired state names it, for the reviewed diff', () => {
  it('keeps only the named keys, and a named list item-by-item with its unnamed items as they are', () => {
    const current = interfaceOf('recorded/show-after.json', 'bridge2003');
    const desired = interfaceOf('desired/node0.yml', 'bridge2003');
    const projected = projectOnto(desired, current) as Record<string, unknown>;
    expect(Object.keys(projected).sort()).toEqual(Object.keys(desired).sort());
    expect(projected['bridge']).toEqual({
      options: { stp: { enabled: false } },
      port: [{ name: 'enp4s0f0.2003' }],
    });
    expect(
      projectOnto({ bridge: { port: [{ name: 'eth1' }] } }, { bridge: { port: [{ name: 'eth9', x: 1 }, 7] } }),
    ).toEqual({ bridge: { port: [{ name: 'eth9' }, 7] } });
  });

  it('leaves out keys the current state lacks, and returns non-objects as they are', () => {
    expect(projectOnto({ mtu: 9000, description: 'x' }, { mtu: 1500, state: 'up' })).toStrictEqual({ mtu: 1500 });
    expect(projectOnto([{ name: 'eth1' }], 'eth1')).toBe('eth1');
    const port = (extra: Record<string, number>) => ({ bridge: { port: [{ name: 'eth1', ...extra }] } });
    expect(projectOnto(port({ 'stp-priority': 32 }), port({ 'stp-priority': 16, 'stp-path-cost': 100 }))).toEqual(
      port({ 'stp-priority': 16 }),
    );
    expect(projectOnto(undefined, { mtu: 1500 })).toEqual({ mtu: 1500 });
    expect(projectOnto({ mtu: 9000 }, undefined)).toBeUndefined();
    expect(projectOnto({ mtu: 9000 }, 'eth1')).toBe('eth1');
    expect(projectOnto(['eth1'], ['eth2', 'eth1'])).toEqual(['eth2', 'eth1']);
    expect(projectOnto([], [{ name: 'eth1', mtu: 1500 }])).toEqual([{ name: 'eth1', mtu: 1500 }]);
  });
});
