/**
 * The process that owns a lab started by `acp-play lab up --hosts N`: it starts the hosts as its own children (so
 * it reaps them), records itself in lab.json, tells its parent over IPC, and waits. SIGTERM (sent by
 * `acp-play lab down`), SIGINT or SIGHUP tear the lab down, then it exits.
 *
 * Run as `node lab-keeper.js --state-dir DIR --inventory DIR --hosts N` with an IPC channel (see lab-launch.ts).
 */
import { parseArgs } from 'node:util';
import { startLabHosts, type LabHosts } from './lab-hosts.js';
import type { LabState } from './lab-state.js';
import { readLabState } from './lab-state.js';

/** Messages the keeper sends to the process that launched it. */
export type KeeperMessage =
  { readonly kind: 'ready'; readonly state: LabState } | { readonly kind: 'error'; readonly message: string };

async function keep(): Promise<void> {
  const { values } = parseArgs({
    options: { 'state-dir': { type: 'string' }, inventory: { type: 'string' }, hosts: { type: 'string' } },
  });
  const stateDir = values['state-dir']!;
  let lab: LabHosts | undefined;
  let stopping: Promise<void> | undefined;
  // A stop asked for while the hosts are still starting waits until they are all up (or the start failed).
  let stopAsked: string | undefined;
  const stop = (why: string): Promise<void> => {
    if (lab === undefined) {
      stopAsked ??= why;
      return Promise.resolve();
    }
    stopping ??= (async () => {
      log(`stopping (${why})`);
      const report = await lab!.stop();
      log(`stopped: ${JSON.stringify(report)}`);
      process.exit(0);
    })();
    return stopping;
  };
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => void stop(sig));
  // The launcher gone before the lab is up (Ctrl-C on `lab up`): nobody was told about this lab, so remove it.
  const orphaned = (): void => void stop('launcher went away');
  process.on('disconnect', orphaned);
  try {
    lab = await startLabHosts({
      count: Number(values.hosts),
      inventoryDir: values.inventory!,
      stateDir,
      keeperPid: process.pid,
    });
  } catch (error) {
    log(`start failed: ${(error as Error).message}`);
    send({ kind: 'error', message: (error as Error).message });
    process.exit(1);
  }
  if (stopAsked) return stop(stopAsked);
  log(`up: ${lab.hosts.length} hosts, lab ${lab.id}`);
  send({ kind: 'ready', state: readLabState(stateDir)! });
  process.off('disconnect', orphaned);
  // The child processes' pipes keep the event loop alive; this keeps it alive even if every host died.
  setInterval(() => undefined, 1 << 30);
}

function send(message: KeeperMessage): void {
  if (process.connected) process.send?.(message);
}

function log(text: string): void {
  process.stderr.write(`${new Date().toISOString()} lab-keeper[${process.pid}]: ${text}\n`);
}

await keep();
