import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/core/change.js';
import type { SwitchModel } from '../../../src/core/site.js';
import { ownershipUpdate } from '../../../src/platforms/switch-ownership.js';
import type { SwitchState } from '../../../src/platforms/switch-state.js';

const model: SwitchModel = {
  name: 'switch1',
  host: { name: 'switch1', address: '127.0.0.1', groups: ['all'], vars: {}, origins: {} },
  platform: 'cisco_nxos',
  vlans: [
    { id: 2003, name: 'vm-1' },
    { id: 2004, name: 'vm-2' },
    { id: 2006, name: 'vm-4' },
  ],
  ports: [],
  save: false,
  ownedVlans: [{ id: 2004, name: 'old-2' }, { id: 2005, name: 'vm-3' }, { id: 2007 }],
};
const change = (action: Change['action'], resource: string): Change => ({ action, resource, diff: '', commands: [] });
const before: SwitchState = {
  vlans: new Map([2003, 2004, 2005].map((id) => [id, { id }])),
  interfaces: new Map(),
};

describe('what a committed switch_vlans change does to the ownership record', () => {
  const changes = [
    change('create', 'vlan 2006'),
    change('update', 'vlan 2004'),
    change('update', 'vlan 2003'),
    change('delete', 'vlan 2005'),
    change('update', 'Ethernet1/3'),
  ];

  it('created VLANs become owned with their inventory name; owned renames follow; deleted and vanished ones go', () => {
    expect(ownershipUpdate(model, before, changes, true)).toEqual({
      switchName: 'switch1',
      created: [{ id: 2006, name: 'vm-4' }],
      // 2003 was renamed too, but acp-play did not create it: renaming someone's VLAN does not make it acp-play's.
      renamed: [{ id: 2004, name: 'vm-2' }],
      // 2007 is in the record but no longer on the switch: whoever makes it next owns it.
      released: [2005, 2007],
    });
  });

  it('records ids only on a platform without VLAN names (Cumulus)', () => {
    expect(ownershipUpdate(model, before, changes, false).created).toEqual([{ id: 2006 }]);
  });
});
