import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { TaskContext } from '../../../../src/core/module.js';
import { HostSessionSlot } from '../../../../src/engine/host-session-slot.js';
import { applyStep, planStep } from '../../../../src/engine/task-step.js';
import { ApplyError } from '../../../../src/core/errors.js';
import { loadSite } from '../../../../src/inventory/load-site.js';
import type { Site } from '../../../../src/core/site.js';
import { MANAGED_MARK } from '../../../../src/platforms/nmstate/nmstate-desired.js';
import { nmstateModule } from '../../../../src/platforms/nmstate/nmstate-module.js';
import type { NmstateInterface } from '../../../../src/platforms/nmstate/nmstate-state.js';
import type { Task } from '../../../../src/core/playbook.js';
import { FakeNmstateNode } from './fake-nmstate-node.js';
import { defaultPlatforms } from '../../../../src/platforms/platform-list.js';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/lab-nodes/inventory');
const CP = '/org/freedesktop/NetworkManager/Checkpoint/7';
const SHOW = 'nmstatectl show --json';
const BUSCTL =
  'busctl --system get-property org.freedesktop.NetworkManager /org/freedesktop/NetworkManager org.freedesktop.NetworkManager Checkpoints';
const TMP = "'/tmp/acp-play-r1-node0.nmstate.yaml'";
const APPLY = (t: number) => `nmstatectl apply --no-commit --timeout ${t} ${TMP}; rc=$?; rm -f ${TMP}; exit $rc`;

let site: Site;
beforeAll(async () => {
  site = (await loadSite(FIXTURE, defaultPlatforms())).site;
});

/** Runs one nmstate task on node0 through the runner's own plan and apply steps, on the node's virtual time. */
async function run(node: FakeNmstateNode, args: Record<string, unknown>, over: { site?: Site } = {}) {
  const clock = {
    now: () => node.now,
    sleep: async (ms: number) => {
      node.now += Math.max(0, ms);
    },
  };
  const s = over.site ?? site;
  const task: Task = {
    name: 'bridges',
    module: 'nmstate',
    args,
    tags: [],
    location: { file: 'pb.yaml', line: 3, col: 5 },
  };
  const notes: string[] = [];
  const ctx: TaskContext = {
    host: s.nodes[0]!.host,
    site: s,
    task,
    runId: 'r1',
    signal: new AbortController().signal,
    openConnection: () => node.connect(),
    note: (t) => notes.push(t),
    clock,
    session: new HostSessionSlot(),
  };
  const conn = await node.connect();
  const step = await planStep(nmstateModule, ctx, conn);
  const { plan } = step;
  let error: unknown;
  if (plan.changes.length > 0) await applyStep(nmstateModule, step).catch((e: unknown) => (error = e));
  return { plan, error: error as ApplyError | undefined, notes };
}

const cmds = (node: FakeNmstateNode) => node.log.filter((l) => !l.endsWith('connect'));

describe('nmstate module against a fake node answering with recorded nmstatectl 2.2.62 output', () => {
  it('applies with commit-confirm: the exact command sequence, then a re-plan is empty', async () => {
    const node = new FakeNmstateNode('node0');
    const { plan, error } = await run(node, { probes: [{ interface_up: 'bridge2003' }] });
    expect(error).toBeUndefined();
    expect(plan.changes.map((c) => `${c.action} ${c.resource}`)).toEqual([
      'create enp4s0f0.2003',
      'create bridge2003',
      'create enp4s0f0.2004',
      'create bridge2004',
      'create enp4s0f0.2005',
      'create bridge2005',
    ]);
    expect(plan.changes[1]!.diff).toContain('before: null');
    expect(plan.changes[1]!.diff).toContain(`description: ${MANAGED_MARK} VLAN 2003 virtual-machines-1`);
    expect(cmds(node)).toEqual([
      `[c0] ${SHOW}`, // gather (plan)
      `[c0] ${BUSCTL}`, // begin: no stale checkpoint (the state before is the plan's gather)
      `[c0] upload /tmp/acp-play-r1-node0.nmstate.yaml mode 600`,
      `[c0] ${APPLY(60)}`,
      `[c0] ${SHOW}`, // the runner's re-gather: re-plan must be empty
      '[c1] echo acp-play-alive', // a NEW connection answers
      expect.stringMatching(/^\[c1\] i=0; while .*\/sys\/class\/net\/bridge2003\/operstate/),
      `[c0] nmstatectl commit '${CP}'`,
    ]);
    expect(node.names()).toContain('bridge2003');
    const again = await run(node, {});
    expect(again.plan.changes).toEqual([]);
    expect(again.plan.inSync.map((s) => s.reason)).toContain('bridge2003 already matches');
  });

  it('VM ports that NetworkManager ignores on a bridge are not drift', async () => {
    const node = new FakeNmstateNode('node0');
    expect((await run(node, {})).error).toBeUndefined();
    // KubeVirt plugs a VM's veth into bridge2003; NetworkManager leaves it alone (state: ignore).
    const vm = { name: 'vm1', type: 'veth', state: 'ignore', controller: 'bridge2003' } as NmstateInterface;
    node.state = {
      ...node.state,
      interfaces: [
        ...node.state.interfaces.map((i) => {
          const bridge = i['bridge'] as { port?: { name: string }[] } | undefined;
          return (
            i.name === 'bridge2003' && bridge?.port
              ? { ...i, bridge: { ...bridge, port: [...bridge.port, { name: 'vm1' }] } }
              : i
          ) as NmstateInterface;
        }),
        vm,
      ],
    };
    const again = await run(node, {});
    expect(again.plan.changes).toEqual([]);
  });

  it('runs nmstatectl through sudo when the login user is not root', async () => {
    const node = new FakeNmstateNode('node0');
    const becomeSite: Site = {
      ...site,
      nodes: site.nodes.map((n) => ({ ...n, host: { ...n.host, user: 'core', become: undefined } })),
    };
    await run(node, {}, { site: becomeSite });
    const sudo = cmds(node).filter((l) => l.endsWith('(sudo)'));
    expect(
      sudo.map((l) =>
        l
          .replace(/^\[c\d\] /, '')
          .split(' ')
          .slice(0, 2)
          .join(' '),
      ),
    ).toEqual([
      'nmstatectl show',
      'busctl --system',
      'upload /tmp/acp-play-r1-node0.nmstate.yaml',
      'nmstatectl apply',
      'nmstatectl show',
      'nmstatectl commit',
    ]);
  });

  it('a failing probe rolls back with nmstatectl rollback: host failed (rolled back), nothing committed', async () => {
    const node = new FakeNmstateNode('node0');
    const { error } = await run(node, {
      probes: [{ interface_up: 'bridge2003' }, { command: 'test -e /nonexistent/x' }],
    });
    expect(error).toBeInstanceOf(ApplyError);
    expect(error!.rolledBack).toBe(true);
    expect(error!.message).toBe(
      `node0: verify failed: probe failed: command test -e /nonexistent/x (exit 1) (rolled back (verified: the device matches its state before the run): nmstatectl rollback ${CP})`,
    );
    expect(cmds(node).slice(-3)).toEqual([
      '[c1] test -e /nonexistent/x',
      `[c0] nmstatectl rollback '${CP}'`,
      `[c0] ${SHOW}`, // the runner reads the node again: it matches its state before the run
    ]);
    expect(cmds(node).some((l) => l.includes('nmstatectl commit'))).toBe(false);
    expect(node.names()).toEqual(['enp4s0f0', 'enp4s0f0-peer', 'lo']);
  });

  it('a lost connection: waits out the timeout, reconnects, confirms the old state: failed (rolled back by timeout)', async () => {
    const node = new FakeNmstateNode('node0', { cutOnApply: true });
    const { error, notes } = await run(node, { timeout: 10 });
    expect(error!.rolledBack).toBe(true);
    expect(error!.message).toMatch(
      /^node0: apply failed: lost the connection during nmstatectl apply \(.*timed out.*\) \(rolled back \(verified: the device matches its state before the run\): by timeout: NetworkManager restored its checkpoint after 10 s; node0 answers again on a new connection and is back in its old state\)$/,
    );
    expect(notes).toContain('waiting 13 s for NetworkManager to roll back by timeout');
    expect(node.log.slice(node.log.findIndex((l) => l.includes('apply --no-commit')))).toEqual([
      `[c0] ${APPLY(10)}`, // no answer: the change cut the node off
      '[node] NetworkManager rolled back /org/freedesktop/NetworkManager/Checkpoint/7 by timeout',
      '[c1] connect', // after the timeout + grace, a new connection
      `[c1] ${BUSCTL}`, // no checkpoint left open
      `[c1] ${SHOW}`, // and the node is as before
      `[c0] ${SHOW}`, // the runner reads it again (the first connection survived) and compares
    ]);
    expect(node.names()).toEqual(['enp4s0f0', 'enp4s0f0-peer', 'lo']);
  });

  it('a stale checkpoint at start is reported, not rolled back: host failed, nothing applied', async () => {
    const stale = '/org/freedesktop/NetworkManager/Checkpoint/3';
    const node = new FakeNmstateNode('node0', { staleCheckpoint: stale });
    const { error } = await run(node, {});
    expect(error!.rolledBack).toBe(false);
    expect(error!.message).toContain(`node0: begin failed: NetworkManager already has an open checkpoint (${stale})`);
    expect(error!.message).toContain(`nmstatectl rollback ${stale}`);
    expect(cmds(node)).toEqual([`[c0] ${SHOW}`, `[c0] ${BUSCTL}`]);
  });

  it('removes by default only interfaces carrying the acp-play mark; prune: false keeps them; an unmarked bridge on the trunk is unmanaged', async () => {
    const node = new FakeNmstateNode('node0');
    await run(node, {});
    const handMade = {
      ...node.state.interfaces.find((i) => i.name === 'bridge2003')!,
      name: 'bridge2099',
      description: 'made by hand',
    };
    node.state = { ...node.state, interfaces: [...node.state.interfaces, handMade] };
    const pruned: Site = {
      ...site,
      nodes: site.nodes.map((n) => ({ ...n, bridges: n.bridges.filter((b) => b.vlan !== 2005) })),
    };
    const unmanaged = {
      resource: 'bridge2099',
      leftAlone: 'unmanaged',
      reason: "on enp4s0f0 but without acp-play's mark: unmanaged, left alone",
    };

    const kept = await run(node, { prune: false }, { site: pruned });
    expect(kept.plan.changes).toEqual([]);
    expect(kept.plan.inSync.filter((s) => s.leftAlone)).toEqual([
      {
        resource: 'bridge2005',
        leftAlone: 'kept',
        reason: 'created by acp-play, no longer in the inventory; kept (prune: false)',
      },
      {
        resource: 'enp4s0f0.2005',
        leftAlone: 'kept',
        reason: 'created by acp-play, no longer in the inventory; kept (prune: false)',
      },
      unmanaged,
    ]);

    node.log.length = 0;
    const { plan, error } = await run(node, {}, { site: pruned });
    expect(error).toBeUndefined();
    expect(plan.changes.map((c) => `${c.action} ${c.resource}: ${c.summary}`)).toEqual([
      'delete bridge2005: linux-bridge, removed (created by acp-play, no longer in the inventory)',
      'delete enp4s0f0.2005: vlan, removed (created by acp-play, no longer in the inventory)',
    ]);
    expect(plan.inSync.filter((s) => s.leftAlone)).toEqual([unmanaged]);
    const uploaded = node.log.find((l) => l.includes('upload'));
    expect(uploaded).toBeDefined();
    expect(node.names()).toContain('bridge2099');
    expect(node.names()).not.toContain('bridge2005');
    expect(node.names()).not.toContain('enp4s0f0.2005');
    expect(node.names()).toContain('bridge2004');
  });

  it('uploads the desired document with absent entries for removed interfaces, mode 0600', async () => {
    const node = new FakeNmstateNode('node0');
    await run(node, {});
    const pruned: Site = {
      ...site,
      nodes: site.nodes.map((n) => ({ ...n, bridges: n.bridges.filter((b) => b.vlan !== 2005) })),
    };
    let doc: unknown;
    const original = node.files.set.bind(node.files);
    node.files.set = (k, v) => {
      doc = parse(v.content);
      expect(v.mode).toBe(0o600);
      return original(k, v);
    };
    await run(node, {}, { site: pruned });
    const ifaces = (doc as { interfaces: { name: string; type?: string; state: string }[] }).interfaces;
    expect(ifaces.filter((i) => i.state === 'absent')).toEqual([
      { name: 'bridge2005', type: 'linux-bridge', state: 'absent' },
      { name: 'enp4s0f0.2005', type: 'vlan', state: 'absent' },
    ]);
  });
});
