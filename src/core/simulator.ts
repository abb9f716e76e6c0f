/**
 * The contract of the lab's simulators (packages/lab, `simulator-list.ts` there): what starting one takes and gives.
 * Only types: the product never loads lab code.
 */

/** A login a simulator accepts. */
export interface SimulatorLogin {
  readonly username: string;
  readonly password?: string;
  /** OpenSSH public key lines (`ssh-ed25519 AAAA… comment`). */
  readonly publicKeys?: readonly string[];
  /** Switches: 15 lands in privileged EXEC (`switch1#`). */
  readonly privilege?: number;
}

export interface SimulatorOptions {
  /** The device's hostname (its prompts), or the node's name. */
  readonly hostname: string;
  readonly users: readonly SimulatorLogin[];
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (a free port). */
  readonly port?: number;
  /** OpenSSH private key text; default a fresh ed25519 key. */
  readonly hostKey?: string;
  /** A switch's initial running-config; default an empty config. */
  readonly config?: string;
  /** Multiplies device time (commit and revert timers); default 1. */
  readonly timeScale?: number;
  /** A node's folder (its state and tools); required by the node simulator. */
  readonly dir?: string;
  /** A node's position in the site (picks its management address); default 0. */
  readonly index?: number;
  /** Switches, fault and fidelity settings (see the lab's simulator options for each one's meaning). */
  readonly sshLegacy?: boolean;
  readonly ignoreRollback?: boolean;
  readonly islCapable?: boolean;
  readonly enableSecret?: string;
  readonly rejectCommands?: readonly RegExp[];
  /** What LLDP hears, per local port: the neighbour's system name and port. */
  readonly lldpNeighbors?: Readonly<Record<string, SimulatorLldpNeighbor>>;
}

/** An LLDP neighbour a switch simulator reports on one port. */
export interface SimulatorLldpNeighbor {
  readonly systemName: string;
  readonly portId: string;
  readonly chassisId?: string;
  readonly portDescription?: string;
  readonly systemDescription?: string;
}

/** A simulator that is running. */
export interface RunningSimulator {
  readonly host: string;
  readonly port: number;
  /** `ssh-ed25519 AAAA…` (as in a known_hosts line). */
  readonly hostKeyPublic: string;
  /** `SHA256:…`. */
  readonly fingerprint: string;
  /** Re-cables the device: what LLDP hears from now on, per switch port or node NIC (`acp-play lab wire`). */
  rewire?(neighbors: Readonly<Record<string, SimulatorLldpNeighbor>>): void;
  close(): Promise<void>;
}

export type StartSimulator = (opts: SimulatorOptions) => Promise<RunningSimulator>;

/** Imports a platform's simulator on demand and returns how to start it. */
export type SimulatorLoader = () => Promise<StartSimulator>;
