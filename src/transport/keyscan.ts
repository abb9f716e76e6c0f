import ssh2 from 'ssh2';
import type { Algorithms } from 'ssh2';
import { explainNegotiationFailure } from './handshake-diagnosis.js';
import { HandshakeWatch } from './handshake-watch.js';
import { fingerprint, keyTypeOf } from './host-key.js';
import {
  hostFieldMatches,
  isHashedField,
  knownHostsName,
  readKnownHostsFile,
  type KnownHostsEntry,
} from './known-hosts-file.js';
import { appendKnownHostsLine, formatKnownHostsLine, replaceKnownHostsLines } from './known-hosts-write.js';
import { inventoryKnownHostsFile, knownHostsFilesFor, lookupHostKeys, type HostKeyTarget } from './known-hosts.js';
import { DEFAULT_HOST_ALGORITHMS, type HostAlgorithms } from './ssh-algorithms.js';

const { Client } = ssh2;

/**
 * Connects just far enough to receive the server's host key (the verifier captures it and refuses, so no
 * authentication is attempted) and returns the key blob. The handshake offers `offer` (the host's algorithm
 * settings; default acp-play's defaults), so a switch that needs SHA-1 is scanned only when the settings allow it,
 * and a failed negotiation is explained as for a connection. `algorithms` narrows which key type is asked for.
 */
export function scanHostKey(
  address: string,
  port = 22,
  opts: { timeoutMs?: number; algorithms?: readonly string[]; offer?: HostAlgorithms } = {},
): Promise<Buffer> {
  const { lists } = opts.offer ?? DEFAULT_HOST_ALGORITHMS;
  const watch = new HandshakeWatch();
  return new Promise((resolve, reject) => {
    const client = new Client();
    let key: Buffer | undefined;
    const finish = (error?: Error) => {
      client.removeAllListeners();
      client.on('error', () => {}); // late socket errors after we hung up are expected noise
      client.end();
      const negotiation =
        error && explainNegotiationFailure(error, watch, { algorithms: opts.offer ?? DEFAULT_HOST_ALGORITHMS });
      if (key) resolve(key);
      else
        reject(
          negotiation
            ? new Error(negotiation, { cause: error })
            : (error ?? new Error('the connection closed before a host key was sent')),
        );
    };
    client.on('error', (error) => finish(error));
    client.on('close', () => finish());
    client.on('ready', () => finish(new Error('unexpectedly authenticated')));
    client.connect({
      host: address,
      port,
      username: 'acp-play-keyscan',
      readyTimeout: opts.timeoutMs ?? 10_000,
      hostVerifier: (blob: Buffer) => {
        key = Buffer.from(blob);
        return false;
      },
      algorithms: {
        kex: [...lists.KexAlgorithms],
        serverHostKey: [...(opts.algorithms ?? lists.HostKeyAlgorithms)],
        cipher: [...lists.Ciphers],
        hmac: [...lists.MACs],
      } as Algorithms,
      debug: watch.debug,
    });
  });
}

/** What pinning a scanned key did. */
export type PinOutcome =
  | {
      readonly status: 'added' | 'replaced';
      readonly file: string;
      readonly line: number;
      readonly stale: readonly KnownHostsEntry[];
    }
  | { readonly status: 'already-pinned'; readonly file: string; readonly line: number }
  | { readonly status: 'differs'; readonly pinned: readonly KnownHostsEntry[]; readonly reason: string };

/**
 * Pins `keyBlob` for the target in the inventory's known_hosts. A host already pinned (in either file) to a
 * different key is left alone unless `replace`; even then only the inventory file's own plain or hashed lines for
 * exactly this host are rewritten (a wildcard or multi-host line must be edited by hand), and any stale key in
 * the user's file is reported, not touched. A revoked key is never pinned.
 */
export function pinScannedKey(target: HostKeyTarget, keyBlob: Buffer, opts: { replace?: boolean } = {}): PinOutcome {
  const port = target.port ?? 22;
  const name = knownHostsName(target.address, port);
  const file = inventoryKnownHostsFile(target.inventoryDir);
  const entries = lookupHostKeys(knownHostsFilesFor(target), target.address, port);
  const revoked = entries.find((e) => e.marker === 'revoked' && e.keyBlob.equals(keyBlob));
  if (revoked)
    return {
      status: 'differs',
      pinned: [revoked],
      reason: `the key is marked @revoked at ${revoked.file}:${revoked.line}`,
    };
  const pinned = entries.filter((e) => e.marker === undefined);
  const same = pinned.find((e) => e.keyBlob.equals(keyBlob));
  if (same) return { status: 'already-pinned', file: same.file, line: same.line };
  const line = formatKnownHostsLine(name, keyBlob);
  if (pinned.length === 0) return { status: 'added', file, line: appendKnownHostsLine(file, line), stale: [] };
  if (!opts.replace)
    return {
      status: 'differs',
      pinned,
      reason: 'a DIFFERENT key is pinned; not replaced (verify the new fingerprint, then use --replace)',
    };
  const ours = readKnownHostsFile(file).entries.filter(
    (e) => e.marker === undefined && hostFieldMatches(e.hostField, name),
  );
  const exact = ours.filter((e) => isHashedField(e.hostField) || e.hostField.toLowerCase() === name);
  const manual = ours.filter((e) => !exact.includes(e));
  if (manual.length > 0) {
    return {
      status: 'differs',
      pinned: manual,
      reason: 'the old key is on a line that also names other hosts; edit it by hand',
    };
  }
  const stale = pinned.filter((e) => e.file !== file);
  if (exact.length === 0) return { status: 'replaced', file, line: appendKnownHostsLine(file, line), stale };
  return {
    status: 'replaced',
    file,
    line: replaceKnownHostsLines(
      file,
      exact.map((e) => e.line),
      line,
    ),
    stale,
  };
}

/** `node1  ssh-ed25519  SHA256:…` */
export function describeScannedKey(hostName: string, keyBlob: Buffer): string {
  return `${hostName}  ${keyTypeOf(keyBlob) ?? 'unknown'}  ${fingerprint(keyBlob)}`;
}
