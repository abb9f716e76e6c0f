import { connect } from 'node:net';
import type { SiteLabDevice, SiteLabState } from './site-lab-state.js';
import { isKeeper } from './site-lab-launch.js';

/** One device's liveness: does its port answer with an SSH banner. */
export interface SiteDeviceStatus {
  readonly device: SiteLabDevice;
  readonly answers: boolean;
  /** The banner (`SSH-2.0-…`) or why not. */
  readonly detail: string;
}

/** What `lab status` shows. */
export interface SiteLabStatus {
  readonly state: SiteLabState;
  readonly keeperRunning: boolean;
  readonly devices: readonly SiteDeviceStatus[];
  readonly healthy: boolean;
}

/** Connects to 127.0.0.1:port and reads the SSH identification line. */
export function probeSsh(port: number, timeoutMs = 2_000): Promise<{ answers: boolean; detail: string }> {
  return new Promise((done) => {
    const sock = connect({ host: '127.0.0.1', port });
    let buf = '';
    const finish = (answers: boolean, detail: string): void => {
      sock.destroy();
      done({ answers, detail });
    };
    sock.setTimeout(timeoutMs, () => finish(false, 'no banner (timeout)'));
    sock.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      const line = buf.split(/\r?\n/)[0] ?? '';
      if (buf.includes('\n')) finish(line.startsWith('SSH-'), line.trim());
    });
    sock.on('error', (e: NodeJS.ErrnoException) => finish(false, e.code ?? e.message));
  });
}

export async function siteLabStatus(state: SiteLabState): Promise<SiteLabStatus> {
  const keeperRunning = isKeeper(state.keeperPid);
  const devices = await Promise.all(
    state.devices.map(async (device) => ({ device, ...(await probeSsh(device.port)) })),
  );
  return { state, keeperRunning, devices, healthy: keeperRunning && devices.every((d) => d.answers) };
}
