import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { keyTypeOf } from './host-key.js';

/** One usable key line of an OpenSSH known_hosts file. */
export interface KnownHostsEntry {
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  /** `revoked` for `@revoked` lines: the key must never be accepted for the hosts it names. */
  readonly marker?: 'revoked';
  /** The host field as written: a comma list of patterns, or one hashed name `|1|salt|hash`. */
  readonly hostField: string;
  readonly keyType: string;
  readonly keyBlob: Buffer;
}

/** A line that was not used, and why (malformed, unsupported marker). */
export interface KnownHostsSkip {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
  /** The host field, when the line had one (to tell a user why a host they listed is still unknown). */
  readonly hostField?: string;
}

/** A parsed known_hosts file. A missing file parses as empty. */
export interface KnownHostsFile {
  readonly file: string;
  readonly entries: readonly KnownHostsEntry[];
  readonly skipped: readonly KnownHostsSkip[];
}

/** The name known_hosts stores for a host: `host` on port 22, else `[host]:port` (lower case, as ssh does). */
export function knownHostsName(host: string, port = 22): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

export function readKnownHostsFile(file: string): KnownHostsFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file, entries: [], skipped: [] };
    throw error;
  }
  return parseKnownHosts(text, file);
}

export function parseKnownHosts(text: string, file: string): KnownHostsFile {
  const entries: KnownHostsEntry[] = [];
  const skipped: KnownHostsSkip[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(/\s+/);
    let marker: string | undefined;
    if (fields[0]?.startsWith('@')) marker = fields.shift();
    if (marker === '@cert-authority') {
      const reason = '@cert-authority line ignored: acp-play does not check host certificates; pin the host key itself';
      skipped.push({ file, line, reason, ...(fields[0] ? { hostField: fields[0] } : {}) });
      return;
    }
    if (marker !== undefined && marker !== '@revoked') {
      skipped.push({ file, line, reason: `unknown marker ${marker}` });
      return;
    }
    const [hostField, keyType, keyText] = fields;
    if (hostField === undefined || keyType === undefined || keyText === undefined) {
      skipped.push({ file, line, reason: 'expected: hosts key-type base64-key [comment]' });
      return;
    }
    const keyBlob = Buffer.from(keyText, 'base64');
    const blobType = keyTypeOf(keyBlob);
    if (blobType !== keyType) {
      const reason = blobType
        ? `key type field says ${keyType} but the key is ${blobType}`
        : `not a valid ${keyType} key`;
      skipped.push({ file, line, reason, hostField });
      return;
    }
    entries.push({ file, line, hostField, keyType, keyBlob, ...(marker ? { marker: 'revoked' as const } : {}) });
  });
  return { file, entries, skipped };
}

/** True when the hashed field `|1|salt|hash` was made from `name`. */
export function isHashedField(field: string): boolean {
  return field.startsWith('|');
}

/**
 * Does a host field name this host? `name` is {@link knownHostsName}'s output. Hashed fields compare
 * HMAC-SHA1(salt, name); plain fields are comma lists of patterns with `*`, `?` and negation `!` (a matching
 * negated pattern wins over any positive one, as in OpenSSH).
 */
export function hostFieldMatches(field: string, name: string): boolean {
  if (isHashedField(field)) return hashedFieldMatches(field, name);
  let positive = false;
  for (const pattern of field.toLowerCase().split(',')) {
    const negated = pattern.startsWith('!');
    if (matchGlob(negated ? pattern.slice(1) : pattern, name)) {
      if (negated) return false;
      positive = true;
    }
  }
  return positive;
}

function hashedFieldMatches(field: string, name: string): boolean {
  const [, magic, saltText, hashText] = field.split('|');
  if (magic !== '1' || saltText === undefined || hashText === undefined) return false;
  const salt = Buffer.from(saltText, 'base64');
  const expected = Buffer.from(hashText, 'base64');
  const actual = createHmac('sha1', salt).update(name).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Shell-style glob with `*` (any run) and `?` (one character), anchored at both ends. */
export function matchGlob(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const pc = pattern[p];
    if (pc === '*') {
      starP = p++;
      starT = t;
    } else if (pc !== undefined && (pc === '?' || pc === text[t])) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
