import { describe, expect, it } from 'vitest';
import { explainNegotiationFailure } from '../../../src/transport/handshake-diagnosis.js';
import { HandshakeWatch } from '../../../src/transport/handshake-watch.js';
import { DEFAULT_HOST_ALGORITHMS, resolveHostAlgorithms } from '../../../src/transport/ssh-algorithms.js';

/** ssh2 1.17's debug lines up to a failed match, as recorded against Debian 12's sshd. */
function watched(lines: string[]): HandshakeWatch {
  const watch = new HandshakeWatch();
  for (const line of ["Local ident: 'SSH-2.0-ssh2js1.17.0'", "Remote ident: 'SSH-2.0-Cisco-1.25'", ...lines])
    watch.debug(line);
  return watch;
}

const KEX_FAILED = new Error('Handshake failed: no matching key exchange algorithm');
const OLD_KEX = watched([
  'Inbound: Handshake in progress',
  'Handshake: (local) KEX method: curve25519-sha256,ecdh-sha2-nistp256,ext-info-c,kex-strict-c-v00@openssh.com',
  'Handshake: (remote) KEX method: diffie-hellman-group14-sha1,diffie-hellman-group1-sha1,kex-strict-s-v00@openssh.com',
  'Handshake: no matching key exchange algorithm',
]);

describe('reading the handshake from ssh2 debug lines', () => {
  it('keeps the server software and both offers, without the protocol markers', () => {
    expect(OLD_KEX.serverSoftware).toBe('Cisco-1.25');
    expect(OLD_KEX.local.kex).toEqual(['curve25519-sha256', 'ecdh-sha2-nistp256']);
    expect(OLD_KEX.remote.kex).toEqual(['diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1']);
  });

  it('stops reading once the first key exchange is complete', () => {
    const watch = watched(['Handshake: (remote) KEX method: a', 'Handshake completed']);
    watch.debug('Handshake: (remote) KEX method: b');
    expect(watch.remote.kex).toEqual(['a']);
  });
});

describe('explaining a failed negotiation', () => {
  it("names the server's offer, what acp-play allowed, and the ssh config line that allows the strongest of them", () => {
    expect(explainNegotiationFailure(KEX_FAILED, OLD_KEX, { algorithms: DEFAULT_HOST_ALGORITHMS })).toBe(
      'no key exchange algorithm in common; the server (Cisco-1.25) offers diffie-hellman-group14-sha1, ' +
        'diffie-hellman-group1-sha1; acp-play allows curve25519-sha256, ecdh-sha2-nistp256; to allow ' +
        'diffie-hellman-group14-sha1 (SHA-1: weak, off by default), add "KexAlgorithms +diffie-hellman-group14-sha1" ' +
        'to the ssh config for this host (or -o KexAlgorithms=+diffie-hellman-group14-sha1 in ansible_ssh_common_args)',
    );
  });

  it('says where the current setting is and what to change it to', () => {
    const { algorithms } = resolveHostAlgorithms(
      {},
      {
        KexAlgorithms: {
          value: '-ecdh-*',
          origin: 'inventory',
          variable: 'ssh_options',
          source: 'ssh_options (inv/host_vars/sw1.yaml:2)',
        },
      },
    );
    const message = explainNegotiationFailure(KEX_FAILED, OLD_KEX, { algorithms });
    expect(message).toContain(
      'KexAlgorithms is set to "-ecdh-*" by ssh_options (inv/host_vars/sw1.yaml:2), which wins over the ssh config; ' +
        'to allow diffie-hellman-group14-sha1 (SHA-1: weak, off by default), change it to "KexAlgorithms curve25519-sha256@libssh.org,',
    );
    expect(message).toMatch(/,diffie-hellman-group18-sha512,diffie-hellman-group14-sha1"$/);
    expect(message).not.toContain('ecdh-sha2-nistp521,');
  });

  it('tells a host key mismatch caused by the pinned key from one the setting can fix', () => {
    const failed = new Error('Handshake failed: no matching host key format');
    const rsaOnly = watched([
      'Handshake: (local) Host key format: rsa-sha2-512,rsa-sha2-256',
      'Handshake: (remote) Host key format: ssh-rsa',
    ]);
    const pinnedRsa = { algorithms: DEFAULT_HOST_ALGORITHMS, pinnedKeyTypes: ['ssh-rsa'] };
    expect(explainNegotiationFailure(failed, rsaOnly, pinnedRsa)).toBe(
      'no host key algorithm in common; the server (Cisco-1.25) offers ssh-rsa; acp-play allows rsa-sha2-512, ' +
        'rsa-sha2-256 (those that fit the ssh-rsa key pinned for this host); to allow ssh-rsa (SHA-1 signatures: ' +
        'weak, off by default), add "HostKeyAlgorithms +ssh-rsa" to the ssh config for this host (or ' +
        '-o HostKeyAlgorithms=+ssh-rsa in ansible_ssh_common_args)',
    );
    const edOnly = watched([
      'Handshake: (local) Host key format: rsa-sha2-512,rsa-sha2-256',
      'Handshake: (remote) Host key format: ssh-ed25519',
    ]);
    expect(explainNegotiationFailure(failed, edOnly, pinnedRsa)).toMatch(
      /; none of them can present the key pinned for this host; if the host's key really changed, check/,
    );
  });

  it('covers ciphers and MACs per direction', () => {
    const cbc = watched([
      'Handshake: (local) C->S cipher: aes128-gcm@openssh.com,aes128-ctr',
      'Handshake: (remote) C->S cipher: aes256-cbc,3des-cbc',
    ]);
    const cipher = explainNegotiationFailure(new Error('Handshake failed: no matching C->S cipher'), cbc, {
      algorithms: DEFAULT_HOST_ALGORITHMS,
    });
    expect(cipher).toMatch(/^no cipher in common; the server \(Cisco-1.25\) offers aes256-cbc, 3des-cbc;/);
    expect(cipher).toContain('to allow aes256-cbc (CBC: weak, off by default), add "Ciphers +aes256-cbc"');
    const md5 = watched(['Handshake: (local) S->C MAC: hmac-sha2-256', 'Handshake: (remote) S->C MAC: hmac-md5']);
    expect(
      explainNegotiationFailure(new Error('Handshake failed: no matching S->C MAC'), md5, {
        algorithms: DEFAULT_HOST_ALGORITHMS,
      }),
    ).toContain('add "MACs +hmac-md5"');
  });

  it('says so when acp-play can use nothing the server offers', () => {
    const pq = watched(['Handshake: (remote) KEX method: sntrup761x25519-sha512@openssh.com']);
    expect(explainNegotiationFailure(KEX_FAILED, pq, { algorithms: DEFAULT_HOST_ALGORITHMS })).toMatch(
      /; acp-play's SSH library \(ssh2 1\.17\) can use none of them, so this server cannot be reached$/,
    );
  });

  it('leaves other failures alone', () => {
    expect(
      explainNegotiationFailure(new Error('Handshake failed: signature verification failed'), OLD_KEX, {
        algorithms: DEFAULT_HOST_ALGORITHMS,
      }),
    ).toBeUndefined();
  });
});
