import type { Command } from 'commander';

/** The flags that pick a fleet's sites. */
export interface FleetFlags {
  readonly sites?: string;
  readonly shard?: string;
}

/** Adds --sites and --shard (kept apart from fleet-target.ts, so registering a command loads no fleet code). */
export function addFleetOptions(cmd: Command): Command {
  return cmd
    .option('--sites <globs>', 'fleet: only the sites (folder names) matching one of these comma-separated globs')
    .option('--shard <i/n>', 'fleet: only the sites of shard I of N (by a stable hash of the site name)');
}
