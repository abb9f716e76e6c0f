import { isPlainObject } from './combine-vars.js';

/** What a secret prints as. */
export const MASK = '********';

/**
 * A variable holding a secret: `password`, `ansible_password`, `ansible_ssh_pass`, `ansible_become_password`, any
 * `*_pass`, `*_secret`.
 */
export function isSecretVarName(name: string): boolean {
  return /(^|_)(pass|passwd|password|secret)$/i.test(name);
}

/** A copy of `value` with every secret-named entry, at any depth, replaced by {@link MASK}. */
export function maskSecretVars(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecretVars);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      isSecretVarName(key) && inner !== null && inner !== undefined ? MASK : maskSecretVars(inner),
    ]),
  );
}
