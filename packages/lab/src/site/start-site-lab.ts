import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunningSimulator, StartSimulator } from 'acp-play/core/simulator.js';
import { defaultPlatforms } from 'acp-play/platforms/platform-list.js';
import { platformSimulator } from '../simulator-list.js';
import { generateEd25519Key } from '../ed25519-key.js';
import { recable } from '../node-sim/start-node-sim.js';
import type { LldpNeighbor, SimPlatformId } from '../sim/sim-types.js';
import {
  labLldpNeighbors,
  labNodeLldp,
  labSwitchLoginVars,
  labSwitchOptions,
  type LabSwitchSettings,
} from './lab-switch.js';
import { NODE_USER, SWITCH_USER, writeSiteLabInventory } from './site-lab-inventory.js';
import type { SiteLabState } from './site-lab-state.js';

/** Options of {@link startSiteLab}. */
export interface SiteLabOptions {
  /** Holds lab.json, the client key and the nodes' folders. */
  readonly dir: string;
  readonly inventoryDir: string;
  readonly nodes: number;
  readonly platform: SimPlatformId;
  /** Recorded as the owner of the simulators (the keeper). */
  readonly keeperPid: number;
  /** Fault and fidelity settings of the switch (default: none). */
  readonly switchSettings?: LabSwitchSettings;
}

/** A site lab running in this process. */
export interface SiteLab {
  readonly state: SiteLabState;
  readonly switchSim: RunningSimulator;
  readonly nodeSims: readonly RunningSimulator[];
  /** Stops one node's simulator (a node going away); its state file stays. Throws when it cannot. */
  stopNode(name: string): Promise<void>;
  /** Starts a stopped node's simulator again: same port, same host key, the state it had. */
  startNode(name: string): Promise<void>;
  /** Re-cables the lab: the site's cabling with these miswirings (none: as the site says), on both ends. */
  rewire(miswire: Readonly<Record<string, LldpNeighbor>>): void;
  close(): Promise<void>;
}

/** The node platform of the lab's inventory. */
const NODE_PLATFORM = 'nmstate';

/** How to start the simulator of `platform` (an id or alias), through the lab's simulator list. */
async function simulatorOf(platform: string): Promise<StartSimulator> {
  const id = defaultPlatforms().resolve(platform)?.id;
  const load = id === undefined ? undefined : platformSimulator(id);
  if (!load) throw new Error(`platform ${platform} has no simulator`);
  return load();
}

/**
 * Starts the default lab in this process: the switch simulator (an empty config: every port an unconfigured,
 * shut L3 port on NX-OS) and N node simulators on 127.0.0.1, a client key accepted by all of them, and the
 * inventory that reaches them with every host key pinned.
 */
export async function startSiteLab(opts: SiteLabOptions): Promise<SiteLab> {
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const client = generateEd25519Key('acp-play lab client');
  const keyFile = join(dir, 'id_ed25519');
  writeFileSync(keyFile, client.privateKey, { mode: 0o600 });
  writeFileSync(`${keyFile}.pub`, `${client.publicLine}\n`);
  const settings = opts.switchSettings ?? {};
  const nodeNames = Array.from({ length: opts.nodes }, (_, i) => `node${i}`);
  const [startSwitch, startNode] = await Promise.all([simulatorOf(opts.platform), simulatorOf(NODE_PLATFORM)]);
  const switchSim = await startSwitch({
    hostname: 'switch1',
    users: [{ username: SWITCH_USER, publicKeys: [client.publicLine], privilege: settings.privilege ?? 15 }],
    // An old switch (sshLegacy) has an RSA host key: the simulator makes one.
    ...(settings.sshLegacy ? {} : { hostKey: generateEd25519Key('acp-play lab switch1').privateKey }),
    ...labSwitchOptions(opts.platform, nodeNames, settings),
  });
  // What each node hears; `rewire` replaces it, so a node restarted by `lab start` keeps the current cabling.
  let nodeLldp = labNodeLldp(opts.platform, nodeNames, settings.miswire);
  const nodeSims: {
    name: string;
    dir: string;
    sim: RunningSimulator;
    running: boolean;
    restart: () => Promise<RunningSimulator>;
  }[] = [];
  try {
    for (const [i, name] of nodeNames.entries()) {
      const nodeDir = join(dir, 'nodes', name);
      // The host key is kept, so a node stopped and started again is the same host to known_hosts.
      const hostKey = generateEd25519Key(`acp-play lab ${name}`).privateKey;
      const boot = (port: number): Promise<RunningSimulator> =>
        startNode({
          hostname: name,
          index: i,
          dir: nodeDir,
          port,
          hostKey,
          users: [{ username: NODE_USER, publicKeys: [client.publicLine] }],
          lldpNeighbors: nodeLldp[name] ?? {},
        });
      const sim = await boot(0);
      nodeSims.push({ name, dir: nodeDir, sim, running: true, restart: () => boot(sim.port) });
    }
  } catch (error) {
    await Promise.all([switchSim.close(), ...nodeSims.map((n) => n.sim.close())]);
    throw error;
  }
  const nodeNamed = (name: string): (typeof nodeSims)[number] => {
    const node = nodeSims.find((n) => n.name === name);
    if (node) return node;
    const known = nodeSims.map((n) => n.name).join(', ');
    throw new Error(
      name === 'switch1'
        ? `only nodes can be stopped and started (${known}): the switch simulator keeps its configuration only while it runs`
        : `the lab has no node ${name} (its nodes: ${known})`,
    );
  };
  const id = randomBytes(3).toString('hex');
  const inventoryDir = resolve(opts.inventoryDir);
  const inventoryFiles = writeSiteLabInventory({
    dir: inventoryDir,
    platform: opts.platform,
    labId: id,
    keyFile,
    switch: { name: 'switch1', port: switchSim.port, hostKeyPublic: switchSim.hostKeyPublic },
    switchVars: labSwitchLoginVars(settings),
    nodes: nodeSims.map((n) => ({ name: n.name, port: n.sim.port, hostKeyPublic: n.sim.hostKeyPublic })),
  });
  const state: SiteLabState = {
    format: 'acp-play/lab-site@1',
    id,
    createdAt: new Date().toISOString(),
    keeperPid: opts.keeperPid,
    dir,
    inventoryDir,
    inventoryFiles,
    platform: opts.platform,
    keyFile,
    devices: [
      {
        name: 'switch1',
        role: 'switch',
        platform: opts.platform,
        port: switchSim.port,
        hostKeyPublic: switchSim.hostKeyPublic,
        fingerprint: switchSim.fingerprint,
      },
      ...nodeSims.map((n) => ({
        name: n.name,
        role: 'node' as const,
        platform: NODE_PLATFORM,
        port: n.sim.port,
        hostKeyPublic: n.sim.hostKeyPublic,
        fingerprint: n.sim.fingerprint,
        dir: n.dir,
      })),
    ],
  };
  return {
    state,
    switchSim,
    nodeSims: nodeSims.map((n) => n.sim),
    stopNode: async (name) => {
      const node = nodeNamed(name);
      if (!node.running) throw new Error(`${name} is already stopped`);
      node.running = false;
      await node.sim.close();
    },
    startNode: async (name) => {
      const node = nodeNamed(name);
      if (node.running) throw new Error(`${name} is already running`);
      node.sim = await node.restart();
      node.running = true;
    },
    rewire: (miswire) => {
      switchSim.rewire?.(labLldpNeighbors(opts.platform, nodeNames, miswire));
      nodeLldp = labNodeLldp(opts.platform, nodeNames, miswire);
      for (const n of nodeSims) recable(join(n.dir, 'state.json'), n.name, nodeLldp[n.name] ?? {});
    },
    close: async () => {
      await Promise.all([switchSim.close(), ...nodeSims.filter((n) => n.running).map((n) => n.sim.close())]);
    },
  };
}
