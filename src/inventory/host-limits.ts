import { ConfigError } from '../core/errors.js';

/** How many hosts one range (`node[1:5000]`) and one inventory may name, and the variables that change it. */
export interface HostLimits {
  readonly perRange: number;
  readonly perInventory: number;
  /** The environment variable that sets `perRange` (named in messages). */
  readonly variable: string;
  /** The environment variable that sets `perInventory`. */
  readonly inventoryVariable: string;
}

/** Defaults: a range is for a rack or a fleet of edge sites, not a typo such as `node[1:1000000000]`. */
export const DEFAULT_HOST_LIMITS = { perRange: 10_000, perInventory: 100_000 } as const;

const RANGE_VARIABLE = 'ACP_PLAY_MAX_RANGE_HOSTS';
const INVENTORY_VARIABLE = 'ACP_PLAY_MAX_HOSTS';

/**
 * The host limits in force: the defaults, or `ACP_PLAY_MAX_RANGE_HOSTS` / `ACP_PLAY_MAX_HOSTS` from the environment
 * (a whole number from 1 to 10,000,000). A bad value is a ConfigError naming the variable.
 */
export function hostLimits(env: NodeJS.ProcessEnv = process.env): HostLimits {
  return {
    perRange: limitFrom(env, RANGE_VARIABLE, DEFAULT_HOST_LIMITS.perRange),
    perInventory: limitFrom(env, INVENTORY_VARIABLE, DEFAULT_HOST_LIMITS.perInventory),
    variable: RANGE_VARIABLE,
    inventoryVariable: INVENTORY_VARIABLE,
  };
}

function limitFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 10_000_000) {
    throw new ConfigError({
      severity: 'error',
      message: `environment variable ${name}=${JSON.stringify(text)} is not a host count`,
      fix: `set ${name} to a whole number from 1 to 10000000, or unset it for the default (${fallback})`,
    });
  }
  return value;
}
