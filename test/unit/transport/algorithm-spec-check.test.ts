import { describe, expect, it } from 'vitest';
import { checkAlgorithmSpec } from '../../../src/transport/algorithm-spec-check.js';
import {
  ALGORITHM_OPTIONS,
  DEFAULT_ALGORITHMS,
  SUPPORTED_ALGORITHMS,
  weakness,
} from '../../../src/transport/ssh-algorithm-catalog.js';

const errors = (option: Parameters<typeof checkAlgorithmSpec>[0], value: string) =>
  checkAlgorithmSpec(option, value).issues.filter((i) => i.severity === 'error');

describe("acp-play's algorithm defaults", () => {
  it('keep weak algorithms off: no SHA-1 KEX, no ssh-rsa or DSA, no CBC, no SHA-1 or MD5 MACs', () => {
    expect(DEFAULT_ALGORITHMS.KexAlgorithms).toContain('curve25519-sha256');
    expect(DEFAULT_ALGORITHMS.KexAlgorithms.filter((n) => n.endsWith('sha1'))).toEqual([]);
    expect(DEFAULT_ALGORITHMS.HostKeyAlgorithms).toEqual([
      'ssh-ed25519',
      'ecdsa-sha2-nistp256',
      'ecdsa-sha2-nistp384',
      'ecdsa-sha2-nistp521',
      'rsa-sha2-512',
      'rsa-sha2-256',
    ]);
    expect(DEFAULT_ALGORITHMS.Ciphers.filter((n) => /cbc|arcfour/.test(n))).toEqual([]);
    expect(DEFAULT_ALGORITHMS.MACs.filter((n) => /sha1|md5/.test(n))).toEqual([]);
    expect(DEFAULT_ALGORITHMS.MACs).toContain('hmac-sha2-256-etm@openssh.com');
  });

  it('while the weak ones stay usable on request', () => {
    for (const option of ALGORITHM_OPTIONS)
      for (const name of DEFAULT_ALGORITHMS[option]) expect(weakness(option, name)).toBeUndefined();
    expect(SUPPORTED_ALGORITHMS.KexAlgorithms).toContain('diffie-hellman-group14-sha1');
    expect(SUPPORTED_ALGORITHMS.HostKeyAlgorithms).toContain('ssh-rsa');
    expect(SUPPORTED_ALGORITHMS.Ciphers).toContain('aes128-cbc');
    expect(SUPPORTED_ALGORITHMS.MACs).toContain('hmac-sha1');
  });
});

describe('checking an algorithm list', () => {
  it('accepts every form and assembles the list', () => {
    expect(checkAlgorithmSpec('KexAlgorithms', '+diffie-hellman-group14-sha1')).toEqual({
      list: [...DEFAULT_ALGORITHMS.KexAlgorithms, 'diffie-hellman-group14-sha1'],
      issues: [],
    });
    expect(checkAlgorithmSpec('HostKeyAlgorithms', '^ssh-rsa').list[0]).toBe('ssh-rsa');
    expect(checkAlgorithmSpec('Ciphers', '-aes*-gcm@openssh.com').list).not.toContain('aes128-gcm@openssh.com');
    expect(checkAlgorithmSpec('MACs', 'hmac-sha1').list).toEqual(['hmac-sha1']);
  });

  it('refuses an unknown name with a did-you-mean', () => {
    const [issue] = errors('KexAlgorithms', '+diffie-hellman-group14-sha256,diffie-helman-group14-sha1');
    expect(issue?.message).toBe('KexAlgorithms: unknown key exchange algorithm "diffie-helman-group14-sha1"');
    expect(issue?.fix).toMatch(/^did you mean diffie-hellman-group14-sha1\? acp-play can use: curve25519/);
  });

  it('refuses a typo in a -list too (it would silently remove nothing)', () => {
    expect(errors('Ciphers', '-aes128-gmc@openssh.com')[0]?.message).toMatch(/unknown cipher "aes128-gmc@openssh.com"/);
  });

  it('names the option a name belongs to', () => {
    expect(errors('KexAlgorithms', '+ssh-rsa')[0]).toEqual({
      severity: 'error',
      message: 'KexAlgorithms: ssh-rsa is a host key algorithm, not a key exchange algorithm',
      fix: 'set it with HostKeyAlgorithms, e.g. HostKeyAlgorithms +ssh-rsa',
    });
  });

  it('explains the two classic slips: a sign on every name, spaces in the list', () => {
    expect(errors('KexAlgorithms', '+diffie-hellman-group14-sha1,+diffie-hellman-group1-sha1')[0]?.message).toBe(
      'KexAlgorithms: "+diffie-hellman-group1-sha1": the + goes once, before the whole list',
    );
    expect(errors('MACs', 'hmac-sha1, hmac-sha2-256')[0]?.message).toMatch(/one word, names separated by commas/);
    expect(errors('MACs', 'hmac-sha1,')[0]?.message).toMatch(/an empty name/);
    expect(errors('Ciphers', '')[0]?.message).toBe('Ciphers needs a value');
  });

  it('allows patterns where OpenSSH does: in a -list, and in HostKeyAlgorithms', () => {
    expect(errors('KexAlgorithms', '+diffie-hellman-*')[0]?.message).toMatch(
      /patterns in KexAlgorithms only in a -list/,
    );
    expect(errors('KexAlgorithms', '-diffie-hellman-*')).toEqual([]);
    expect(checkAlgorithmSpec('HostKeyAlgorithms', '+ssh-*').list).toContain('ssh-dss');
    expect(errors('HostKeyAlgorithms', '+nothing-*')[0]?.message).toMatch(/"nothing-\*" matches no host key algorithm/);
    expect(errors('Ciphers', '+!aes128-cbc')[0]?.message).toMatch(/a negated pattern is allowed only in a -list/);
  });

  it('leaves out, with a warning, what OpenSSH or ssh2 knows but this process cannot use', () => {
    const pq = checkAlgorithmSpec('KexAlgorithms', 'sntrup761x25519-sha512@openssh.com,curve25519-sha256');
    expect(pq.list).toEqual(['curve25519-sha256']);
    expect(pq.issues).toEqual([
      {
        severity: 'warning',
        message:
          "KexAlgorithms: sntrup761x25519-sha512@openssh.com is left out: it is OpenSSH's, and acp-play's SSH library (ssh2 1.17) does not implement it",
      },
    ]);
    // OpenSSL 3 has no Blowfish without its legacy provider, so ssh2 cannot offer it here.
    expect(checkAlgorithmSpec('Ciphers', '+blowfish-cbc').issues[0]?.message).toMatch(/OpenSSL does not provide it/);
    expect(checkAlgorithmSpec('HostKeyAlgorithms', '+*-cert-v01@openssh.com').issues[0]?.severity).toBe('warning');
    expect(checkAlgorithmSpec('KexAlgorithms', '-sntrup761x25519-sha512@openssh.com').issues).toEqual([]);
  });

  it('refuses a list that leaves nothing acp-play can use', () => {
    expect(errors('KexAlgorithms', 'sntrup761x25519-sha512@openssh.com')[0]?.message).toMatch(
      /leaves no key exchange algorithm acp-play can use/,
    );
    expect(errors('MACs', '-*')[0]?.message).toMatch(/leaves no MAC/);
  });
});
