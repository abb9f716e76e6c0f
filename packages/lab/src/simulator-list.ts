import type { SimulatorLoader } from 'acp-play/core/simulator.js';

/**
 * The platforms the lab simulates, by platform id, each simulator imported only when started. The platform specs
 * know nothing of the lab: a simulator for a new platform is a line here.
 */
const SIMULATORS: Readonly<Record<string, SimulatorLoader>> = {
  cisco_nxos: () =>
    import('./sim/start-simulator.js').then((lab) => (opts) => lab.startSimulator({ ...opts, platform: 'cisco_nxos' })),
  arista_eos: () =>
    import('./sim/start-simulator.js').then((lab) => (opts) => lab.startSimulator({ ...opts, platform: 'arista_eos' })),
  cisco_ios: () =>
    import('./sim/start-simulator.js').then((lab) => (opts) => lab.startSimulator({ ...opts, platform: 'cisco_ios' })),
  nmstate: () => import('./node-sim/node-simulator.js').then((lab) => lab.startNodeSimulator),
};

/** How to start the simulator of the platform `id` (a platform id, not an alias); undefined when none. */
export function platformSimulator(id: string): SimulatorLoader | undefined {
  return Object.hasOwn(SIMULATORS, id) ? SIMULATORS[id] : undefined;
}
