import type { SimPlatformId, SimSwitchState } from './model/switch-model.js';

export type { SimPlatformId } from './model/switch-model.js';

/** A login the simulator accepts. */
export interface SimUser {
  readonly username: string;
  /** Accepted for `password` (and `keyboard-interactive`) authentication. */
  readonly password?: string;
  /** OpenSSH public key lines (`ssh-ed25519 AAAA… comment`) accepted for `publickey` authentication. */
  readonly publicKeys?: readonly string[];
  /**
   * 15 = lands in privileged EXEC (`switch1#`); 1 = `switch1>` and `enable` first. Default: NX-OS and IOS 15 (a
   * network-admin role, an IOS `privilege 15` user), EOS 1 (EOS logins land at `>` unless `privilege 15`).
   */
  readonly privilege?: number;
}

/** What LLDP hears on one port: the neighbour's system name and port, as lldpd on a Linux node sends them. */
export interface LldpNeighbor {
  readonly systemName: string;
  /** Port ID TLV (subtype interface name for lldpd: the node's NIC name, `enp4s0f0`). */
  readonly portId: string;
  /** Chassis ID (a MAC, `5254.0012.3401`); default derived from the system name. */
  readonly chassisId?: string;
  readonly portDescription?: string;
  readonly systemDescription?: string;
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
  /**
   * Initial configuration, replayed line by line through the device's own CLI at boot (lines the device refuses
   * are skipped, as a switch does with a startup-config). Default: an empty config with 48 front-panel ports.
   */
  readonly config?: string;
  /** Default 0 (a free port). */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  readonly users: readonly SimUser[];
  /** OpenSSH private key text; default a fresh ed25519 key (an RSA key with sshLegacy). */
  readonly hostKey?: string;
  /**
   * Multiplies device time (revert and commit timers): 1/60 makes a one-minute timer last one second. Default 1.
   */
  readonly timeScale?: number;
  /**
   * A command matching one of these (a configuration line, or an exec command such as EOS's `configure session NAME
   * commit`) is rejected with the platform's error text (fault injection).
   */
  readonly rejectCommands?: readonly RegExp[];
  /** The connection drops (no reply, no prompt) when a command matching this arrives. */
  readonly dropAfter?: RegExp;
  readonly mirror?: SimMirror;
  /** `enable` asks for this password (`enable secret`); without it `enable` needs none. */
  readonly enableSecret?: string;
  /** Called with every line a client sends (after Enter), for tests and `lab sim --verbose`. */
  readonly onCommand?: (line: string) => void;
  /**
   * An old switch's SSH server: key exchange only `diffie-hellman-group14-sha1`, host key only `ssh-rsa` (SHA-1
   * signatures), so a client must allow both explicitly.
   */
  readonly sshLegacy?: boolean;
  /**
   * Fault injection: the rollback commands (NX-OS `rollback running-config checkpoint`, EOS `abort` of a timed
   * commit and the commit timer's expiry, IOS `configure revert now` and the revert timer's expiry) are accepted as
   * on the device and do nothing.
   */
  readonly ignoreRollback?: boolean;
  /** What LLDP hears, per local port (canonical name). */
  readonly lldpNeighbors?: Readonly<Record<string, LldpNeighbor>>;
  /**
   * IOS: the front-panel ports are ISL-capable (a Catalyst 3750/4500), so `switchport mode trunk` is refused until
   * `switchport trunk encapsulation dot1q`. Default false: a Catalyst 9000, whose ports know only 802.1Q.
   */
  readonly islCapable?: boolean;
}

/** A running simulator. */
export interface SimulatorHandle {
  readonly port: number;
  readonly host: string;
  /** `ssh-ed25519 AAAA…` (key type and base64 blob, as in a known_hosts line). */
  readonly hostKeyPublic: string;
  /** OpenSSH fingerprint, `SHA256:…`. */
  readonly fingerprint: string;
  /** The running configuration, in the simulator's own model (a copy). */
  state(): SimSwitchState;
  /** The startup configuration (what `copy running-config startup-config` saved; a copy). */
  startupState(): SimSwitchState;
  /** `show running-config` text. */
  runningConfig(): string;
  /** Everything the device holds, JSON-friendly (running, startup, checkpoints, sessions, timers). */
  dumpState(): Record<string, unknown>;
  /** Errors from the mirror's commands so far. */
  mirrorErrors(): readonly string[];
  /** Waits until every mirror command issued so far has run. */
  mirrorIdle(): Promise<void>;
  /** Re-cables the switch: what LLDP hears from now on, per port (the lab's `lab wire`). */
  rewire(neighbors: Readonly<Record<string, LldpNeighbor>>): void;
  /** Stops listening, ends every connection and cancels timers. */
  close(): Promise<void>;
}
