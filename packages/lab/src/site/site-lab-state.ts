import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimPlatformId } from '../sim/sim-types.js';

/** One simulated device of a running site lab. */
export interface SiteLabDevice {
  readonly name: string;
  readonly role: 'switch' | 'node';
  /** `cisco_nxos` | `arista_eos` | `cisco_ios` for the switch, `nmstate` for nodes. */
  readonly platform: string;
  readonly port: number;
  readonly hostKeyPublic: string;
  readonly fingerprint: string;
  /** Nodes: the folder with state.json and the fake tools. */
  readonly dir?: string;
  /** Stopped by `acp-play lab stop` (and not started again). */
  readonly stopped?: boolean;
}

/** `<dir>/lab.json` of the default (simulated site) lab: what `lab status` and `lab down` need. */
export interface SiteLabState {
  readonly format: 'acp-play/lab-site@1';
  readonly id: string;
  readonly createdAt: string;
  /** The one background process that runs every simulator. */
  readonly keeperPid: number;
  readonly dir: string;
  readonly inventoryDir: string;
  /** Files written into inventoryDir (relative), removed by `lab down`. */
  readonly inventoryFiles: readonly string[];
  readonly platform: SimPlatformId;
  readonly keyFile: string;
  readonly devices: readonly SiteLabDevice[];
}

export const SITE_LAB_STATE_FILE = 'lab.json';
/** The keeper's own command-line marker (checked before a PID is signalled). */
export const KEEPER_MARKER = 'site-lab-keeper';

/** Reads `<dir>/lab.json` when it is a site lab's; undefined otherwise (none, or another kind of lab). */
export function readSiteLabState(dir: string): SiteLabState | undefined {
  const path = join(dir, SITE_LAB_STATE_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as SiteLabState;
    return state.format === 'acp-play/lab-site@1' ? state : undefined;
  } catch {
    return undefined;
  }
}

export function writeSiteLabState(dir: string, state: SiteLabState): void {
  const path = join(dir, SITE_LAB_STATE_FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
