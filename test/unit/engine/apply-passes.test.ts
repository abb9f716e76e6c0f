import { describe, expect, it } from 'vitest';
import type { TaskModule } from '../../../src/core/module.js';
import type { RunPlan } from '../../../src/core/run.js';
import { applyRun } from '../../../src/engine/apply-run.js';
import { ModuleRegistry } from '../../../src/engine/module-registry.js';
import { planRun } from '../../../src/engine/plan-run.js';
import type { RunOptions } from '../../../src/engine/run-options.js';
import { MemoryReporter } from '../../../src/report/plain-reporter.js';
import { runJson } from '../../../src/report/run-json.js';
import {
  connector,
  emptySite,
  host,
  inventoryOf,
  kvModule,
  play,
  playbook,
  type Devices,
} from '../../helpers/engine-harness.js';

/**
 * The site as key/value devices: a switch with VLAN definitions and a trunk, two nodes with bridges. VLAN 2005 leaves
 * the site and 2006 joins it: the trunk narrowing is a removal of its own (`trunk2005`), as the planners emit it.
 */
function site() {
  const devices: Devices = new Map([
    [
      'sw',
      new Map([
        ['vlan2005', 'on'],
        ['trunk2005', 'on'],
      ]),
    ],
    ['n0', new Map([['bridge2005', 'on']])],
    ['n1', new Map([['bridge2005', 'on']])],
  ]);
  const log: string[] = [];
  const conn = connector(devices, log);
  const pb = playbook(
    play('Switch VLAN definitions', 'switches', [
      { name: 'VLANs', args: { want: { vlan2006: 'on', vlan2005: null } } },
    ]),
    play('Switch ports', 'switches', [{ name: 'trunks', args: { want: { trunk2006: 'on', trunk2005: null } } }]),
    play('Node bridges', 'nodes', [{ name: 'bridges', args: { want: { bridge2006: 'on', bridge2005: null } } }], {
      serial: [{ count: 1 }],
    }),
  );
  const base: RunOptions = {
    inventory: inventoryOf([host('sw', ['switches']), host('n0', ['nodes']), host('n1', ['nodes'])]),
    site: emptySite,
    playbook: pb,
    modules: new ModuleRegistry().register(kvModule),
    connect: conn.connect,
    reporter: new MemoryReporter(),
    runId: 'r1',
    forks: 1,
    signal: new AbortController().signal,
  };
  const changesSent = () => log.filter((l) => / (set|del) /.test(l));
  return { devices, log, conn, base, changesSent };
}

describe('one plan, two passes: additions forward, removals in reverse', () => {
  it('plans the order: VLANs, trunks, bridges forward; then bridges, trunks, VLAN definitions in reverse', async () => {
    const { base } = site();
    const plan = await planRun(base);
    expect(plan.order.map((s) => [s.pass, s.play, s.hosts.join(',')])).toEqual([
      ['forward', 'Switch VLAN definitions', 'sw'],
      ['forward', 'Switch ports', 'sw'],
      ['forward', 'Node bridges', 'n0,n1'],
      ['reverse', 'Node bridges', 'n0,n1'],
      ['reverse', 'Switch ports', 'sw'],
      ['reverse', 'Switch VLAN definitions', 'sw'],
    ]);
    const sw = plan.hosts.find((h) => h.host === 'sw')!;
    expect(sw.tasks[0]!.changes.map((c) => [c.address, c.action, c.pass])).toEqual([
      ['sw/command/vlan2006', 'create', 'forward'],
      ['sw/command/vlan2005', 'delete', 'reverse'],
    ]);
  });

  it('applies in that order, verifies each forward step with its removals held back, and ends in sync', async () => {
    const { base, changesSent, devices } = site();
    const approved = await planRun(base);
    const result = await applyRun({ ...base, approved });
    expect(result.hosts.map((h) => [h.host, h.status])).toEqual([
      ['sw', 'changed'],
      ['n0', 'changed'],
      ['n1', 'changed'],
    ]);
    expect(changesSent()).toEqual([
      'sw: set vlan2006 on',
      'sw: set trunk2006 on',
      'n0: set bridge2006 on',
      'n1: set bridge2006 on',
      'n0: del bridge2005',
      'n1: del bridge2005',
      'sw: del trunk2005',
      'sw: del vlan2005',
    ]);
    expect(result.hosts[0]!.tasks.map((t) => [t.task, t.pass, t.changes.map((c) => c.resource).join()])).toEqual([
      ['VLANs', 'forward', 'vlan2006'],
      ['trunks', 'forward', 'trunk2006'],
      ['trunks', 'reverse', 'trunk2005'],
      ['VLANs', 'reverse', 'vlan2005'],
    ]);
    expect(Object.fromEntries(devices.get('sw')!)).toEqual({ vlan2006: 'on', trunk2006: 'on' });
    expect((await planRun(base)).summary.changes).toBe(0);
  });

  it('without an approved plan, the reverse pass runs the removals the forward steps found', async () => {
    const { base, changesSent } = site();
    await applyRun(base);
    expect(changesSent().slice(4)).toEqual([
      'n0: del bridge2005',
      'n1: del bridge2005',
      'sw: del trunk2005',
      'sw: del vlan2005',
    ]);
  });
});

/** kvModule with per-key facts, so a moved key is named; counts its renders. */
function countingModule() {
  const calls = { render: 0 };
  const module: TaskModule<Record<string, string | null>, Record<string, string>, string> = {
    ...kvModule,
    render(ctx) {
      calls.render++;
      return kvModule.render(ctx);
    },
    facts: (current) => current,
  };
  return { module, calls };
}

describe('a saved plan, applied exactly', () => {
  async function saved() {
    const s = site();
    const { module, calls } = countingModule();
    const base = { ...s.base, modules: new ModuleRegistry().register(module) };
    const plan = JSON.parse(runJson(await planRun(base))) as RunPlan;
    return { ...s, base, plan, calls };
  }

  it('runs the saved desired states (no render) and touches no host whose plan is empty', async () => {
    const { base, plan, calls, devices, log } = await saved();
    devices.set('n2', new Map([['bridge2006', 'on']]));
    const inventory = inventoryOf([
      host('sw', ['switches']),
      host('n0', ['nodes']),
      host('n1', ['nodes']),
      host('n2', ['nodes']),
    ]);
    const withN2 = { ...plan, hosts: [...plan.hosts, { host: 'n2', tasks: [], status: 'in-sync' as const }] };
    calls.render = 0;
    const result = await applyRun({ ...base, inventory, approved: withN2, fromPlanFile: true });
    expect(calls.render).toBe(0);
    expect(result.hosts.find((h) => h.host === 'n2')!.status).toBe('unchanged');
    expect(log.some((l) => l.startsWith('n2:'))).toBe(false);
    expect(Object.fromEntries(devices.get('n0')!)).toEqual({ bridge2006: 'on' });
  });

  it('refuses a host whose gathered state no longer matches its fingerprint, naming what moved', async () => {
    const { base, plan, devices, changesSent } = await saved();
    devices.get('n1')!.set('bridge2007', 'by hand');
    const result = await applyRun({ ...base, approved: plan, fromPlanFile: true });
    const n1 = result.hosts.find((h) => h.host === 'n1')!;
    expect(n1.status).toBe('failed');
    expect(n1.error).toBe(
      'n1: plan failed: n1/command changed since the plan was made (bridge2007); nothing was applied — plan again',
    );
    expect(changesSent().filter((l) => l.startsWith('n1'))).toEqual([]);
  });
});

describe('interrupts', () => {
  it('a plan interrupted mid-way calls no unplanned host in sync', async () => {
    const { base } = site();
    const abort = new AbortController();
    const { module } = countingModule();
    const stopping: typeof module = {
      ...module,
      async gather(conn, desired, ctx) {
        if (ctx.host.name === 'sw') abort.abort(); // Ctrl-C while the switch is being gathered
        return module.gather(conn, desired, ctx);
      },
    };
    const plan = await planRun({ ...base, modules: new ModuleRegistry().register(stopping), signal: abort.signal });
    expect(plan.interrupted).toBe(true);
    // The switch's first task was in flight and finished; its second play and the nodes never started.
    expect(plan.hosts.map((h) => [h.host, h.status, h.tasks.length])).toEqual([
      ['sw', 'not-planned', 1],
      ['n0', 'not-planned', 0],
      ['n1', 'not-planned', 0],
    ]);
    expect(plan.summary).toMatchObject({ notPlanned: 3 });
  });

  it('an apply interrupted during a step lets it finish, starts nothing new, and says not-applied', async () => {
    const { base, changesSent } = site();
    const approved = await planRun(base);
    const abort = new AbortController();
    const stopping: typeof kvModule = {
      ...kvModule,
      async apply(step) {
        if (step.ctx.host.name === 'n0') abort.abort(); // Ctrl-C while n0 is being changed
        return kvModule.apply(step);
      },
    };
    const result = await applyRun({
      ...base,
      approved,
      modules: new ModuleRegistry().register(stopping),
      signal: abort.signal,
    });
    expect(result.interrupted).toBe(true);
    expect(changesSent()).toEqual(['sw: set vlan2006 on', 'sw: set trunk2006 on', 'n0: set bridge2006 on']);
    expect(result.hosts.map((h) => [h.host, h.status])).toEqual([
      ['sw', 'not-applied'],
      ['n0', 'not-applied'],
      ['n1', 'not-applied'],
    ]);
    expect(result.hosts.find((h) => h.host === 'n0')!.tasks.map((t) => t.status)).toEqual(['changed']);
    expect(result.notStarted).toEqual(['n1']);
  });
});
