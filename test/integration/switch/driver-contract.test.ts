import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { applyRun } from '../../../src/engine/apply-run.js';
import { ConnectionPool } from '../../../src/engine/connection-pool.js';
import { defaultModules } from '../../../src/engine/default-modules.js';
import type { RunResult } from '../../../src/core/run.js';
import type { Host, Inventory } from '../../../src/core/inventory.js';
import { loadSite } from '../../../src/inventory/load-site.js';
import type { Site } from '../../../src/core/site.js';
import { startSimulator } from '../../../packages/lab/src/sim/start-simulator.js';
import { labSwitchConfig } from '../../../packages/lab/src/site/lab-switch.js';
import type { SimPlatformId, SimulatorHandle } from '../../../packages/lab/src/sim/sim-types.js';
import type { SimPort } from '../../../packages/lab/src/sim/model/switch-model.js';
import { formatVlanSet } from '../../../src/inventory/vlan-set.js';
import { loadPlaybook } from '../../../src/playbook/load-playbook.js';
import { MemoryReporter } from '../../../src/report/plain-reporter.js';
import { connectHost } from '../../../src/transport/ssh-transport.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';

/**
 * The shared driver contract, per CLI platform, over real SSH against the device simulators: gather, plan, apply
 * through the real runner (the default site playbook: VLANs play, then ports play), re-plan empty, and roll back
 * after a device error, leaving the prior config.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (p: string) => readFileSync(`${root}test/fixtures/switch-contract/${p}`, 'utf8');
const records = mkdtempSync(join(tmpdir(), 'acp-contract-owned-'));
afterAll(() => rmSync(records, { recursive: true, force: true }));

/** Loads an inventory whose ownership record (written by apply) goes to a temp file, not next to the fixture. */
async function loadContractSite(dir: string): Promise<{ inventory: Inventory; site: Site }> {
  const { inventory, site } = await loadSite(dir, defaultPlatforms());
  return {
    inventory,
    site: { ...site, ownershipFile: join(mkdtempSync(join(records, 'r-')), '.acp-play-owned.yaml') },
  };
}

interface Case {
  readonly host: string;
  readonly platform: SimPlatformId;
  /** The device's own hostname (ios1 sets the `hostname` var). */
  readonly hostname: string;
  readonly config: string;
  readonly trunk: string;
  readonly access: string;
  /** EOS logs in at `eos1>` and must `enable`. */
  readonly privilege: number;
}

const CASES: readonly Case[] = [
  {
    host: 'nxos1',
    platform: 'cisco_nxos',
    hostname: 'nxos1',
    config: 'nxos.cfg',
    trunk: 'Ethernet1/3',
    access: 'Ethernet1/1',
    privilege: 15,
  },
  {
    host: 'eos1',
    platform: 'arista_eos',
    hostname: 'eos1',
    config: 'eos.cfg',
    trunk: 'Ethernet3',
    access: 'Ethernet1',
    privilege: 1,
  },
  {
    host: 'ios1',
    platform: 'cisco_ios',
    hostname: 'IOS-SW1',
    config: 'ios.cfg',
    trunk: 'GigabitEthernet0/3',
    access: 'GigabitEthernet0/1',
    privilege: 15,
  },
];

const sims: SimulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function simulate(
  c: { platform: SimPlatformId; hostname: string; privilege: number },
  config?: string,
  rejectCommands?: RegExp[],
): Promise<SimulatorHandle> {
  const sim = await startSimulator({
    platform: c.platform,
    hostname: c.hostname,
    ...(config !== undefined ? { config } : {}),
    users: [{ username: 'admin', password: 'pw', privilege: c.privilege }],
    ...(rejectCommands ? { rejectCommands } : {}),
  });
  sims.push(sim);
  return sim;
}

/** Runs the default site playbook on one host through applyRun, connecting to its simulator. */
async function run(
  inventory: Inventory,
  site: Site,
  limit: string,
  sim: SimulatorHandle,
  runId: string,
): Promise<RunResult> {
  const expectedKey = sim.hostKeyPublic.split(' ')[1];
  const connect = (host: Host) =>
    connectHost(
      {
        name: host.name,
        address: sim.host,
        port: sim.port,
        user: 'admin',
        auth: { password: 'pw', agentSocket: false, identityFiles: [] },
        hostKeyCheck: (blob) => blob.toString('base64') === expectedKey || 'not the simulator key',
        hostKeyAlgorithms: ['ssh-ed25519'],
      },
      { sshConfigPath: false },
    );
  const pool = new ConnectionPool(connect);
  try {
    return await applyRun(
      {
        inventory,
        site,
        playbook: await loadPlaybook(`${root}playbooks/site.yaml`),
        modules: defaultModules(defaultPlatforms()),
        connect,
        reporter: new MemoryReporter(),
        runId,
        limit,
        forks: 5,
        signal: new AbortController().signal,
      },
      pool,
    );
  } finally {
    await pool.closeAll();
  }
}

/** The simulator's allowed list as text (`all` when no list is configured). */
const allowed = (port: SimPort | undefined): string =>
  port?.allowed === 'all' ? 'all' : formatVlanSet(port?.allowed ?? []);

function outcome(result: RunResult, host: string) {
  const h = result.hosts.find((o) => o.host === host)!;
  return {
    status: h.status,
    tasks: h.tasks.map((t) => `${t.task}: ${t.status}${t.status === 'failed' ? ` ${t.message}` : ''}`),
  };
}

describe.each(CASES)('driver contract: $platform', (c) => {
  it('gathers, plans, applies through the runner; the re-plan is empty and nothing is left pending', async () => {
    const { inventory, site } = await loadContractSite(`${root}test/fixtures/inventories/switch-contract`);
    const sim = await simulate(c, fixture(c.config));
    const first = await run(inventory, site, c.host, sim, 'c1');
    expect(outcome(first, c.host)).toEqual({
      status: 'changed',
      tasks: ['VLANs: changed', 'Access and trunk ports: changed'],
    });
    const state = sim.state();
    expect([...state.vlans.values()].filter((v) => v.id >= 2003).map((v) => `${v.id} ${v.name}`)).toEqual([
      '2003 virtual-machines-1',
      '2004 virtual-machines-2',
      '2005 virtual-machines-3',
    ]);
    expect(allowed(state.ports.get(c.trunk))).toBe('2003-2005');
    expect(state.ports.get(c.access)!.description).toBe('node0-cluster');
    const dump = sim.dumpState();
    expect([dump['checkpoints'], dump['sessions'], dump['pendingRevert']]).toEqual([[], {}, null]);
    // ios1 has switch.save: true, the others not.
    expect(allowed(sim.startupState().ports.get(c.trunk))).toBe(c.platform === 'cisco_ios' ? '2003-2005' : '2003');

    const second = await run(inventory, site, c.host, sim, 'c2');
    expect(outcome(second, c.host)).toEqual({
      status: 'unchanged',
      tasks: ['VLANs: ok', 'Access and trunk ports: ok'],
    });
  });

  it('rolls back after a device error, leaving the config as it was before the failed step', async () => {
    const { inventory, site } = await loadContractSite(`${root}test/fixtures/inventories/switch-contract`);
    const sim = await simulate(c, fixture(c.config), [/^switchport trunk allowed vlan 2003-2005$/]);
    const result = await run(inventory, site, c.host, sim, 'c3');
    const o = outcome(result, c.host);
    expect(o.status).toBe('failed');
    expect(o.tasks[0]).toBe('VLANs: changed');
    const failed = result.hosts.find((h) => h.host === c.host)!.tasks[1]!;
    expect(failed.rolledBack).toBe(true);
    expect(failed.message).toMatch(
      new RegExp(
        `^${c.host}: apply failed: interface ${c.trunk}: switchport trunk allowed vlan 2003-2005: % .*\\(rolled back \\(verified: the device matches its state before the run\\): .+\\)$`,
      ),
    );
    const state = sim.state();
    // The VLAN step committed; the ports step left every port as it was.
    expect(state.vlans.has(2005)).toBe(true);
    expect(allowed(state.ports.get(c.trunk))).toBe('2003');
    expect(state.ports.get(c.access)!.description).toBe('old-description');
    const dump = sim.dumpState();
    expect([dump['checkpoints'], dump['sessions'], dump['pendingRevert']]).toEqual([[], {}, null]);
  });
});

/** A Nexus 9000 as it boots: switchports shut (`system default switchport shutdown`), or up with the `no` form. */
const NXOS_DEFAULTS = [
  { label: 'switchports shut by default (a Nexus 9000 as shipped)', config: undefined },
  { label: 'the lab switch (no system default switchport shutdown)', config: labSwitchConfig('cisco_nxos') },
] as const;

describe.each(NXOS_DEFAULTS)('driver contract: site1 on an empty NX-OS switch, $label', ({ config }) => {
  it("applies switch1's whole config from inventories/site1: every port up; the re-plan is empty", async () => {
    const { inventory, site } = await loadContractSite(`${root}inventories/site1`);
    const sim = await simulate({ platform: 'cisco_nxos', hostname: 'switch1', privilege: 15 }, config);
    const first = await run(inventory, site, 'switch1', sim, 's1');
    expect(outcome(first, 'switch1')).toEqual({
      status: 'changed',
      tasks: ['VLANs: changed', 'Access and trunk ports: changed'],
    });
    const state = sim.state();
    expect(state.systemDefaultSwitchportShutdown).toBe(config === undefined);
    expect(formatVlanSet([...state.vlans.keys()].filter((id) => id !== 1))).toBe('2000-2005');
    expect(state.ports.get('Ethernet1/48')).toMatchObject({
      switchport: true,
      mode: 'trunk',
      nativeVlan: 2000,
      description: 'uplink-to-unifi',
    });
    expect(allowed(state.ports.get('Ethernet1/48'))).toBe('2000-2005');
    for (const p of ['Ethernet1/3', 'Ethernet1/7', 'Ethernet1/11'])
      expect(allowed(state.ports.get(p))).toBe('2003-2005');
    expect(state.ports.get('Ethernet1/10')).toMatchObject({
      switchport: true,
      accessVlan: 2001,
      description: 'node2-storage',
    });
    expect(state.ports.get('Ethernet1/10')!.mode ?? 'access').toBe('access');
    // The device's own word: its running-config prints `no shutdown` on a port that is up against a shut default,
    // and `shutdown` on one that is shut against an up default.
    const site1Ports = Object.keys((inventory.hosts.get('switch1')!.vars.switch as { ports: object }).ports);
    const running = sim.runningConfig();
    for (const p of site1Ports) {
      const block = running.slice(running.indexOf(`interface ${p}\n`)).split('\n\n')[0]!;
      expect(block, p).not.toMatch(/^  shutdown$/m);
      if (config === undefined) expect(block, p).toMatch(/^  no shutdown$/m);
    }
    const second = await run(inventory, site, 'switch1', sim, 's2');
    expect(outcome(second, 'switch1')).toEqual({
      status: 'unchanged',
      tasks: ['VLANs: ok', 'Access and trunk ports: ok'],
    });
  });
});
