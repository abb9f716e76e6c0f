/**
 * What acp-play can tell about the run that left a safety net (a checkpoint, a config session, a backup) on a
 * device: `self` (this run), `alive` (another run still running), `dead` (its process is gone), `unknown` (it ran on
 * another machine, or left no tag).
 */
export type RunStatus = 'self' | 'alive' | 'dead' | 'unknown';

/**
 * This run as it names the safety nets it leaves on devices: the run id goes into every name
 * (`acp-play-<runId>-<n>`), and `tag` into descriptions where the device keeps one, so a later run can tell whether
 * the run behind a leftover is still alive.
 */
export interface RunIdentity {
  readonly runId: string;
  /** `acp-play run <runId> host <machine> pid <pid>`. */
  readonly tag: string;
  /** What can be told about the run that wrote `tag` (or named a safety net with `runId`). */
  statusOf(found: { readonly runId: string; readonly tag?: string }): RunStatus;
}
