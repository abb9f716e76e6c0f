import { levenshtein as editDistance } from '../core/did-you-mean.js';
import { shapeOf } from './value-shape.js';

/**
 * Top-level host variables are free-form (they feed Ansible-style templates), so an unknown top-level key is not
 * an error by itself. A misspelt acp-play key would silently do nothing, though, so a key is reported when it is
 * both spelt like an acp-play key and shaped like its value:
 *
 * - `site`, `node`, `switch`: distance <= 2 (<= 1 for the four-letter ones) and the value is a mapping;
 * - connection keys: distance <= 2 (<= 1 for `port` and `user`) and the value is a scalar.
 *
 * Plurals (`nodes`, `switches`, `ports`, `users`, `sites`) and Ansible's own `ansible_*` variables are never
 * reported: `nodes: [node0, node1]` is a perfectly good template variable.
 */
const STRUCTURED_KEYS = ['site', 'node', 'switch'] as const;
const CONNECTION_KEYS = ['address', 'port', 'user', 'platform', 'password', 'password_env', 'become'] as const;

function isPlural(word: string, key: string): boolean {
  return word === `${key}s` || word === `${key}es`;
}

function closest(word: string, keys: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const key of keys) {
    if (isPlural(lower, key)) return undefined;
    const limit = key.length <= 4 ? 1 : 2;
    const distance = editDistance(lower, key);
    if (distance <= limit && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/** The acp-play key a top-level variable looks like a misspelling of, or undefined when it is a plain variable. */
export function findKeyTypo(name: string, value: unknown): string | undefined {
  if (name.startsWith('ansible_')) return undefined;
  if ((STRUCTURED_KEYS as readonly string[]).includes(name) || (CONNECTION_KEYS as readonly string[]).includes(name)) {
    return undefined;
  }
  const shape = shapeOf(value);
  if (shape === 'map') return closest(name, STRUCTURED_KEYS);
  if (shape === 'string' || shape === 'integer' || shape === 'boolean') return closest(name, CONNECTION_KEYS);
  return undefined;
}
