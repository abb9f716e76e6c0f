import { createHash } from 'node:crypto';
import type { Fingerprint } from '../core/run.js';

/**
 * JSON with object keys sorted, Maps as objects (keys sorted), Sets as sorted arrays and undefined left out: the same
 * value always gives the same text, whatever order it was built in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (value instanceof Map)
    return canonical(Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), v as unknown])));
  if (value instanceof Set)
    return [...value].map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const plain = (value as { toJSON?: () => unknown }).toJSON ? (value as { toJSON: () => unknown }).toJSON() : value;
    if (plain !== value) return canonical(plain);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const inner = (value as Record<string, unknown>)[key];
      if (inner !== undefined && typeof inner !== 'function') out[key] = canonical(inner);
    }
    return out;
  }
  return value;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Hashes a task's facts (resource -> value) into its fingerprint. */
export function fingerprintOf(facts: Readonly<Record<string, unknown>>): Fingerprint {
  const resources: Record<string, string> = {};
  for (const name of Object.keys(facts).sort()) resources[name] = sha256(canonicalJson(facts[name]));
  return { digest: sha256(canonicalJson(resources)), resources };
}

/** The resources whose facts differ between two fingerprints (changed, appeared or gone), sorted. */
export function movedResources(saved: Fingerprint, now: Fingerprint): string[] {
  if (saved.digest === now.digest) return [];
  const names = new Set([...Object.keys(saved.resources), ...Object.keys(now.resources)]);
  return [...names].filter((n) => saved.resources[n] !== now.resources[n]).sort();
}
