/**
 * The one background process of the default lab (`acp-play lab up`): it runs the switch simulator and every node
 * simulator, writes lab.json, tells its launcher over IPC, and runs until SIGTERM (`acp-play lab down`), SIGINT or
 * SIGHUP. Run as `node site-lab-keeper.js --dir DIR --inventory DIR --nodes N --platform P [--switch-settings
 * JSON]` with an IPC channel.
 */
import { parseArgs } from 'node:util';
import type { SimPlatformId } from '../sim/sim-types.js';
import { ENABLE_SECRET_ENV, type LabSwitchSettings } from './lab-switch.js';
import { serveLabControl } from './site-lab-control.js';
import { writeSiteLabState, type SiteLabState } from './site-lab-state.js';
import { startSiteLab, type SiteLab } from './start-site-lab.js';

/** Messages the keeper sends to its launcher. */
export type SiteKeeperMessage =
  { readonly kind: 'ready'; readonly state: SiteLabState } | { readonly kind: 'error'; readonly message: string };

function log(text: string): void {
  process.stderr.write(`${new Date().toISOString()} site-lab-keeper[${process.pid}]: ${text}\n`);
}

function send(message: SiteKeeperMessage): void {
  if (process.connected) process.send?.(message);
}

async function keep(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      inventory: { type: 'string' },
      nodes: { type: 'string' },
      platform: { type: 'string' },
      'switch-settings': { type: 'string' },
    },
  });
  let lab: SiteLab | undefined;
  let stopAsked = false;
  const stop = async (why: string): Promise<void> => {
    if (!lab) {
      stopAsked = true;
      return;
    }
    log(`stopping (${why})`);
    await lab.close();
    process.exit(0);
  };
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => void stop(sig));
  const orphaned = (): void => void stop('launcher went away');
  process.on('disconnect', orphaned);
  try {
    lab = await startSiteLab({
      dir: values.dir!,
      inventoryDir: values.inventory!,
      nodes: Number(values.nodes),
      platform: values.platform as SimPlatformId,
      switchSettings: {
        ...(values['switch-settings'] ? (JSON.parse(values['switch-settings']) as LabSwitchSettings) : {}),
        ...(process.env[ENABLE_SECRET_ENV] !== undefined ? { enableSecret: process.env[ENABLE_SECRET_ENV] } : {}),
      },
      keeperPid: process.pid,
    });
    writeSiteLabState(values.dir!, lab.state);
    const running = lab;
    let state = lab.state;
    // `lab stop NODE` / `lab start NODE`: a node going away and coming back, for fault drills.
    await serveLabControl(values.dir!, async (request) => {
      if (request.action === 'wire') {
        running.rewire(request.miswire);
        log(
          `wired: ${
            Object.entries(request.miswire)
              .map(([p, n]) => `${p}=${n.systemName}:${n.portId}`)
              .join(' ') || 'as the site says'
          }`,
        );
        return;
      }
      if (request.action === 'stop') await running.stopNode(request.device);
      else if (request.action === 'start') await running.startNode(request.device);
      else throw new Error(`unknown action ${String(request.action)}`);
      log(`${request.action} ${request.device}`);
      const stopped = request.action === 'stop';
      state = { ...state, devices: state.devices.map((d) => (d.name === request.device ? { ...d, stopped } : d)) };
      writeSiteLabState(values.dir!, state);
    });
  } catch (error) {
    log(`start failed: ${(error as Error).stack ?? String(error)}`);
    send({ kind: 'error', message: (error as Error).message });
    process.exit(1);
  }
  if (stopAsked) return stop('asked while starting');
  log(`up: lab ${lab.state.id}, ${lab.state.devices.map((d) => `${d.name}:${d.port}`).join(' ')}`);
  send({ kind: 'ready', state: lab.state });
  process.off('disconnect', orphaned);
}

await keep();
