import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planNmstate } from '../../../src/platforms/nmstate/nmstate-plan.js';
import {
  toNmstateState,
  type NmstateInterface,
  type NmstateState,
} from '../../../src/platforms/nmstate/nmstate-state.js';

const fixtures = new URL('../../fixtures/nmstate/', import.meta.url);
function load(path: string): NmstateState {
  const text = readFileSync(new URL(path, fixtures), 'utf8');
  return toNmstateState(path.endsWith('.json') ? JSON.parse(text) : parse(text), path);
}
function state(...interfaces: NmstateInterface[]): NmstateState {
  return { interfaces };
}
function actions(plan: ReturnType<typeof planNmstate>): string[] {
  return plan.changes.map((c) => `${c.action} ${c.resource}`);
}
/** Replaces one interface of a state (deep copy), to make a current state drift. */
function edit(base: NmstateState, name: string, change: (iface: Record<string, unknown>) => void): NmstateState {
  const copy = structuredClone(base) as unknown as { interfaces: Record<string, unknown>[] };
  const iface = copy.interfaces.find((i) => i['name'] === name);
  if (!iface) throw new Error(`no ${name}`);
  change(iface);
  return copy as unknown as NmstateState;
}

describe('planNmstate against real nmstatectl output (test/fixtures/nmstate/recorded)', () => {
  const desired = load('desired/node0.yml');

  it('creates every VLAN interface and bridge on a node that has none', () => {
    const plan = planNmstate(desired, load('recorded/show-before.json'));
    expect(actions(plan)).toEqual([
      'create enp4s0f0.2003',
      'create bridge2003',
      'create enp4s0f0.2004',
      'create bridge2004',
      'create enp4s0f0.2005',
      'create bridge2005',
    ]);
    expect(plan.inSync).toEqual([]);
    expect(plan.changes.every((c) => c.commands.length === 0)).toBe(true);
    expect(plan.changes[1]?.diff).toMatch(/^before: null\nafter:\n  name: bridge2003\n/);
    expect(plan.changes[1]?.diff).toContain('enabled: false');
  });

  it('finds the applied state in sync: nmstate filled-in defaults do not count as drift', () => {
    const plan = planNmstate(desired, load('recorded/show-after.json'));
    expect(plan.changes).toEqual([]);
    expect(plan.inSync.map((s) => s.reason)).toContain('bridge2003 already matches');
    expect(plan.inSync).toHaveLength(6);
  });

  it('sees a port that left the bridge in the real after-state', () => {
    const current = edit(load('recorded/show-after.json'), 'bridge2004', (iface) => {
      (iface['bridge'] as { port: unknown[] }).port = [];
    });
    const plan = planNmstate(desired, current);
    expect(actions(plan)).toEqual(['update bridge2004']);
    expect(plan.changes[0]?.diff).toMatch(/^# differs: bridge\.port\[enp4s0f0\.2004\]/);
  });

  it('sees STP turned back on in a bridge the desired state wants with STP off', () => {
    const current = edit(load('recorded/show-after.json'), 'bridge2005', (iface) => {
      const options = (iface['bridge'] as { options: { stp: { enabled: boolean } } }).options;
      expect(options.stp.enabled).toBe(false);
      options.stp.enabled = true;
    });
    const plan = planNmstate(desired, current);
    expect(actions(plan)).toEqual(['update bridge2005']);
    expect(plan.changes[0]?.diff).toMatch(/^# differs: bridge\.options\.stp\.enabled\n/);
    expect(plan.changes[0]?.diff).toContain('enabled: true');
    expect(plan.changes[0]?.commands).toEqual([]); // the driver applies the whole document
  });

  it('prunes managed interfaces the desired state no longer names (the rolled-back 2006 pair)', () => {
    const during = load('recorded/show-during-no-commit.json');
    expect(actions(planNmstate(desired, during))).toEqual([]);
    const plan = planNmstate(desired, during, { prune: { managed: ['bridge20*', 'enp4s0f0.*'], why: 'test' } });
    expect(actions(plan).sort()).toEqual(['delete bridge2006', 'delete enp4s0f0.2006']);
    expect(plan.changes[0]?.diff).toContain('state: absent');
  });
});

describe('planNmstate on nmstate project examples (test/fixtures/nmstate/corpora)', () => {
  it('treats port and bond member lists as sets', () => {
    const desired = load('corpora/ex_bond_linuxbridge_vlan_up.yml');
    const current = edit(
      edit(desired, 'bond0', (iface) => {
        (iface['link-aggregation'] as { port: string[] }).port.reverse();
      }),
      'br0',
      (iface) => {
        (iface['bridge'] as { port: unknown[] }).port.unshift({ name: 'eth9' });
        (iface['bridge'] as { port: unknown[] }).port.reverse();
      },
    );
    const plan = planNmstate(desired, current);
    // bond0 members reordered: in sync; br0 has an extra port eth9: drift.
    expect(actions(plan)).toEqual(['update br0']);
    expect(plan.changes[0]?.diff).toContain('# differs: bridge.port[eth9]');
    const reordered = edit(desired, 'bond0', (iface) => {
      (iface['link-aggregation'] as { port: string[] }).port.reverse();
    });
    expect(planNmstate(desired, reordered).changes).toEqual([]);
  });

  it('compares a string MTU with a number, and reports a real MTU change', () => {
    const current = load('corpora/genrevert_change_mtu_current.yml');
    const plan = planNmstate(load('corpora/genrevert_change_mtu_desired.yml'), current);
    expect(actions(plan)).toEqual(['update eth1']);
    expect(plan.changes[0]?.diff).toBe(
      '# differs: mtu\nbefore:\n  name: eth1\n  mtu: 1500\nafter:\n  name: eth1\n  mtu: 1280\n',
    );
    expect(planNmstate(state({ name: 'eth1', mtu: '1500' } as never), current).changes).toEqual([]);
  });

  it('deletes absent interfaces that are present and skips those already gone', () => {
    const absent = load('corpora/ex_bond_linuxbridge_vlan_absent.yml');
    const plan = planNmstate(absent, load('corpora/ex_bond_linuxbridge_vlan_up.yml'));
    expect(actions(plan)).toEqual([
      'update eth1',
      'update eth2',
      'delete bond0',
      'delete br0',
      'delete vlan29',
      'delete br29',
    ]);
    expect(plan.changes[2]?.summary).toBe('bond, removed (state: absent in the inventory)');
    expect(plan.changes[2]?.commands).toEqual([]);
    const gone = planNmstate(
      absent,
      state({ name: 'eth1', state: 'down' }, { name: 'eth2', type: 'ethernet', state: 'down' }),
    );
    expect(gone.changes).toEqual([]);
    expect(gone.inSync.map((s) => s.reason)).toContain('bond0 already absent');
  });

  it('reports a changed VLAN id', () => {
    const desired = load('corpora/ex_vlan101_eth1_up.yml');
    const current = edit(desired, 'eth1.101', (iface) => {
      iface['vlan'] = { 'base-iface': 'eth1', id: 102, protocol: '802.1q' };
    });
    const plan = planNmstate(desired, current);
    expect(actions(plan)).toEqual(['update eth1.101']);
    expect(plan.changes[0]?.diff).toContain('# differs: vlan.id');
    expect(
      planNmstate(
        desired,
        edit(current, 'eth1.101', (i) => ((i['vlan'] as { id: unknown }).id = '101')),
      ).changes,
    ).toEqual([]);
  });

  it('reports a bridge missing one of its ports, comparing each port by its named keys', () => {
    const desired = load('corpora/ex_linuxbrige_eth1_up.yml');
    const noPort = edit(desired, 'linux-br0', (iface) => ((iface['bridge'] as { port: unknown[] }).port = []));
    expect(planNmstate(desired, noPort).changes[0]?.diff).toMatch(/^# differs: bridge\.port\[eth1\]\n/);
    const otherCost = edit(desired, 'linux-br0', (iface) => {
      const port = (iface['bridge'] as { port: Record<string, unknown>[] }).port[0];
      if (port) port['stp-path-cost'] = 200;
    });
    expect(planNmstate(desired, otherCost).changes[0]?.diff).toContain('# differs: bridge.port[eth1].stp-path-cost');
  });

  it('tells an OVS bridge from its internal interface of the same name (as OpenShift names br-ex)', () => {
    const example = load('corpora/ex_ovsbridge_create.yml');
    const portRenamed = edit(example, 'ovs-br0', (i) => {
      (i['bridge'] as { port: { name: string }[] }).port[1]!.name = 'ovs-br0';
    });
    const sameName = edit(portRenamed, 'ovs0', (i) => (i['name'] = 'ovs-br0'));
    const [eth1, internal, bridge] = sameName.interfaces;
    expect([internal?.type, bridge?.type, bridge?.name]).toEqual(['ovs-interface', 'ovs-bridge', 'ovs-br0']);
    expect(planNmstate(sameName, state(eth1!, bridge!, internal!)).changes).toEqual([]);
    const noType = { ...bridge!, type: undefined } as unknown as NmstateInterface;
    expect(actions(planNmstate(state(noType), state(bridge!, internal!)))).toEqual([]);
    expect(actions(planNmstate(state(noType), state(internal!, bridge!)))).toEqual(['update ovs-br0']);
  });

  it('creates an interface missing from the current state', () => {
    const plan = planNmstate(
      load('corpora/genrevert_move_ip_to_linux_bridge_desired.yml'),
      load('corpora/genrevert_move_ip_to_linux_bridge_current.yml'),
    );
    expect(actions(plan)).toEqual(['create br0']);
  });
});

describe('planNmstate defaults and edge cases', () => {
  const vlan = {
    name: 'enp4s0f0.2003',
    type: 'vlan',
    state: 'up',
    vlan: { 'base-iface': 'enp4s0f0', id: 2003, protocol: '802.1Q' },
  } as const;

  it('accepts a named default that an older show omits, and any case of an enum', () => {
    const current = state({
      name: 'enp4s0f0.2003',
      type: 'vlan',
      state: 'up',
      vlan: { 'base-iface': 'enp4s0f0', id: 2003 },
    });
    expect(planNmstate(state(vlan), current).changes).toEqual([]);
    const ad = state({ ...vlan, vlan: { ...vlan.vlan, protocol: '802.1ad' } });
    expect(actions(planNmstate(ad, current))).toEqual(['update enp4s0f0.2003']);
  });

  it('sees state down vs up, and leaves state: ignore alone', () => {
    const current = state(vlan);
    expect(actions(planNmstate(state({ ...vlan, state: 'down' }), current))).toEqual(['update enp4s0f0.2003']);
    expect(planNmstate(state({ name: 'enp4s0f0.2003', state: 'ignore', mtu: 9000 }), current).inSync[0]?.reason).toBe(
      'enp4s0f0.2003 has state: ignore, left as it is',
    );
  });

  it('does not prune what the globs do not cover', () => {
    const current = state(vlan, { name: 'eth0', type: 'ethernet', state: 'up' });
    expect(
      planNmstate(state(), current, { prune: { managed: ['enp4s0f0.*'], why: 'test' } }).changes.map((c) => c.resource),
    ).toEqual(['enp4s0f0.2003']);
  });

  it('shows a removal as the state it had going to absent, and each value on one line', () => {
    const down = { ...vlan, state: 'down' } as const;
    const prune = { prune: { managed: ['enp4s0f0.*', 'eth9'], why: 'test' } };
    const plan = planNmstate(state(), state(down, { name: 'eth9' }), prune);
    expect(plan.changes.map((c) => c.diff)).toEqual([
      'before:\n  name: enp4s0f0.2003\n  type: vlan\n  state: down\nafter:\n  name: enp4s0f0.2003\n  type: vlan\n  state: absent\n',
      'before:\n  name: eth9\n  state: up\nafter:\n  name: eth9\n  state: absent\n',
    ]);
    expect(plan.changes.every((c) => c.commands.length === 0)).toBe(true);
    const description = 'acp-play site1: VMs on VLAN 2003 (virtual-machines-1), bridged onto the trunk NIC enp4s0f0';
    const created = planNmstate(state({ ...vlan, description } as NmstateInterface), state());
    expect(created.changes[0]?.diff).toContain(`  description: "${description}"\n`);
  });

  it('rejects a document whose interfaces have no name', () => {
    expect(() => toNmstateState({ interfaces: [{ type: 'vlan' }] }, 'node0.yml')).toThrow(
      'node0.yml: interfaces[0] needs a name',
    );
  });
});
