import { describe, expect, it } from 'vitest';
import { isDay0, portRole, portsOfStage } from '../../../src/cabling/port-roles.js';
import { loadSite } from '../../../src/inventory/load-site.js';
import { normaliseInterfaceName } from '../../../src/platforms/interface-names.js';
import { NXOS_INTERFACE_NAMES } from '../../../src/platforms/cisco-nxos/nxos-interface-names.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';

const canonical = (_sw: string, port: string) => normaliseInterfaceName(NXOS_INTERFACE_NAMES, port);

describe('day-0 and day-1 ports of site1', () => {
  it('day 0: the uplink and the cluster links; day 1: the VM trunks and the storage links', async () => {
    const { site } = await loadSite('inventories/site1', defaultPlatforms());
    const sw = site.switches[0]!;
    const roles = Object.fromEntries(sw.ports.map((p) => [p.name, portRole(site, sw, p, canonical)]));
    expect(roles).toEqual({
      'Ethernet1/48': 'infrastructure',
      'Ethernet1/3': 'vm-trunk',
      'Ethernet1/7': 'vm-trunk',
      'Ethernet1/11': 'vm-trunk',
      'Ethernet1/1': 'cluster-link',
      'Ethernet1/5': 'cluster-link',
      'Ethernet1/9': 'cluster-link',
      'Ethernet1/2': 'node-link',
      'Ethernet1/6': 'node-link',
      'Ethernet1/10': 'node-link',
    });
    const names = (stage: 'day0' | 'day1' | 'all') => portsOfStage(site, sw, stage, canonical).map((p) => p.name);
    expect(names('day0')).toEqual(['Ethernet1/48', 'Ethernet1/1', 'Ethernet1/5', 'Ethernet1/9']);
    expect(names('day1')).toEqual([
      'Ethernet1/3',
      'Ethernet1/7',
      'Ethernet1/11',
      'Ethernet1/2',
      'Ethernet1/6',
      'Ethernet1/10',
    ]);
    expect(names('all')).toHaveLength(10);
  });

  it("a port facing a node's management controller is out-of-band, on day 0; a node's uplink is a VM trunk", async () => {
    const { site } = await loadSite('inventories/site1', defaultPlatforms());
    const sw = site.switches[0]!;
    const bmc = { ...sw.ports[1]!, name: 'Ethernet1/20', faces: { node: 'node0', nic: 'idrac' } };
    expect(portRole(site, sw, bmc, canonical)).toBe('out-of-band');
    expect(isDay0('out-of-band')).toBe(true);
    const bare = { ...sw.ports[1]!, name: 'Eth1/3' };
    delete (bare as { faces?: unknown }).faces;
    expect(portRole(site, sw, bare, canonical)).toBe('vm-trunk');
  });
});
