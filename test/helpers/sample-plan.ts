import type { Change } from '../../src/core/change.js';
import { PLAN_FORMAT, type HostPlan, type RunPlan } from '../../src/core/run.js';

/**
 * A plan of the lab site after VLAN 2005 left the inventory (as `acp-play plan` makes it): switch1 deletes the VLAN
 * and narrows a trunk, leaves VLAN 3000 alone; node0 removes its 2005 pair and leaves a hand-made bridge alone; node1
 * adds a bridge; node2 is unreachable.
 */
export function removalPlan(): RunPlan {
  return addressed(draft());
}

function draft(): Draft {
  const bridge2005: Change = {
    resource: 'bridge2005',
    action: 'delete',
    diff: 'before:\n  name: bridge2005\n  type: linux-bridge\n  state: up\nafter:\n  name: bridge2005\n  type: linux-bridge\n  state: absent\n',
    commands: [],
    summary: 'linux-bridge, removed (created by acp-play, no longer in the inventory)',
  };
  return {
    format: PLAN_FORMAT,
    toolVersion: '0.0.0-test',
    inputs: { inventory: {}, playbook: {}, templates: {} },
    order: [],
    interrupted: false,
    runId: 'abcd1234',
    createdAt: '2026-05-01T10:00:00.000Z',
    inventory: 'inventories/lab',
    playbook: 'playbooks/site.yaml',
    hosts: [
      {
        host: 'switch1',
        status: 'changes',
        tasks: [
          {
            play: 'Switch VLAN definitions',
            task: 'VLANs',
            module: 'switch_vlans',
            changes: [
              {
                resource: 'vlan 2005',
                action: 'delete',
                diff: 'vlan 2005 delete (created by acp-play as virtual-machines-3; no longer in the inventory for switch1)',
                commands: [{ text: 'no vlan 2005' }],
              },
            ],
            inSync: [
              { resource: 'vlan 2003', reason: 'vlan 2003 already defined (name virtual-machines-1)' },
              {
                resource: 'vlan 3000',
                leftAlone: 'unmanaged',
                reason: 'not created by acp-play: unmanaged, left alone',
              },
              {
                resource: 'vlan 3001',
                leftAlone: 'unmanaged',
                reason: 'not created by acp-play: unmanaged, left alone',
              },
            ],
          },
          {
            play: 'Switch ports',
            task: 'Access and trunk ports',
            module: 'switch_ports',
            changes: [
              {
                resource: 'Ethernet1/3',
                action: 'update',
                diff: 'Ethernet1/3 allowed: -2005\nEthernet1/3 description: "a|b" -> "node0-virtualization"',
                commands: [
                  { text: 'interface Ethernet1/3' },
                  { text: 'switchport trunk allowed vlan 2003-2004' },
                  { text: 'password hunter2', secret: true },
                ],
                vlans: { added: [], removed: [2005] },
              },
            ],
            inSync: [],
          },
        ],
      },
      {
        host: 'node0',
        status: 'changes',
        tasks: [
          {
            play: 'Node VLAN bridges',
            task: 'bridges',
            module: 'nmstate',
            changes: [
              bridge2005,
              {
                ...bridge2005,
                resource: 'enp4s0f0.2005',
                summary: 'vlan, removed (created by acp-play, no longer in the inventory)',
              },
            ],
            inSync: [
              {
                resource: 'bridge2099',
                leftAlone: 'unmanaged',
                reason: "without acp-play's mark: unmanaged, left alone",
              },
            ],
          },
        ],
      },
      {
        host: 'node1',
        status: 'changes',
        tasks: [
          {
            play: 'Node VLAN bridges',
            task: 'bridges',
            module: 'nmstate',
            changes: [
              {
                resource: 'bridge2004',
                action: 'create',
                diff: 'before: null\nafter:\n  name: bridge2004\n',
                commands: [],
                summary: 'linux-bridge, STP off, port enp4s0f0.2004',
              },
            ],
            inSync: [],
          },
        ],
      },
      { host: 'node2', status: 'unreachable', tasks: [], error: 'node2: connect failed: ECONNREFUSED' },
    ],
    summary: { changes: 5, hostsWithChanges: 3, failed: 1, notPlanned: 0 },
  };
}

type Draft = Omit<RunPlan, 'hosts'> & {
  hosts: (Omit<HostPlan, 'tasks'> & {
    tasks: (Omit<HostPlan['tasks'][number], 'address' | 'changes'> & { changes: Change[] })[];
  })[];
};

/** Gives every task and change the address and pass the planner gives them (deletions run in the reverse pass). */
function addressed(plan: Draft): RunPlan {
  return {
    ...plan,
    hosts: plan.hosts.map((h) => ({
      ...h,
      tasks: h.tasks.map((t) => ({
        ...t,
        address: `${h.host}/${t.module}`,
        changes: t.changes.map((c) => ({
          ...c,
          address: `${h.host}/${t.module}/${c.resource}`,
          pass: c.action === 'delete' ? ('reverse' as const) : ('forward' as const),
        })),
      })),
    })),
  };
}

/** The same plan interrupted (Ctrl-C) before node1 was planned: node1 is `not-planned`, never in sync. */
export function interruptedPlan(): RunPlan {
  const plan = removalPlan();
  return {
    ...plan,
    interrupted: true,
    hosts: plan.hosts.map((h) =>
      h.host === 'node1' ? { host: 'node1', status: 'not-planned' as const, tasks: [] } : h,
    ),
    summary: { changes: 4, hostsWithChanges: 2, failed: 1, notPlanned: 1 },
  };
}
