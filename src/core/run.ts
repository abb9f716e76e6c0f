import type { Change, Held, InSync } from './change.js';

/**
 * Status of one host at the end of a run (Ansible recap vocabulary). `not-applied`: the run was interrupted before
 * every task planned for the host ran (the tasks list says which did).
 */
export type HostStatus = 'unchanged' | 'changed' | 'failed' | 'unreachable' | 'skipped' | 'not-applied';

/**
 * The pass of the apply a change runs in. `forward`: additions and updates, in play order (switch VLANs, trunks,
 * node bridges). `reverse`: removals (`action: 'delete'`), in reverse play order (node bridges first, VLAN
 * definitions last), so no change cuts traffic that is still wanted. See docs/change-window.md.
 */
export type ApplyPass = 'forward' | 'reverse';

/** A planned change, with the address that names it and the pass that applies it. */
export interface PlannedChange extends Change {
  /** `<host>/<module>/<resource>`, the same in every plan of the site: `switch1/switch_ports/Ethernet1/3`. */
  readonly address: string;
  readonly pass: ApplyPass;
}

/**
 * What a task gathered, reduced to what its plan depends on (timestamps, counters and timers left out) and hashed:
 * two gathers of an unchanged device give the same fingerprint.
 */
export interface Fingerprint {
  /** sha256 over every resource. */
  readonly digest: string;
  /** sha256 per resource, so a refusal names what moved. */
  readonly resources: Readonly<Record<string, string>>;
}

/** Planning result of one task on one host. */
export interface TaskPlan {
  readonly play: string;
  readonly task: string;
  readonly module: string;
  /** `<host>/<module>`, or `<host>/<module>/<target>` for a module with several targets per host (a file's path). */
  readonly address: string;
  readonly changes: readonly PlannedChange[];
  readonly inSync: readonly InSync[];
  /** Changes kept back (a miswired port, with both ends named); the host fails after the rest is applied. */
  readonly held?: readonly Held[];
  /** Why the task does not run on this host (not applicable, host failed earlier). */
  readonly skipped?: string;
  /**
   * The desired state the changes were planned from (JSON; the host object as `{"$host": name}`): what
   * `apply PLANFILE` runs the module with, instead of rendering again. Present when the task was planned.
   */
  readonly desired?: unknown;
  /** The whole document a document-based module writes (a Cumulus interfaces file), when it has changes. */
  readonly document?: string;
  /** What the task gathered; present when the task was planned. */
  readonly fingerprint?: Fingerprint;
}

/** JSON-serialisable plan of one host. `not-planned`: the run was interrupted before all its tasks were planned. */
export interface HostPlan {
  readonly host: string;
  readonly tasks: TaskPlan[];
  readonly error?: string;
  readonly status: 'in-sync' | 'changes' | 'failed' | 'unreachable' | 'not-planned';
}

/** sha256 of every input file a plan was made from, by path, so a refusal names the file that moved. */
export interface InputDigests {
  readonly inventory: Readonly<Record<string, string>>;
  readonly playbook: Readonly<Record<string, string>>;
  readonly templates: Readonly<Record<string, string>>;
}

/** One step of the apply order: one task of one play, in one pass, on the hosts that have changes in it. */
export interface OrderStep {
  readonly pass: ApplyPass;
  readonly play: string;
  readonly task: string;
  readonly hosts: readonly string[];
  readonly changes: number;
}

/** The plan format; `acp-play apply PLANFILE` reads only this one. */
export const PLAN_FORMAT = 'acp-play/plan@2';

/** JSON-serialisable plan of a run: what `plan` prints, `--json` writes and `--out` saves. */
export interface RunPlan {
  readonly format: typeof PLAN_FORMAT;
  /** The acp-play version that made the plan; another version refuses to apply it. */
  readonly toolVersion: string;
  readonly runId: string;
  readonly createdAt: string;
  readonly inventory: string;
  readonly playbook: string;
  readonly limit?: string;
  readonly tags?: readonly string[];
  readonly inputs: InputDigests;
  readonly hosts: HostPlan[];
  /** The order `apply` runs the changes in: the forward pass, then the reverse pass. */
  readonly order: readonly OrderStep[];
  /** Ctrl-C or SIGTERM stopped the planning: hosts not reached are `not-planned`, and the plan cannot be applied. */
  readonly interrupted: boolean;
  readonly summary: {
    readonly changes: number;
    readonly hostsWithChanges: number;
    readonly failed: number;
    readonly notPlanned: number;
  };
}

export interface TaskOutcome {
  readonly play: string;
  readonly task: string;
  readonly status: 'ok' | 'changed' | 'failed' | 'skipped';
  readonly changes: readonly Change[];
  readonly message?: string;
  /** The change was rolled back and the host, read again, matches its state before the run. */
  readonly rolledBack?: boolean;
  readonly durationMs: number;
  /** The apply pass the task ran in (absent in check mode and planning). */
  readonly pass?: ApplyPass;
}

export interface HostOutcome {
  readonly host: string;
  status: HostStatus;
  readonly tasks: TaskOutcome[];
  error?: string;
  durationMs: number;
}

/** Work that was still running when the run was abandoned (a third Ctrl-C): the device may be half-changed. */
export interface AbandonedWork {
  readonly host: string;
  readonly task: string;
  readonly phase: string;
  readonly since: string;
}

export interface RunResult {
  readonly format: 'acp-play/result@1';
  readonly runId: string;
  readonly mode: 'plan' | 'check' | 'apply';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly hosts: HostOutcome[];
  /** Hosts never started because an earlier batch failed or the run was interrupted. */
  readonly notStarted: string[];
  readonly interrupted: boolean;
  /** The plan file this run applied (`apply PLANFILE`). */
  readonly planFile?: string;
  /** Set only when the run was abandoned with work in flight. */
  readonly abandoned?: readonly AbandonedWork[];
}

/** Everything a reporter is told. A discriminated union on `kind`. */
export type RunEvent =
  | { kind: 'run-start'; runId: string; mode: RunResult['mode']; hosts: number; plays: number }
  | { kind: 'play-start'; play: string; hosts: string[]; pass?: ApplyPass }
  | { kind: 'play-skip'; play: string; reason: string }
  | { kind: 'host-start'; play: string; host: string }
  | { kind: 'task-start'; play: string; host: string; task: string }
  | { kind: 'task-note'; play: string; host: string; task: string; text: string }
  /** `planned`: from the planning pass (nothing was changed; `changed` means changes are planned). */
  | { kind: 'task-end'; play: string; host: string; outcome: TaskOutcome; planned?: boolean }
  | { kind: 'host-end'; play: string; host: string; status: HostStatus; error?: string; planned?: boolean }
  | { kind: 'batch-abort'; play: string; reason: string; notStarted: string[] }
  /** `count` 1: stop starting work; 2: still waiting for work in flight (listed); 3: abandoning it. */
  | { kind: 'interrupt'; count?: number; inFlight?: readonly AbandonedWork[] }
  | { kind: 'run-end'; result: RunResult };

export type RunEventKind = RunEvent['kind'];

/** A reporter handles every kind of event; the mapped type makes a missing case a compile error. */
export type RunEventHandlers = { [K in RunEventKind]: (event: Extract<RunEvent, { kind: K }>) => void };

export interface Reporter {
  emit(event: RunEvent): void;
  /** Flushes output (listr2 needs to finish its render). */
  close(): Promise<void>;
}
