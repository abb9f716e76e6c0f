import { createHash } from 'node:crypto';

/**
 * Facts about one SSH public key blob (the bytes of the base64 field of a known_hosts line, and what ssh2's
 * `hostVerifier` receives).
 */

/** OpenSSH's fingerprint: `SHA256:` + unpadded base64 of the blob's SHA-256. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * The key type written inside the blob (`ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`), or undefined if malformed.
 */
export function keyTypeOf(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || 4 + length > blob.length) return undefined;
  const type = blob.subarray(4, 4 + length).toString('latin1');
  return /^[\x21-\x7e]+$/.test(type) ? type : undefined;
}

/**
 * ssh2 host key algorithm names per key type, in ssh2's own preference order. An RSA key can be presented with
 * any of its three signature algorithms, so all three are offered.
 */
const ALGORITHMS_BY_KEY_TYPE: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ssh-ed25519', ['ssh-ed25519']],
  ['ecdsa-sha2-nistp256', ['ecdsa-sha2-nistp256']],
  ['ecdsa-sha2-nistp384', ['ecdsa-sha2-nistp384']],
  ['ecdsa-sha2-nistp521', ['ecdsa-sha2-nistp521']],
  ['ssh-rsa', ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']],
  ['ssh-dss', ['ssh-dss']],
];

/** Key types ssh2 can verify as a server host key. */
export const SUPPORTED_HOST_KEY_TYPES: readonly string[] = ALGORITHMS_BY_KEY_TYPE.map(([type]) => type);

/**
 * The host key algorithms that can present a key of one of these known_hosts key types, in ssh2's preference order.
 * An RSA key (`ssh-rsa` in known_hosts) signs with `rsa-sha2-512`, `rsa-sha2-256` or, SHA-1, `ssh-rsa`.
 */
export function hostKeyAlgorithmsFor(keyTypes: Iterable<string>): string[] {
  const types = new Set(keyTypes);
  return ALGORITHMS_BY_KEY_TYPE.filter(([type]) => types.has(type)).flatMap(([, algorithms]) => algorithms);
}

/**
 * The host key algorithms one connection offers: the configured list (HostKeyAlgorithms), in its order, restricted
 * to those that can present a key pinned for the host, so the server cannot pick a key type acp-play would have to
 * call unknown. OpenSSH only puts the pinned types first; acp-play keeps host keys strict. No pinned type (an
 * unknown host) leaves the configured list as it is. `ssh-rsa` stays out unless configured, as in OpenSSH 8.8+.
 */
export function restrictHostKeyAlgorithms(
  configured: readonly string[],
  pinnedKeyTypes: readonly string[] | undefined,
): string[] {
  if (!pinnedKeyTypes || pinnedKeyTypes.length === 0) return [...configured];
  const fitting = hostKeyAlgorithmsFor(pinnedKeyTypes);
  return configured.filter((name) => fitting.includes(name));
}
