import { BridgeMirror } from './bridge-mirror.js';
import type { PortRules } from './model/port-rules.js';
import { portKind } from './model/port-names.js';
import { blankPort, cloneSimState, emptySimState, type SimSwitchState } from './model/switch-model.js';
import type { LldpNeighbor, SimOptions, SimPlatformId } from './sim-types.js';

/** A pending automatic revert (EOS `commit timer`, IOS `configure terminal revert timer`). */
export interface PendingRevert {
  /** The running config to go back to. */
  readonly previous: SimSwitchState;
  /** EOS: the session whose commit awaits confirmation. */
  readonly session?: string;
  /** When it fires, in wall-clock ms (already scaled). */
  readonly firesAt: number;
  readonly timer: NodeJS.Timeout;
}

/** An NX-OS user checkpoint. */
export interface Checkpoint {
  readonly state: SimSwitchState;
  readonly createdAt: Date;
  readonly user: string;
  /** `checkpoint NAME description TEXT` (NX-OS: up to 80 characters). */
  readonly description?: string;
}

/** An EOS configuration session: the staged copy of the running config. */
export interface ConfigSession {
  state: SimSwitchState;
  status: 'pending' | 'pendingCommitTimer';
}

/**
 * The switch behind the simulator, shared by all its connections: running and startup config, the safety features'
 * state (NX-OS checkpoints, EOS sessions, IOS revert timer), what LLDP hears, and device timers scaled by
 * `timeScale`. Every change of the running config goes through `setRunning`, which feeds the data-plane mirror.
 */
export class SimDevice {
  readonly platform: SimPlatformId;
  running: SimSwitchState;
  startup: SimSwitchState;
  readonly checkpoints = new Map<string, Checkpoint>();
  readonly sessions = new Map<string, ConfigSession>();
  pendingRevert: PendingRevert | undefined;
  readonly mirror: BridgeMirror | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** True until the startup-config has been replayed: the mirror starts from the booted state. */
  private booting = true;

  constructor(
    readonly opts: SimOptions,
    readonly rules: PortRules,
    bootPorts: readonly string[],
  ) {
    this.platform = opts.platform;
    this.lldpTable = opts.lldpNeighbors ?? {};
    this.running = emptySimState({ hostname: opts.hostname, lldp: opts.platform === 'arista_eos' });
    for (const name of opts.config === undefined ? bootPorts : []) this.addHardwarePort(this.running, name);
    this.startup = cloneSimState(this.running);
    this.mirror = opts.mirror ? new BridgeMirror(opts.mirror, rules) : undefined;
  }

  get hostname(): string {
    return this.running.hostname;
  }

  /** A front-panel or management port as the hardware has it, unconfigured. */
  addHardwarePort(state: SimSwitchState, name: string): void {
    const kind = portKind(this.platform, name) ?? 'ethernet';
    const isl = this.platform === 'cisco_ios' && kind === 'ethernet' && (this.opts.islCapable ?? false);
    state.ports.set(name, blankPort(name, kind, this.rules.defaultSwitchport(kind, state), isl));
  }

  /** Ends booting: the replayed startup-config becomes running and startup; the mirror starts from it. */
  booted(state: SimSwitchState): void {
    this.running = cloneSimState(state);
    this.startup = cloneSimState(state);
    this.booting = false;
    this.mirror?.start(this.running);
  }

  /** Replaces the running config; the mirror programs the difference. */
  setRunning(next: SimSwitchState): void {
    const before = this.running;
    this.running = cloneSimState(next);
    if (!this.booting) this.mirror?.sync(before, this.running);
  }

  /** What LLDP hears, per port: the lab's cabling, from the options until the lab re-cables the switch. */
  lldpTable: Readonly<Record<string, LldpNeighbor>>;

  /** What LLDP hears on `port`. */
  lldpNeighbor(port: string): LldpNeighbor | undefined {
    return this.lldpTable[port];
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
  armRevert(deviceSeconds: number, previous: SimSwitchState, session?: string): void {
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

  /** Reverts a pending change at once (with ignoreRollback: forgets it and keeps the change). */
  revertNow(): boolean {
    const pending = this.pendingRevert;
    if (!pending) return false;
    this.cancel(pending.timer);
    this.pendingRevert = undefined;
    if (pending.session !== undefined) this.sessions.delete(pending.session);
    if (!this.opts.ignoreRollback) this.setRunning(pending.previous);
    return true;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
