import { homedir } from 'node:os';
import { join } from 'node:path';
import { fingerprint, keyTypeOf, SUPPORTED_HOST_KEY_TYPES } from './host-key.js';
import {
  hostFieldMatches,
  knownHostsName,
  readKnownHostsFile,
  type KnownHostsEntry,
  type KnownHostsSkip,
} from './known-hosts-file.js';
import { appendKnownHostsLine, formatKnownHostsLine } from './known-hosts-write.js';
import { formatHostKeyRefusal, pinCommandFor } from './host-key-messages.js';
import type { HostKeyCheckResult, HostKeyTarget } from './host-key-types.js';
import type { HostKeyPolicy } from './ssh-target.js';

export { fingerprint, keyTypeOf } from './host-key.js';
export { knownHostsName, parseKnownHosts, type KnownHostsEntry, type KnownHostsSkip } from './known-hosts-file.js';
export { formatHostKeyRefusal } from './host-key-messages.js';
export type { HostKeyCheckResult, HostKeyTarget, PinnedKey } from './host-key-types.js';

/** `<inventory>/known_hosts`: where keyscan and `--accept-new` pin keys. */
export function inventoryKnownHostsFile(inventoryDir: string): string {
  return join(inventoryDir, 'known_hosts');
}

/** The files searched, in order: the inventory's own, then the user's. */
export function knownHostsFilesFor(target: HostKeyTarget): string[] {
  const user =
    target.userKnownHostsFile === undefined ? join(homedir(), '.ssh', 'known_hosts') : target.userKnownHostsFile;
  return user === null
    ? [inventoryKnownHostsFile(target.inventoryDir)]
    : [inventoryKnownHostsFile(target.inventoryDir), user];
}

/** Every entry (including `@revoked` ones) naming this host, in file order then line order. */
export function lookupHostKeys(files: readonly string[], host: string, port = 22): KnownHostsEntry[] {
  return scan(files, host, port).entries;
}

function scan(
  files: readonly string[],
  host: string,
  port: number,
): { entries: KnownHostsEntry[]; ignored: KnownHostsSkip[] } {
  const name = knownHostsName(host, port);
  const entries: KnownHostsEntry[] = [];
  const ignored: KnownHostsSkip[] = [];
  for (const file of files) {
    const parsed = readKnownHostsFile(file);
    entries.push(...parsed.entries.filter((e) => hostFieldMatches(e.hostField, name)));
    ignored.push(...parsed.skipped.filter((s) => s.hostField !== undefined && hostFieldMatches(s.hostField, name)));
  }
  return { entries, ignored };
}

/**
 * Strict host key checking. A revoked key is refused; a key matching any pinned entry is ok; a host with pinned
 * keys that presents another key has CHANGED (never downgraded to a warning); a host with no pinned key is
 * unknown, unless `acceptNew`, which pins it in the inventory's known_hosts (trust on first use).
 */
export function checkHostKey(
  target: HostKeyTarget,
  keyBlob: Buffer,
  opts: { acceptNew?: boolean } = {},
): HostKeyCheckResult {
  const port = target.port ?? 22;
  const { entries, ignored } = scan(knownHostsFilesFor(target), target.address, port);
  const print = fingerprint(keyBlob);
  const keyType = keyTypeOf(keyBlob) ?? 'unknown';
  const revoked = entries.find((e) => e.marker === 'revoked' && e.keyBlob.equals(keyBlob));
  if (revoked) return { status: 'revoked', fingerprint: print, keyType, file: revoked.file, line: revoked.line };
  const pinned = entries.filter((e) => e.marker === undefined);
  const match = pinned.find((e) => e.keyBlob.equals(keyBlob));
  if (match) return { status: 'ok', fingerprint: print, file: match.file, line: match.line };
  if (pinned.length > 0) {
    const expected = pinned.map((e) => ({
      file: e.file,
      line: e.line,
      keyType: e.keyType,
      fingerprint: fingerprint(e.keyBlob),
    }));
    return { status: 'changed', fingerprint: print, keyType, expected };
  }
  if (opts.acceptNew) {
    const file = inventoryKnownHostsFile(target.inventoryDir);
    const line = appendKnownHostsLine(file, formatKnownHostsLine(knownHostsName(target.address, port), keyBlob));
    return { status: 'ok', fingerprint: print, file, line, added: true };
  }
  return { status: 'unknown', fingerprint: print, keyType, pinCommand: pinCommandFor(target), ignored };
}

/**
 * The transport's HostKeyPolicy (ssh-target.ts) for one host: the pinned key types to restrict the handshake to,
 * and the check ssh2's hostVerifier calls. Also keeps the last verdict (to report keys added by `acceptNew`).
 */
export interface KnownHostsPolicy extends HostKeyPolicy {
  readonly lastResult: HostKeyCheckResult | undefined;
}

/** Builds the policy for one connection. Reads the known_hosts files now, so the handshake needs no I/O. */
export function createHostKeyPolicy(target: HostKeyTarget, opts: { acceptNew?: boolean } = {}): KnownHostsPolicy {
  const pinned = lookupHostKeys(knownHostsFilesFor(target), target.address, target.port ?? 22).filter(
    (e) => e.marker === undefined,
  );
  const types = [...new Set(pinned.map((e) => e.keyType))].filter((t) => SUPPORTED_HOST_KEY_TYPES.includes(t));
  let lastResult: HostKeyCheckResult | undefined;
  return {
    ...(types.length > 0 ? { hostKeyAlgorithms: types } : {}),
    hostKeyCheck(keyBlob) {
      lastResult = checkHostKey(target, keyBlob, opts);
      return lastResult.status === 'ok' ? true : formatHostKeyRefusal(lastResult, target);
    },
    get lastResult() {
      return lastResult;
    },
  };
}
