import type { RunFlags } from './run-options.js';

/** The flags of `acp-play apply`. */
export interface ApplyFlags extends RunFlags {
  readonly check?: boolean;
  readonly diff?: boolean;
  readonly yes?: boolean;
}
