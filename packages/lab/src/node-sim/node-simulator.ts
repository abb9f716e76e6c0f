import type { StartSimulator } from 'acp-play/core/simulator.js';
import { startNodeSim } from './start-node-sim.js';

/** The node simulator as the nmstate platform's spec starts it: the first login, the node's folder and position. */
export const startNodeSimulator: StartSimulator = (opts) => {
  const login = opts.users[0];
  if (opts.dir === undefined || !login) throw new Error('the node simulator needs a folder (dir) and a login');
  return startNodeSim({
    name: opts.hostname,
    dir: opts.dir,
    username: login.username,
    publicKeys: login.publicKeys ?? [],
    ...(opts.index !== undefined ? { index: opts.index } : {}),
    ...(opts.host !== undefined ? { host: opts.host } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.hostKey !== undefined ? { hostKey: opts.hostKey } : {}),
    ...(opts.lldpNeighbors !== undefined ? { lldpNeighbors: opts.lldpNeighbors } : {}),
  });
};
