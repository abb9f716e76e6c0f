import { describe, expect, it } from 'vitest';
import { formatVlanSet } from '../../../src/inventory/vlan-set.js';
import { applyNxosCommands } from '../../../src/platforms/cisco-nxos/nxos-apply-model.js';
import { parseNxosConfig } from '../../../src/platforms/cisco-nxos/nxos-parse.js';

describe('applyNxosCommands', () => {
  const before = parseNxosConfig(
    'vlan 2003,2006\nvlan 2003\n  name vm1\ninterface Ethernet1/7\n  switchport mode trunk\ninterface Ethernet1/11\n  no switchport\n',
  );

  it('applies vlan, interface and allowed-list commands like the device, leaving the input unchanged', () => {
    const after = applyNxosCommands(before, [
      'configure terminal',
      'vlan 2003',
      'name virtual-machines-1',
      'exit',
      'no vlan 2006',
      'interface Ethernet1/7',
      'switchport trunk allowed vlan add 10', // against the implicit default: no-op
      'switchport trunk allowed vlan remove 2000-2002',
      'exit',
      'interface Ethernet1/11',
      'switchport',
      'switchport mode access',
      'switchport access vlan 2002',
      'shutdown',
      'end',
    ]);
    expect([...after.vlans.values()]).toEqual([{ id: 2003, name: 'virtual-machines-1' }]);
    const e7 = after.interfaces.get('Ethernet1/7')!;
    expect([formatVlanSet(e7.allowedVlans), e7.allowedIsDefault]).toEqual(['1-1999,2003-4094', false]);
    expect(after.interfaces.get('Ethernet1/11')).toMatchObject({ mode: 'access', accessVlan: 2002, shutdown: true });
    expect(before.vlans.get(2003)!.name).toBe('vm1');
    expect(before.interfaces.get('Ethernet1/7')!.allowedIsDefault).toBe(true);
  });
});
