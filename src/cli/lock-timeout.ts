import { ConfigError } from '../core/errors.js';

/** `--lock-timeout`: `90` or `90s` seconds, `10m` minutes, `1h`; 0 (the default) does not wait. Returns ms. */
export function parseLockTimeout(value: string | undefined): number {
  if (value === undefined) return 0;
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(value.trim());
  if (!m)
    throw new ConfigError({
      severity: 'error',
      message: `--lock-timeout ${value} is not a duration`,
      fix: 'e.g. --lock-timeout 90s, 10m or 1h',
    });
  const unit = m[2] === 'h' ? 3_600_000 : m[2] === 'm' ? 60_000 : 1_000;
  return Math.round(Number(m[1]) * unit);
}
