import type { AlgorithmOption } from './ssh-algorithm-catalog.js';

/** A negotiated list: the option it belongs to and, for ciphers and MACs, the direction. */
export type HandshakeList = 'kex' | 'hostKey' | 'cipherCS' | 'cipherSC' | 'macCS' | 'macSC';

/** Which option each negotiated list belongs to. */
export const LIST_OPTION: Readonly<Record<HandshakeList, AlgorithmOption>> = {
  kex: 'KexAlgorithms',
  hostKey: 'HostKeyAlgorithms',
  cipherCS: 'Ciphers',
  cipherSC: 'Ciphers',
  macCS: 'MACs',
  macSC: 'MACs',
};

// ssh2 1.17 (lib/protocol/kex.js) logs each list as `Handshake: (local|remote) <what>: a,b,c` before matching it.
const LIST_LINE =
  /^Handshake: \((local|remote)\) (KEX method|Host key format|C->S cipher|S->C cipher|C->S MAC|S->C MAC): (.*)$/;
const LIST_NAMES: Readonly<Record<string, HandshakeList>> = {
  'KEX method': 'kex',
  'Host key format': 'hostKey',
  'C->S cipher': 'cipherCS',
  'S->C cipher': 'cipherSC',
  'C->S MAC': 'macCS',
  'S->C MAC': 'macSC',
};

/**
 * Reads ssh2's `debug` lines during one handshake: the server's identification and, for each list, what each side
 * offered. ssh2 logs a list just before matching it, so after a failure the last list seen is the one that failed.
 */
export class HandshakeWatch {
  /** The server's identification string without `SSH-2.0-` (`OpenSSH_9.2p1 Debian-2+deb12u10`). */
  serverSoftware: string | undefined;
  readonly local: Partial<Record<HandshakeList, readonly string[]>> = {};
  readonly remote: Partial<Record<HandshakeList, readonly string[]>> = {};
  private done = false;

  /** ssh2's `debug` option. Cheap after the first key exchange, when it stops looking. */
  readonly debug = (line: string): void => {
    if (this.done) return;
    if (line.startsWith('Handshake: (')) {
      const m = LIST_LINE.exec(line);
      if (m) (m[1] === 'local' ? this.local : this.remote)[LIST_NAMES[m[2]!]!] = names(m[3]!);
    } else if (line.startsWith('Remote ident: ')) {
      this.serverSoftware = line
        .slice('Remote ident: '.length)
        .replace(/^'|'$/g, '')
        .replace(/^SSH-[\d.]+-/, '');
    } else if (line === 'Handshake completed') this.done = true;
  };
}

/** A comma list without the protocol markers that are not algorithms (`ext-info-s`, `kex-strict-s-v00@openssh.com`). */
function names(list: string): string[] {
  return list
    .split(',')
    .filter((name) => name !== '' && !/^(ext-info-[cs]|kex-strict-[cs]-v00@openssh\.com)$/.test(name));
}
