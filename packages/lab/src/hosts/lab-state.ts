import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One namespace host of a running lab, as recorded in lab.json. */
export interface LabHostState {
  /** Inventory name and hostname inside the namespace: `h1`, `h2`, ... */
  readonly name: string;
  /** Network namespace: `acp-<labid>-h<N>`. */
  readonly netns: string;
  /** Port of the socat forwarder on 127.0.0.1 in the root namespace. */
  readonly port: number;
  /** The host's sshd listener (inside the namespace, on its own 127.0.0.1:22). */
  readonly sshdPid: number;
  /** The forwarder in the root namespace. */
  readonly socatPid: number;
  /** This host's folder: sshd_config, host key, authorized_keys, sshd.log. */
  readonly dir: string;
  /** `ssh-ed25519 AAAA…` (the key pinned in the inventory's known_hosts). */
  readonly hostKeyPub: string;
}

/** The state file `<dir>/lab.json`: everything `lab down` needs to find and remove a lab started elsewhere. */
export interface LabState {
  readonly format: 'acp-play/lab-hosts@1';
  /** Short random id; part of every namespace name. */
  readonly id: string;
  readonly status: 'starting' | 'up';
  readonly createdAt: string;
  /** The process that owns (is the parent of) every sshd and socat, or undefined when they belong to a test. */
  readonly keeperPid?: number;
  /** Temp folder with every host's runtime files (removed on teardown). */
  readonly runtimeDir?: string;
  /** The inventory written for the lab. */
  readonly inventoryDir?: string;
  /** Namespaces created so far (also while starting, so a failed start can be cleaned). */
  readonly namespaces: readonly string[];
  readonly hosts: readonly LabHostState[];
}

export const LAB_STATE_FILE = 'lab.json';

export function labStatePath(dir: string): string {
  return join(dir, LAB_STATE_FILE);
}

/** Reads `<dir>/lab.json`; undefined when there is none. */
export function readLabState(dir: string): LabState | undefined {
  const path = labStatePath(dir);
  if (!existsSync(path)) return undefined;
  const state = JSON.parse(readFileSync(path, 'utf8')) as LabState;
  if (state.format !== 'acp-play/lab-hosts@1') throw new Error(`${path} is not an acp-play lab state file`);
  return state;
}

/** Writes the state atomically (a reader never sees half a file). */
export function writeLabState(dir: string, state: LabState): void {
  const path = labStatePath(dir);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

export function removeLabState(dir: string): void {
  rmSync(labStatePath(dir), { force: true });
}
