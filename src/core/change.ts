/**
 * The values a plan is made of. Plans are pure data (JSON-serialisable): the dry run prints them and the apply
 * sends exactly their commands.
 */

/** One command sent to a device, as a value. A secret command is printed masked but sent as written. */
export interface Command {
  readonly text: string;
  readonly secret?: boolean;
}

export type ChangeAction = 'create' | 'update' | 'delete';

/** One unit of drift on one resource (an interface, a VLAN, a port, a file). */
export interface Change {
  /** What is changed, in the device's terms: `Ethernet1/7`, `vlan 2003`, `bridge2003`. */
  readonly resource: string;
  readonly action: ChangeAction;
  /** Human diff for the change board: `allowed: +2006 -2004`, or a YAML before/after. */
  readonly diff: string;
  /** The exact commands that apply this change, in order. Empty for drivers that apply a whole document. */
  readonly commands: readonly Command[];
  /**
   * One line for a summary table when `diff` is long (an nmstate interface: `linux-bridge, STP off, port
   * enp4s0f0.2003`); without it, reports shorten `diff` themselves.
   */
  readonly summary?: string;
  /** VLAN ids this change adds to and removes from the resource (a trunk's allowed set), for pictures of the site. */
  readonly vlans?: { readonly added: readonly number[]; readonly removed: readonly number[] };
}

/**
 * Why an object the inventory does not have stays as it is: `unmanaged` (acp-play cannot prove it created it) or
 * `kept` (acp-play created it, and the task's `prune: false` keeps it).
 */
export type LeftAlone = 'unmanaged' | 'kept';

/** Result of planning one resource that needs no change: a no-op with a reason. */
export interface InSync {
  readonly resource: string;
  readonly reason: string;
  /** Set for an object outside the inventory that the plan leaves alone on purpose: plans show these. */
  readonly leftAlone?: LeftAlone;
}

/**
 * A change the plan keeps back on purpose, with why: a switch port the cabling check found cabled to another device
 * than the inventory says. It is not applied, the rest of the task is, and the task fails (exit 1).
 */
export interface Held {
  readonly resource: string;
  readonly reason: string;
}

export function command(text: string, secret = false): Command {
  return secret ? { text, secret } : { text };
}

/** Text of a command for display: secrets masked by construction. */
export function displayCommand(cmd: Command): string {
  return cmd.secret ? '********' : cmd.text;
}
