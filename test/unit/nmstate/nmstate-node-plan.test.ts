import { describe, expect, it } from 'vitest';
import { MANAGED_MARK, type NmstateDesired } from '../../../src/platforms/nmstate/nmstate-desired.js';
import { documentFor, planNode } from '../../../src/platforms/nmstate/nmstate-node-plan.js';
import type { NmstateInterface } from '../../../src/platforms/nmstate/nmstate-state.js';

/** The nmstate module's plan of one node: removals of what acp-play marked, and the document uploaded. */

const vlan = (id: number, description?: string): NmstateInterface => ({
  name: `enp4s0f0.${id}`,
  type: 'vlan',
  state: 'up',
  ...(description ? { description } : {}),
  vlan: { 'base-iface': 'enp4s0f0', id },
});
const bridge = (id: number, description?: string): NmstateInterface => ({
  name: `bridge${id}`,
  type: 'linux-bridge',
  state: 'up',
  ...(description ? { description } : {}),
  bridge: { options: { stp: { enabled: false } }, port: [{ name: `enp4s0f0.${id}` }] },
});
const nic: NmstateInterface = { name: 'enp4s0f0', type: 'ethernet', state: 'up' };
const mark = `${MANAGED_MARK} site1`;

function desired(interfaces: NmstateInterface[], prune = true): NmstateDesired {
  return { node: 'node0', state: { interfaces }, prune, trunkNics: ['enp4s0f0'] } as unknown as NmstateDesired;
}
const current = { interfaces: [nic, vlan(2003), bridge(2003), vlan(2009, mark), bridge(2009, mark), vlan(3000)] };

describe('planNode', () => {
  it('removes the marked leftovers and lists the unmarked one on the trunk as unmanaged', () => {
    const plan = planNode(desired([vlan(2003), bridge(2003)]), current);
    expect(plan.changes.map((c) => `${c.action} ${c.resource}`)).toEqual(['delete enp4s0f0.2009', 'delete bridge2009']);
    expect(plan.inSync).toEqual([
      { resource: 'enp4s0f0.2003', reason: 'enp4s0f0.2003 already matches' },
      { resource: 'bridge2003', reason: 'bridge2003 already matches' },
      {
        resource: 'enp4s0f0.3000',
        leftAlone: 'unmanaged',
        reason: "on enp4s0f0 but without acp-play's mark: unmanaged, left alone",
      },
    ]);
  });

  it('names every trunk NIC of the node when it leaves an unmarked VLAN alone', () => {
    const twoNics = { ...desired([vlan(2003), bridge(2003)]), trunkNics: ['enp4s0f0', 'enp5s0f0'] };
    expect(planNode(twoNics, current).inSync.at(-1)).toEqual({
      resource: 'enp4s0f0.3000',
      leftAlone: 'unmanaged',
      reason: "on enp4s0f0, enp5s0f0 but without acp-play's mark: unmanaged, left alone",
    });
  });

  it('keeps the marked leftovers with prune: false, saying so', () => {
    const plan = planNode(desired([vlan(2003), bridge(2003)], false), current);
    expect(plan.changes).toEqual([]);
    expect(plan.inSync.filter((s) => s.leftAlone === 'kept')).toEqual([
      {
        resource: 'enp4s0f0.2009',
        leftAlone: 'kept',
        reason: 'created by acp-play, no longer in the inventory; kept (prune: false)',
      },
      {
        resource: 'bridge2009',
        leftAlone: 'kept',
        reason: 'created by acp-play, no longer in the inventory; kept (prune: false)',
      },
    ]);
  });

  it('refuses a VLAN whose base interface the node lacks, unless the state names it or removes the VLAN', () => {
    const onEno1 = { ...vlan(2003), vlan: { 'base-iface': 'eno1', id: 2003 } };
    expect(() => planNode(desired([onEno1]), current)).toThrow(
      'enp4s0f0.2003 needs the base interface eno1, which node0 does not have (check node.trunk_nic)',
    );
    expect(() => planNode(desired([{ name: 'eno1', type: 'ethernet', state: 'up' }, onEno1]), current)).not.toThrow();
    expect(() => planNode(desired([{ ...onEno1, state: 'absent' }]), current)).not.toThrow();
  });
});

describe('documentFor', () => {
  it('adds state: absent for each pruned interface, with its type, and keeps named removals only when planned', () => {
    const want = desired([vlan(2003), bridge(2003), { name: 'bridge2004', type: 'linux-bridge', state: 'absent' }]);
    const plan = planNode(want, current);
    expect(documentFor(want, plan.changes).interfaces).toEqual([
      vlan(2003),
      bridge(2003),
      { name: 'enp4s0f0.2009', type: 'vlan', state: 'absent' },
      { name: 'bridge2009', type: 'linux-bridge', state: 'absent' },
    ]);
    expect(documentFor(want, []).interfaces).toEqual([vlan(2003), bridge(2003)]);
    const withBridge2004 = { interfaces: [...current.interfaces, bridge(2004)] };
    // A removal written first and without a type, as an inventory may give it.
    const removal = { name: 'bridge2004', state: 'absent' } as const;
    const wantRemoval = desired([removal, vlan(2003), bridge(2003)]);
    const removing = planNode(wantRemoval, withBridge2004);
    expect(removing.changes.map((c) => `${c.action} ${c.resource}`)).toEqual([
      'delete bridge2004',
      'delete enp4s0f0.2009',
      'delete bridge2009',
    ]);
    // The named removal stays where the desired state has it, once; the pruned ones follow.
    expect(documentFor(wantRemoval, removing.changes).interfaces).toEqual([
      removal,
      vlan(2003),
      bridge(2003),
      { name: 'enp4s0f0.2009', type: 'vlan', state: 'absent' },
      { name: 'bridge2009', type: 'linux-bridge', state: 'absent' },
    ]);
    const untyped = [{ resource: 'br9', action: 'delete' as const, diff: 'before:\n  name: br9\n', commands: [] }];
    expect(documentFor(want, untyped).interfaces).toContainEqual({ name: 'br9', state: 'absent' });
    const unreadable = [{ resource: 'br8', action: 'delete' as const, diff: 'before: [', commands: [] }];
    expect(documentFor(want, unreadable).interfaces).toContainEqual({ name: 'br8', state: 'absent' });
    const updated = [{ resource: 'bridge2003', action: 'update' as const, diff: '', commands: [] }];
    expect(documentFor(want, updated).interfaces).toEqual([vlan(2003), bridge(2003)]);
  });
});
