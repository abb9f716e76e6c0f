/** Something a host keeps open for the whole run (its CLI session). */
export interface SessionResource {
  /** False once it broke below the CLI (a timeout, a closed channel): the next step opens a new one. */
  readonly isUsable: boolean;
  close(): Promise<void>;
}

/**
 * What one host keeps for the whole run, owned by the engine: one per host connection, reused by every step (the
 * plan and the apply, every task and play), and closed by the engine when the run ends.
 */
export interface HostSession {
  /** The host's session resource an earlier step opened, while it is usable; else the one `open` makes now. */
  reuse<T extends SessionResource>(open: () => Promise<T>): Promise<T>;
  /** 1, 2, 3, ...: numbers the host's safety nets (checkpoints, config sessions, backups) so no name repeats. */
  nextSequence(): number;
}
