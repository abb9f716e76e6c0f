import {
  cloneSwitchState,
  defaultPortState,
  emptySwitchState,
  type SwitchState,
} from '../../platforms/switch-state.js';
import { BridgeMirror } from './bridge-mirror.js';
import { normaliseSimState, parseSimConfig } from './sim-state.js';
import type { SimOptions, SimPlatformId } from './sim-types.js';

/** A pending automatic revert (EOS `commit timer`, IOS `configure terminal revert timer`). */
export interface PendingRevert {
  /** The running config to go back to. */
  readonly previous: SwitchState;
  /** EOS: the session whose commit awaits confirmation. */
  readonly session?: string;
  /** When it fires, in wall-clock ms (already scaled). */
  readonly firesAt: number;
  readonly timer: NodeJS.Timeout;
}

/** An NX-OS user checkpoint. */
export interface Checkpoint {
  readonly state: SwitchState;
  readonly createdAt: Date;
  readonly user: string;
}

/** An EOS configuration session: the staged copy of the running config. */
export interface ConfigSession {
  state: SwitchState;
  status: 'pending' | 'pendingCommitTimer';
}

/**
 * The switch behind the simulator, shared by all its connections: running and startup config, the safety features'
 * state (NX-OS checkpoints, EOS sessions, IOS archive and revert timer) and device timers scaled by `timeScale`.
 * Every change of the running config goes through `setRunning`, which normalises it the way the device stores it
 * and feeds the data-plane mirror.
 */
export class SimDevice {
  readonly platform: SimPlatformId;
  readonly hostname: string;
  running: SwitchState;
  startup: SwitchState;
  /** Physical ports (they exist from boot; `interface` cannot create others of their kind). */
  readonly physicalPorts: ReadonlySet<string>;
  readonly checkpoints = new Map<string, Checkpoint>();
  readonly sessions = new Map<string, ConfigSession>();
  /** IOS `archive` settings (`path`, `maximum`); revert timers need a path. */
  archive: { path?: string; maximum?: number } | undefined;
  /** IOS: VLANs are printed in the running-config only in VTP transparent mode. */
  readonly vtpTransparent: boolean;
  pendingRevert: PendingRevert | undefined;
  readonly mirror: BridgeMirror | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(readonly opts: SimOptions) {
    this.platform = opts.platform;
    this.hostname = opts.hostname;
    this.running = normaliseSimState(
      opts.config !== undefined ? parseSimConfig(opts.platform, opts.config) : defaultState(opts.platform),
    );
    this.startup = cloneSwitchState(this.running);
    this.physicalPorts = new Set(
      [...this.running.interfaces.keys()].filter((n) =>
        /^(Ethernet|GigabitEthernet|TenGigabitEthernet|FastEthernet|TwentyFiveGigE|FortyGigabitEthernet|HundredGigE|mgmt|Management)/.test(
          n,
        ),
      ),
    );
    const archivePath = opts.config && /^ *path\s+(\S+)/m.exec(opts.config.replace(/\r/g, ''));
    this.archive = archivePath ? { path: archivePath[1]! } : undefined;
    this.vtpTransparent = /^vtp mode (transparent|off)\b/m.test(opts.config ?? '');
    this.mirror = opts.mirror ? new BridgeMirror(opts.mirror) : undefined;
    this.mirror?.start(this.running);
  }

  /** Replaces the running config (normalised); the mirror programs the difference. */
  setRunning(next: SwitchState): void {
    const before = this.running;
    this.running = normaliseSimState(cloneSwitchState(next));
    this.mirror?.sync(before, this.running);
  }

  /** Runs `fn` after `deviceSeconds` of device time (scaled by timeScale). */
  schedule(deviceSeconds: number, fn: () => void): { timer: NodeJS.Timeout; firesAt: number } {
    const ms = Math.max(0, deviceSeconds * 1000 * (this.opts.timeScale ?? 1));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return { timer, firesAt: Date.now() + ms };
  }

  cancel(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  /** Starts a revert timer: when it fires, the running config goes back to `previous`. */
  armRevert(deviceSeconds: number, previous: SwitchState, session?: string): void {
    if (this.pendingRevert) this.cancel(this.pendingRevert.timer);
    const { timer, firesAt } = this.schedule(deviceSeconds, () => this.revertNow());
    this.pendingRevert = { previous, firesAt, timer, ...(session !== undefined ? { session } : {}) };
  }

  /** Confirms a pending revert (the change stays). Returns false when none was pending. */
  confirmRevert(): boolean {
    const pending = this.pendingRevert;
    if (!pending) return false;
    this.cancel(pending.timer);
    this.pendingRevert = undefined;
    if (pending.session !== undefined) this.sessions.delete(pending.session);
    return true;
  }

  /** Reverts a pending change at once. */
  revertNow(): boolean {
    const pending = this.pendingRevert;
    if (!pending) return false;
    this.cancel(pending.timer);
    this.pendingRevert = undefined;
    if (pending.session !== undefined) this.sessions.delete(pending.session);
    this.setRunning(pending.previous);
    return true;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/** An empty config with VLAN 1 and 48 front-panel ports (plus management), as a freshly booted switch. */
function defaultState(platform: SimPlatformId): SwitchState {
  const state = emptySwitchState();
  const names =
    platform === 'cisco_nxos'
      ? [...range48((i) => `Ethernet1/${i}`), 'mgmt0']
      : platform === 'arista_eos'
        ? [...range48((i) => `Ethernet${i}`), 'Management1']
        : [...range48((i) => `GigabitEthernet1/0/${i}`)];
  for (const name of names) {
    const port = defaultPortState(name);
    // N9K ports boot as Layer 3 (a bare interface: mode unknown to the parser) and shut; EOS ports are access
    // switchports; a Catalyst port prints nothing either (mode left unknown, as the IOS parser reads it).
    if (name.startsWith('Ethernet') && platform === 'arista_eos') port.mode = 'access';
    if (name.startsWith('Ethernet') && platform === 'cisco_nxos') port.shutdown = true;
    state.interfaces.set(name, port);
  }
  return state;
}

function* range48(name: (i: number) => string): Generator<string> {
  for (let i = 1; i <= 48; i++) yield name(i);
}
