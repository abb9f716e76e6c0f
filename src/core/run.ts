import type { Change, Held, InSync } from './change.js';

/** Status of one host at the end of a run (Ansible recap vocabulary). */
export type HostStatus = 'unchanged' | 'changed' | 'failed' | 'unreachable' | 'skipped';

/** Planning result of one task on one host. */
export interface TaskPlan {
  readonly play: string;
  readonly task: string;
  readonly module: string;
  readonly changes: readonly Change[];
  readonly inSync: readonly InSync[];
  /** Changes kept back (a miswired port, with both ends named); the host fails after the rest is applied. */
  readonly held?: readonly Held[];
  /** Why the task does not run on this host (not applicable, host failed earlier). */
  readonly skipped?: string;
}

/** JSON-serialisable plan of one host. */
export interface HostPlan {
  readonly host: string;
  readonly tasks: TaskPlan[];
  readonly error?: string;
  readonly status: 'in-sync' | 'changes' | 'failed' | 'unreachable';
}

/** JSON-serialisable plan of a run: what `plan` prints and `--out` saves. */
export interface RunPlan {
  readonly format: 'acp-play/plan@1';
  readonly runId: string;
  readonly createdAt: string;
  readonly inventory: string;
  readonly playbook: string;
  readonly limit?: string;
  readonly hosts: HostPlan[];
  readonly summary: { readonly changes: number; readonly hostsWithChanges: number; readonly failed: number };
}

export interface TaskOutcome {
  readonly play: string;
  readonly task: string;
  readonly status: 'ok' | 'changed' | 'failed' | 'skipped';
  readonly changes: readonly Change[];
  readonly message?: string;
  readonly rolledBack?: boolean;
  readonly durationMs: number;
}

export interface HostOutcome {
  readonly host: string;
  status: HostStatus;
  readonly tasks: TaskOutcome[];
  error?: string;
  durationMs: number;
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
}

/** Everything a reporter is told. A discriminated union on `kind`. */
export type RunEvent =
  | { kind: 'run-start'; runId: string; mode: RunResult['mode']; hosts: number; plays: number }
  | { kind: 'play-start'; play: string; hosts: string[] }
  | { kind: 'play-skip'; play: string; reason: string }
  | { kind: 'host-start'; play: string; host: string }
  | { kind: 'task-start'; play: string; host: string; task: string }
  | { kind: 'task-note'; play: string; host: string; task: string; text: string }
  /** `planned`: from the planning pass (nothing was changed; `changed` means changes are planned). */
  | { kind: 'task-end'; play: string; host: string; outcome: TaskOutcome; planned?: boolean }
  | { kind: 'host-end'; play: string; host: string; status: HostStatus; error?: string; planned?: boolean }
  | { kind: 'batch-abort'; play: string; reason: string; notStarted: string[] }
  | { kind: 'interrupt' }
  | { kind: 'run-end'; result: RunResult };

export type RunEventKind = RunEvent['kind'];

/** A reporter handles every kind of event; the mapped type makes a missing case a compile error. */
export type RunEventHandlers = { [K in RunEventKind]: (event: Extract<RunEvent, { kind: K }>) => void };

export interface Reporter {
  emit(event: RunEvent): void;
  /** Flushes output (listr2 needs to finish its render). */
  close(): Promise<void>;
}
