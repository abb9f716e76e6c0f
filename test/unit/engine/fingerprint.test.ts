import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Site } from '../../../src/core/site.js';
import { canonicalJson, fingerprintOf, movedResources } from '../../../src/engine/fingerprint.js';
import { loadSite } from '../../../src/inventory/load-site.js';
import { parseNxosConfig } from '../../../src/platforms/cisco-nxos/nxos-parse.js';
import { renderNmstateDesired, type NmstateDesired } from '../../../src/platforms/nmstate/nmstate-desired.js';
import { nmstateFacts } from '../../../src/platforms/nmstate/nmstate-facts.js';
import type { NmstateState } from '../../../src/platforms/nmstate/nmstate-state.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';
import { switchFacts } from '../../../src/platforms/switch-facts.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
/** Real nmstatectl 2.2.62 output after applying node0's bridges (test/fixtures/nmstate/recorded). */
const showAfter = (): NmstateState =>
  JSON.parse(readFileSync(join(FIXTURES, 'nmstate/recorded/show-after.json'), 'utf8')) as NmstateState;

type Mutable = Record<string, any>;
const ifaces = (state: NmstateState): Mutable[] => state.interfaces as unknown as Mutable[];

describe('canonical JSON', () => {
  it('is the same whatever order keys, Map entries and Set members were added in', () => {
    const a = {
      b: 1,
      a: new Map<string, unknown>([
        ['y', 2],
        ['x', new Set([3, 1])],
      ]),
      u: undefined,
    };
    const b = {
      a: new Map<string, unknown>([
        ['x', new Set([1, 3])],
        ['y', 2],
      ]),
      b: 1,
    };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":[1,3],"y":2},"b":1}');
  });
});

describe('nmstate fingerprint: stable across two gathers of an unchanged node', () => {
  let desired: NmstateDesired;
  beforeAll(async () => {
    const site: Site = (await loadSite(join(FIXTURES, 'lab-nodes/inventory'), defaultPlatforms())).site;
    desired = renderNmstateDesired(site.nodes[0]!, site, {}, 'pb.yaml:1');
  });
  const print = (state: NmstateState) => fingerprintOf(nmstateFacts(state, desired));

  it("ignores what nmstatectl show reports that runs by itself: bridge timers and addresses' lifetimes", () => {
    const first = showAfter();
    const second = showAfter();
    for (const iface of ifaces(second)) {
      // gc-timer runs by itself: the one recording holds 29898, 29908 and 29921 on three bridges made moments apart.
      if (iface['bridge']?.options) {
        iface['bridge'].options['gc-timer'] += 1234;
        iface['bridge'].options['hello-timer'] = 17;
      }
      // A DHCP or SLAAC address's lifetimes, as nmstate 2.2 reports them (valid-left / preferred-left).
      iface['ipv6'] = { ...iface['ipv6'], address: [{ ip: 'fe80::1', 'prefix-length': 64, 'valid-left': '3599sec' }] };
    }
    expect(ifaces(first).find((i) => i['name'] === 'bridge2003')!['bridge'].options['gc-timer']).toBe(29898);
    expect(print(second)).toEqual(print(first));
  });

  it('changes, naming the interface, when what the plan compares moves', () => {
    const before = print(showAfter());
    const stp = showAfter();
    ifaces(stp).find((i) => i['name'] === 'bridge2004')!['bridge'].options.stp.enabled = true;
    expect(movedResources(before, print(stp))).toEqual(['bridge2004']);
    const gone = showAfter();
    const without = { ...gone, interfaces: gone.interfaces.filter((i) => i.name !== 'enp4s0f0.2005') };
    expect(movedResources(before, print(without))).toEqual(['enp4s0f0.2005']);
  });
});

describe('switch fingerprint: stable across two gathers of an unchanged switch', () => {
  const config = readFileSync(join(FIXTURES, 'switch-configs/nxos/handwritten_flat_prompt.txt'), 'utf8');
  const print = (text: string) => fingerprintOf(switchFacts({ state: parseNxosConfig(text) }));

  it("ignores the running-config's timestamps", () => {
    const later = config
      .replace(/^!Time: .*$/m, '!Time: Fri Nov 27 23:59:59 2026')
      .replace(
        /^!Running configuration last done at: .*$/m,
        '!Running configuration last done at: Fri Nov 27 23:00:00 2026',
      );
    expect(later).not.toBe(config);
    expect(print(later)).toEqual(print(config));
  });

  it('changes, naming the port or VLAN, when the switch moves', () => {
    const parsed = parseNxosConfig(config);
    const port = [...parsed.interfaces.values()].find((p) => p.mode === 'trunk' && !p.allowedIsDefault)!;
    const moved = structuredClone(parsed);
    moved.interfaces.get(port.name)!.allowedVlans = [...port.allowedVlans, 3999];
    moved.vlans.set(3999, { id: 3999, name: 'by-hand' });
    expect(movedResources(print(config), fingerprintOf(switchFacts({ state: moved })))).toEqual([
      port.name,
      'vlan 3999',
    ]);
  });
});
