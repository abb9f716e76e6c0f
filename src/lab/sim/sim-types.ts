import type { SwitchState } from '../../platforms/switch-state.js';

/** Platforms the device simulators speak. */
export type SimPlatformId = 'cisco_nxos' | 'arista_eos' | 'cisco_ios';

/** A login the simulator accepts. */
export interface SimUser {
  readonly username: string;
  /** Accepted for `password` (and `keyboard-interactive`) authentication. */
  readonly password?: string;
  /** OpenSSH public key lines (`ssh-ed25519 AAAA… comment`) accepted for `publickey` authentication. */
  readonly publicKeys?: readonly string[];
  /**
   * 15 = lands in privileged EXEC (`switch1#`), as an EOS/IOS `privilege 15` user does. Default: NX-OS 15
   * (network-admin
   * lands in `#`), EOS and IOS 1 (`switch1>`, then `enable`).
   */
  readonly privilege?: number;
}

/**
 * Data-plane mirror: after every change of a port's VLAN membership or shutdown state, the simulator programs a Linux
 * VLAN-filtering bridge with the same membership (`bridge vlan add|del ...`, `ip link set ... up|down`).
 */
export interface SimMirror {
  /** The VLAN-filtering bridge the mirrored ports belong to (informational; commands name the ports). */
  readonly bridge: string;
  /** Switch port (canonical name, `Ethernet1/3`) -> Linux interface (bridge port). */
  readonly ports: Readonly<Record<string, string>>;
  /** Runs one command (argv). Default: execFile without a shell. Calls are made one at a time, in order. */
  readonly run?: (argv: string[]) => Promise<void>;
}

/** Options of startSimulator. */
export interface SimOptions {
  readonly platform: SimPlatformId;
  readonly hostname: string;
  /** Initial running-config text (parsed with the project's parser); default: an empty config with 48 ports. */
  readonly config?: string;
  /** Default 0 (a free port). */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  readonly users: readonly SimUser[];
  /** OpenSSH private key text; default a fresh ed25519 key. */
  readonly hostKey?: string;
  /**
   * Multiplies device time (revert and commit timers): 1/60 makes a one-minute timer last one second. Default 1.
   */
  readonly timeScale?: number;
  /** A config command matching one of these is rejected with the platform's error text (fault injection). */
  readonly rejectCommands?: readonly RegExp[];
  /** The connection drops (no reply, no prompt) when a command matching this arrives. */
  readonly dropAfter?: RegExp;
  readonly mirror?: SimMirror;
  /** IOS `enable` asks for this password when set (`enable secret`). */
  readonly enableSecret?: string;
  /** Called with every line a client sends (after Enter), for tests and `lab sim --verbose`. */
  readonly onCommand?: (line: string) => void;
}

/** A running simulator. */
export interface SimulatorHandle {
  readonly port: number;
  readonly host: string;
  /** `ssh-ed25519 AAAA…` (key type and base64 blob, as in a known_hosts line). */
  readonly hostKeyPublic: string;
  /** OpenSSH fingerprint, `SHA256:…`. */
  readonly fingerprint: string;
  /** The running configuration as a SwitchState (a copy). */
  state(): SwitchState;
  /** The startup configuration (what `copy running-config startup-config` saved; a copy). */
  startupState(): SwitchState;
  /** `show running-config` text. */
  runningConfig(): string;
  /** Everything the device holds, JSON-friendly (running, startup, checkpoints, sessions, timers). */
  dumpState(): Record<string, unknown>;
  /** Errors from the mirror's commands so far. */
  mirrorErrors(): readonly string[];
  /** Waits until every mirror command issued so far has run. */
  mirrorIdle(): Promise<void>;
  /** Stops listening, ends every connection and cancels timers. */
  close(): Promise<void>;
}
