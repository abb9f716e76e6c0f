import { describe, expect, it } from 'vitest';
import { parseNxosConfig } from '../../../src/platforms/cisco-nxos/nxos-parse.js';
import { planSwitch } from '../../../src/platforms/switch-plan.js';
import { switchSpec } from './switch-plan-case-loader.js';

describe('planSwitch edge', () => {
  it('leaves the allowed list alone when the inventory gives none for a trunk (never reads it as "none")', () => {
    const current = parseNxosConfig(
      'interface Ethernet1/3\n  switchport mode trunk\n  switchport trunk allowed vlan 10\n  no shutdown\n',
    );
    const plan = planSwitch(
      switchSpec('cisco_nxos'),
      {
        name: 'sw1',
        host: { name: 'sw1', address: 'sw1', groups: [], vars: {}, origins: {} },
        platform: 'cisco_nxos',
        vlans: [],
        save: false,
        ports: [{ name: 'Ethernet1/3', mode: 'trunk', enabled: true, policy: 'replace' }],
      },
      current,
      { managedVlans: [10] },
    );
    expect(plan.changes).toEqual([]);
  });
});
