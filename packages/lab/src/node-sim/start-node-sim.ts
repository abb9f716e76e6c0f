import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ssh2 from 'ssh2';
import { fingerprint } from 'acp-play/transport/host-key.js';
import { generateEd25519Key } from '../ed25519-key.js';
import { STATE_ENV } from './fake-nmstatectl-env.js';
import { runFakeNmstatectl, type FakeRun } from './fake-nmstatectl.js';
import { expireCheckpoints } from './nmstate-sim-checkpoints.js';
import { readNodeState, withNodeState, writeNodeState } from './node-state-file.js';
import { nicDefaults } from './nmstate-sim-defaults.js';
import type { SimLldpPeer } from './nmstate-sim-lldp.js';
import { baseNodeState, simMac, type SimNodeState } from './nmstate-sim-state.js';
import { startNodeSshServer } from './node-sim-server.js';

const { utils } = ssh2;

/** Options of {@link startNodeSim}. */
export interface NodeSimOptions {
  /** Node name: the hostname nmstate reports and the seed of its MAC addresses. */
  readonly name: string;
  /** Position in the site (picks the management address); default 0. */
  readonly index?: number;
  /** The node's folder: state.json, bin/ (nmstatectl, busctl), the commands' working directory. Created if missing. */
  readonly dir: string;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (a free port). */
  readonly port?: number;
  /** OpenSSH private key text; default a fresh ed25519 key. */
  readonly hostKey?: string;
  readonly username: string;
  /** OpenSSH public key lines accepted for publickey login. */
  readonly publicKeys: readonly string[];
  /** How often the simulated NetworkManager looks for checkpoints past their timeout; default 1000 ms. */
  readonly rollbackCheckMs?: number;
  readonly onExec?: (command: string) => void;
  /**
   * The lab's cabling, per NIC: what LLDP hears there. Written into the state at every start (it is the wiring, not
   * the node's configuration); each cabled NIC exists, with NetworkManager's LLDP listener on (`lldp.enabled`).
   */
  readonly lldpNeighbors?: Readonly<Record<string, SimLldpPeer>>;
}

/** A running node simulator. */
export interface NodeSimHandle {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly dir: string;
  readonly statePath: string;
  /** `ssh-ed25519 AAAA…` (as in a known_hosts line). */
  readonly hostKeyPublic: string;
  /** `SHA256:…`. */
  readonly fingerprint: string;
  /** The node's state as the fake nmstatectl sees it now. */
  state(): SimNodeState;
  /** Replaces the node's state (tests and drift made behind the tool's back). */
  setState(state: SimNodeState): void;
  /** Re-cables the node: what its NICs hear over LLDP from now on. */
  rewire(neighbors: Readonly<Record<string, SimLldpPeer>>): void;
  close(): Promise<void>;
}

/**
 * The fake nmstatectl to run: its one-file bundle (npm run build), which starts faster, else the compiled module;
 * next to this module when running from dist/, else in the lab package's dist/.
 */
export function fakeNmstatectlScript(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const built = resolve(here, '..', '..', 'dist', 'node-sim');
  const candidates = [here, built].flatMap((dir) =>
    ['fake-nmstatectl.bundle.js', 'fake-nmstatectl-main.js'].map((name) => join(dir, name)),
  );
  const found = candidates.find((file) => existsSync(file));
  if (found === undefined)
    throw new Error(`the node simulator needs the compiled fake nmstatectl (in ${built}): run \`npm run build\``);
  return found;
}

const READ_STATE = /^nmstatectl show(?: [\w.-]+)*$/;

/**
 * `nmstatectl show [--json] [IFACE]` as one plain command line is answered in the simulator's process, by the same
 * function the fake nmstatectl runs on the same state file: the same output and exit status, without starting a
 * Node process per gather (about 60 ms of CPU each, which a real node spends on its own CPU, not the control
 * host's). Every other command line, and any with shell syntax, runs through /bin/sh and the fake.
 */
function answerReads(statePath: string): (command: string) => FakeRun | undefined {
  return (command) =>
    READ_STATE.test(command) ? runFakeNmstatectl(command.split(' ').slice(1), statePath) : undefined;
}

function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function writeWrappers(bin: string, statePath: string): void {
  mkdirSync(bin, { recursive: true });
  const script = fakeNmstatectlScript();
  const head = `#!/bin/sh\n# acp-play node simulator: a fake of this tool (see ${script}).\n${STATE_ENV}=${shq(statePath)}; export ${STATE_ENV}\n`;
  writeFileSync(join(bin, 'nmstatectl'), `${head}exec ${shq(process.execPath)} ${shq(script)} "$@"\n`);
  writeFileSync(join(bin, 'busctl'), `${head}exec ${shq(process.execPath)} ${shq(script)} --as-busctl "$@"\n`);
  chmodSync(join(bin, 'nmstatectl'), 0o755);
  chmodSync(join(bin, 'busctl'), 0o755);
}

/** Writes the lab's wiring into the node's state file. */
export function recable(statePath: string, node: string, wiring: Readonly<Record<string, SimLldpPeer>>): void {
  withNodeState(statePath, (state) => ({ state: cabled(state, node, wiring), result: undefined }));
}

/** The state with the lab's wiring: every cabled NIC present and listening for LLDP. */
function cabled(state: SimNodeState, node: string, wiring: Readonly<Record<string, SimLldpPeer>>): SimNodeState {
  const interfaces = [...state.interfaces];
  for (const nic of Object.keys(wiring)) {
    const at = interfaces.findIndex((i) => i.name === nic);
    const iface = at >= 0 ? interfaces[at]! : nicDefaults(nic, simMac(node, nic));
    const withLldp = { ...iface, lldp: { enabled: true } };
    if (at >= 0) interfaces[at] = withLldp;
    else interfaces.push(withLldp);
  }
  return { ...state, interfaces, lldp: { ...wiring } };
}

/**
 * Starts one simulated node: an SSH server whose commands run in a real shell with a fake nmstatectl and busctl
 * first on PATH, over a state file (kept when it already exists, so a restarted simulator keeps its node's state).
 */
export async function startNodeSim(opts: NodeSimOptions): Promise<NodeSimHandle> {
  const dir = resolve(opts.dir);
  const bin = join(dir, 'bin');
  const statePath = join(dir, 'state.json');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(statePath)) writeNodeState(statePath, baseNodeState(opts.name, opts.index ?? 0));
  if (opts.lldpNeighbors) recable(statePath, opts.name, opts.lldpNeighbors);
  writeWrappers(bin, statePath);
  const hostKey = opts.hostKey ?? generateEd25519Key(`acp-play node simulator ${opts.name}`).privateKey;
  const parsed = utils.parseKey(hostKey);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error)
    throw new Error(`node simulator host key: ${key instanceof Error ? key.message : 'no key'}`);
  const blob = key.getPublicSSH();
  const host = opts.host ?? '127.0.0.1';
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`,
    HOME: dir,
    LANG: 'C.UTF-8',
    USER: opts.username,
    LOGNAME: opts.username,
    [STATE_ENV]: statePath,
  };
  const server = await startNodeSshServer({
    host,
    port: opts.port ?? 0,
    hostKey,
    username: opts.username,
    publicKeys: opts.publicKeys,
    cwd: dir,
    env,
    answer: answerReads(statePath),
    ...(opts.onExec ? { onExec: opts.onExec } : {}),
  });
  // NetworkManager rolls an expired checkpoint back by itself, whether or not anyone runs nmstatectl.
  const timer = setInterval(() => {
    try {
      const now = Date.now();
      if (!readNodeState(statePath).checkpoints.some((c) => c.deadline <= now)) return;
      withNodeState(statePath, (state) =>
        expireCheckpoints(state, now).length > 0 ? { state, result: undefined } : { result: undefined },
      );
    } catch {
      // a half-written file or a removed folder: look again next time
    }
  }, opts.rollbackCheckMs ?? 1_000);
  timer.unref();
  return {
    name: opts.name,
    host,
    port: server.port,
    dir,
    statePath,
    hostKeyPublic: `${key.type} ${blob.toString('base64')}`,
    fingerprint: fingerprint(blob),
    state: () => readNodeState(statePath),
    setState: (state) => withNodeState(statePath, () => ({ state, result: undefined })),
    rewire: (neighbors) => recable(statePath, opts.name, neighbors),
    close: async () => {
      clearInterval(timer);
      await server.close();
    },
  };
}
