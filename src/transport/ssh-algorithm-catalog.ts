import { createRequire } from 'node:module';
import type { AlgorithmOption } from '../core/ssh-options.js';

export type { AlgorithmOption };

/** The four ssh_config options that choose algorithms, spelled as OpenSSH documents them. */
export const ALGORITHM_OPTIONS: readonly AlgorithmOption[] = ['KexAlgorithms', 'HostKeyAlgorithms', 'Ciphers', 'MACs'];

/** The key of each option's list in ssh2's `ConnectConfig.algorithms`. */
export const SSH2_LIST_KEY = {
  KexAlgorithms: 'kex',
  HostKeyAlgorithms: 'serverHostKey',
  Ciphers: 'cipher',
  MACs: 'hmac',
} as const satisfies Record<AlgorithmOption, string>;

/** What each option is a list of, for messages ("no key exchange algorithm in common"). */
export const ALGORITHM_NOUN: Readonly<Record<AlgorithmOption, string>> = {
  KexAlgorithms: 'key exchange algorithm',
  HostKeyAlgorithms: 'host key algorithm',
  Ciphers: 'cipher',
  MACs: 'MAC',
};

interface Ssh2Constants {
  readonly [list: string]: unknown;
}
interface Ssh2CryptoTables {
  readonly CIPHER_INFO: Readonly<Record<string, unknown>>;
  readonly MAC_INFO: Readonly<Record<string, unknown>>;
}

// ssh2 publishes its algorithm tables only internally; they already leave out what this Node's OpenSSL lacks.
const requireCjs = createRequire(import.meta.url);
const ssh2Constants = requireCjs('ssh2/lib/protocol/constants.js') as Ssh2Constants;
const ssh2Crypto = requireCjs('ssh2/lib/protocol/crypto.js') as Ssh2CryptoTables;
const ssh2Version = (requireCjs('ssh2/package.json') as { version: string }).version;

/** How messages name the SSH library: `acp-play's SSH library (ssh2 1.17)`. */
export const SSH_LIBRARY = `acp-play's SSH library (ssh2 ${ssh2Version.split('.').slice(0, 2).join('.')})`;

const SSH2_TABLE: Readonly<Record<AlgorithmOption, string>> = {
  KexAlgorithms: 'KEX',
  HostKeyAlgorithms: 'SERVER_HOST_KEY',
  Ciphers: 'CIPHER',
  MACs: 'MAC',
};

function ssh2List(kind: 'DEFAULT' | 'SUPPORTED', option: AlgorithmOption): readonly string[] {
  const list = ssh2Constants[`${kind}_${SSH2_TABLE[option]}`];
  if (!Array.isArray(list)) throw new Error(`ssh2 has no ${kind}_${SSH2_TABLE[option]} table`);
  return Object.freeze([...(list as string[])]);
}

/** Algorithms acp-play's SSH library (ssh2 1.17) can use in this process, strongest first. */
export const SUPPORTED_ALGORITHMS: Readonly<Record<AlgorithmOption, readonly string[]>> = {
  KexAlgorithms: ssh2List('SUPPORTED', 'KexAlgorithms'),
  HostKeyAlgorithms: ssh2List('SUPPORTED', 'HostKeyAlgorithms'),
  Ciphers: ssh2List('SUPPORTED', 'Ciphers'),
  MACs: ssh2List('SUPPORTED', 'MACs'),
};

/**
 * Why an algorithm is weak, or undefined when it is not: SHA-1 key exchanges, SHA-1 RSA signatures (`ssh-rsa`),
 * DSA, CBC and RC4 ciphers, MD5 and SHA-1 MACs. Weak algorithms are off unless someone asks for them.
 */
export function weakness(option: AlgorithmOption, name: string): string | undefined {
  switch (option) {
    case 'KexAlgorithms':
      return name.endsWith('-sha1') ? 'SHA-1' : undefined;
    case 'HostKeyAlgorithms':
      return name === 'ssh-rsa' ? 'SHA-1 signatures' : name === 'ssh-dss' ? 'DSA' : undefined;
    case 'Ciphers':
      return name.endsWith('-cbc') ? 'CBC' : name.startsWith('arcfour') ? 'RC4' : undefined;
    case 'MACs':
      return name.startsWith('hmac-sha1') ? 'SHA-1' : name.startsWith('hmac-md5') ? 'MD5' : undefined;
  }
}

/** acp-play's defaults: ssh2's own defaults without the weak ones. */
export const DEFAULT_ALGORITHMS: Readonly<Record<AlgorithmOption, readonly string[]>> = {
  KexAlgorithms: withoutWeak('KexAlgorithms'),
  HostKeyAlgorithms: withoutWeak('HostKeyAlgorithms'),
  Ciphers: withoutWeak('Ciphers'),
  MACs: withoutWeak('MACs'),
};

function withoutWeak(option: AlgorithmOption): readonly string[] {
  return Object.freeze(ssh2List('DEFAULT', option).filter((name) => weakness(option, name) === undefined));
}

/** Names ssh2 implements but this Node's OpenSSL does not provide (blowfish, CAST, RC4 on OpenSSL 3). */
const NOT_IN_THIS_CRYPTO: Readonly<Record<AlgorithmOption, readonly string[]>> = {
  KexAlgorithms: [],
  HostKeyAlgorithms: [],
  Ciphers: Object.keys(ssh2Crypto.CIPHER_INFO).filter((n) => !SUPPORTED_ALGORITHMS.Ciphers.includes(n)),
  MACs: Object.keys(ssh2Crypto.MAC_INFO).filter((n) => !SUPPORTED_ALGORITHMS.MACs.includes(n)),
};

/** Names OpenSSH (up to 9.9) knows that ssh2 1.17 does not implement: `ssh -Q kex|key|cipher|mac` minus ssh2's. */
const OPENSSH_ONLY: Readonly<Record<AlgorithmOption, readonly string[]>> = {
  KexAlgorithms: ['sntrup761x25519-sha512', 'sntrup761x25519-sha512@openssh.com', 'mlkem768x25519-sha256'],
  HostKeyAlgorithms: [
    'ssh-ed25519-cert-v01@openssh.com',
    'sk-ssh-ed25519@openssh.com',
    'sk-ssh-ed25519-cert-v01@openssh.com',
    'ecdsa-sha2-nistp256-cert-v01@openssh.com',
    'ecdsa-sha2-nistp384-cert-v01@openssh.com',
    'ecdsa-sha2-nistp521-cert-v01@openssh.com',
    'sk-ecdsa-sha2-nistp256@openssh.com',
    'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com',
    'webauthn-sk-ecdsa-sha2-nistp256@openssh.com',
    'ssh-dss-cert-v01@openssh.com',
    'ssh-rsa-cert-v01@openssh.com',
    'rsa-sha2-256-cert-v01@openssh.com',
    'rsa-sha2-512-cert-v01@openssh.com',
  ],
  Ciphers: ['rijndael-cbc@lysator.liu.se'],
  MACs: [
    'umac-64@openssh.com',
    'umac-128@openssh.com',
    'hmac-sha1-96-etm@openssh.com',
    'hmac-md5-etm@openssh.com',
    'hmac-md5-96-etm@openssh.com',
    'hmac-ripemd160-etm@openssh.com',
    'hmac-ripemd160@openssh.com',
    'umac-64-etm@openssh.com',
    'umac-128-etm@openssh.com',
  ],
};

/** Why acp-play cannot use a name: it is usable, or it belongs to another list, or no one knows it. */
export type NameStatus =
  | { readonly kind: 'supported' }
  | { readonly kind: 'unavailable'; readonly why: string }
  | { readonly kind: 'other-option'; readonly option: AlgorithmOption }
  | { readonly kind: 'unknown' };

/** Classifies one algorithm name for `option`. */
export function classifyAlgorithm(option: AlgorithmOption, name: string): NameStatus {
  if (SUPPORTED_ALGORITHMS[option].includes(name)) return { kind: 'supported' };
  if (NOT_IN_THIS_CRYPTO[option].includes(name))
    return { kind: 'unavailable', why: "this Node.js build's OpenSSL does not provide it" };
  if (OPENSSH_ONLY[option].includes(name))
    return {
      kind: 'unavailable',
      why: `it is OpenSSH's, and ${SSH_LIBRARY} does not implement it`,
    };
  const other = ALGORITHM_OPTIONS.find((o) => o !== option && knownNames(o).includes(name));
  return other ? { kind: 'other-option', option: other } : { kind: 'unknown' };
}

/** Every name of `option` that OpenSSH or ssh2 knows, usable or not (patterns are matched against these). */
export function knownNames(option: AlgorithmOption): readonly string[] {
  return [...SUPPORTED_ALGORITHMS[option], ...NOT_IN_THIS_CRYPTO[option], ...OPENSSH_ONLY[option]];
}
