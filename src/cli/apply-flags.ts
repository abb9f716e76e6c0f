import type { FleetFlags } from './fleet-options.js';
import type { RunFlags } from './run-options.js';

/** The flags of `acp-play apply`. */
export interface ApplyFlags extends RunFlags, FleetFlags {
  readonly check?: boolean;
  readonly diff?: boolean;
  readonly yes?: boolean;
}
