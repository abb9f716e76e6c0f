import type { SourceLocation } from './errors.js';

/** Modules a task may name. Each arrives with its driver; the playbook loader knows their argument keys. */
export type ModuleName = 'command' | 'file' | 'nmstate' | 'switch_vlans' | 'switch_ports';

/** One step of a play: a module and its arguments. */
export interface Task {
  readonly name: string;
  readonly module: ModuleName;
  readonly args: Readonly<Record<string, unknown>>;
  readonly tags: readonly string[];
  readonly location: SourceLocation;
}

/**
 * A batch size: a host count, or a percentage of the play's hosts (`"30%"`). A list of batch sizes works like
 * Ansible's `serial: [1, "50%"]`: the last entry repeats.
 */
export type SerialStep = { readonly count: number } | { readonly percent: number };

export interface Play {
  readonly name: string;
  /** Ansible host pattern (`switches`, `nodes:&site1`, `node*`). */
  readonly hosts: string;
  /** Absent: all hosts of the play at once (up to --forks). */
  readonly serial?: readonly SerialStep[];
  /** Abort the play when more than this share of its hosts failed (Ansible semantics); default 100 = never. */
  readonly maxFailPercentage: number;
  readonly tags: readonly string[];
  readonly tasks: readonly Task[];
  readonly location: SourceLocation;
}

export interface Playbook {
  readonly file: string;
  readonly plays: readonly Play[];
}
