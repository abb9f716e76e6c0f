import { SECRET_MASK, Secret } from '../transport/secret.js';

/**
 * Replaces every occurrence of each secret in `text` with `********`: the last line of defence on every writer of a
 * run (its terminal output, JSON, plan file and run record; the first is `Command.secret`, masked by construction).
 * Longer secrets are replaced first, so a secret that contains another is masked whole. Empty secrets are ignored.
 */
export function maskSecrets(text: string, secrets: readonly (Secret | string)[]): string {
  return secretMasker(secrets)(text);
}

/** A masking function for a fixed set of secrets (what a run's writers share). */
export function secretMasker(secrets: readonly (Secret | string)[]): (text: string) => string {
  const values = [...new Set(secrets.map((s) => (s instanceof Secret ? s.reveal() : s)))]
    .filter((v) => v.length > 0)
    .sort((a, b) => b.length - a.length);
  if (values.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const value of values) if (out.includes(value)) out = out.split(value).join(SECRET_MASK);
    return out;
  };
}
