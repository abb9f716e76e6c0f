import { SECRET_MASK, Secret } from '../transport/secret.js';

/**
 * Replaces every occurrence of each secret in `text` with `********`: the second line of defence for transcripts
 * and error output (the first is `Command.secret`, masked by construction). Longer secrets are replaced first, so
 * a secret that contains another is masked whole. Empty secrets are ignored.
 */
export function maskSecrets(text: string, secrets: readonly (Secret | string)[]): string {
  const values = [...new Set(secrets.map((s) => (s instanceof Secret ? s.reveal() : s)))]
    .filter((v) => v.length > 0)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const value of values) out = out.split(value).join(SECRET_MASK);
  return out;
}
