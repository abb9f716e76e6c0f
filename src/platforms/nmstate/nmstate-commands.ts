import { shellQuote } from '../../transport/shell-quote.js';

/**
 * The commands the nmstate module sends, as data (so the unit tests' fake node answers them by text). nmstatectl
 * 2.2 prints its log on stderr, the applied state on stdout; `--no-commit` leaves a NetworkManager checkpoint open
 * and names it in the log line `Skipping commit for checkpoint /org/freedesktop/NetworkManager/Checkpoint/N`.
 */
export const nmstateCommands = {
  /**
   * The whole state. nmstatectl 2.2.62's `show IFNAME` takes ONE exact name (no list, no glob; checked in its
   * source, query.rs) and retrieves everything anyway, so the module reads it all once and filters in memory.
   */
  show: (nmstatectl: string): string => `${nmstatectl} show --json`,
  /** Applies `file` under a checkpoint that NetworkManager rolls back by itself after `timeoutS`; removes the file. */
  applyNoCommit: (nmstatectl: string, file: string, timeoutS: number): string =>
    `${nmstatectl} apply --no-commit --timeout ${timeoutS} ${shellQuote(file)}; rc=$?; rm -f ${shellQuote(file)}; exit $rc`,
  commit: (nmstatectl: string, checkpoint: string): string => `${nmstatectl} commit ${shellQuote(checkpoint)}`,
  rollback: (nmstatectl: string, checkpoint: string): string => `${nmstatectl} rollback ${shellQuote(checkpoint)}`,
  /** NetworkManager's open checkpoints (nmstatectl has no command to list them). Prints `ao N "path"...`. */
  checkpoints:
    'busctl --system get-property org.freedesktop.NetworkManager /org/freedesktop/NetworkManager org.freedesktop.NetworkManager Checkpoints',
  /** Proves a new connection works: one round trip that touches nothing. */
  alive: 'echo acp-play-alive',
} as const;

const CHECKPOINT = /\/org\/freedesktop\/NetworkManager\/Checkpoint\/\d+/g;

/** Checkpoint paths found in a text (busctl output, nmstatectl's log), in order. */
export function findCheckpoints(text: string): string[] {
  return text.match(CHECKPOINT) ?? [];
}

/** Temp path of the uploaded desired state (mode 0600; removed by the apply command itself). */
export function desiredTempPath(runId: string, node: string): string {
  return `/tmp/acp-play-${runId}-${node.replace(/[^A-Za-z0-9_.-]/g, '_')}.nmstate.yaml`;
}
