import { describe, expect, it } from 'vitest';
import {
  assembleAlgorithmList,
  matchesPatternList,
  matchPattern,
  parseAlgorithmSpec,
} from '../../../src/transport/algorithm-list.js';

const DEFAULTS = ['curve25519-sha256', 'ecdh-sha2-nistp256', 'diffie-hellman-group14-sha256'];
const USABLE = [
  ...DEFAULTS,
  'diffie-hellman-group-exchange-sha1',
  'diffie-hellman-group14-sha1',
  'diffie-hellman-group1-sha1',
];

const assemble = (value: string) => assembleAlgorithmList(parseAlgorithmSpec(value), DEFAULTS, USABLE);

describe('OpenSSH patterns', () => {
  it('matches * and ? against the whole name, and nothing else is special', () => {
    expect(matchPattern('diffie-hellman-group14-sha1', 'diffie-hellman-*-sha1')).toBe(true);
    expect(matchPattern('diffie-hellman-group14-sha1', 'diffie-hellman-group1?-sha1')).toBe(true);
    expect(matchPattern('diffie-hellman-group1-sha1', 'diffie-hellman-group1?-sha1')).toBe(false);
    expect(matchPattern('curve25519-sha256@libssh.org', 'curve25519-sha256')).toBe(false);
    expect(matchPattern('aes128-ctr', 'aes128.ctr')).toBe(false);
    expect(matchPattern('aes128-ctr', '*')).toBe(true);
  });

  it('lets a negated pattern win over a positive one, as match_pattern_list does', () => {
    expect(matchesPatternList('aes128-cbc', ['*-cbc', '!aes256-cbc'])).toBe(true);
    expect(matchesPatternList('aes256-cbc', ['*-cbc', '!aes256-cbc'])).toBe(false);
    expect(matchesPatternList('aes128-ctr', ['!aes256-cbc'])).toBe(false);
  });
});

describe('OpenSSH list arithmetic (kex_assemble_names)', () => {
  it('reads the form from the first character', () => {
    expect(parseAlgorithmSpec('+a,b')).toEqual({ form: 'append', items: ['a', 'b'] });
    expect(parseAlgorithmSpec('-a')).toEqual({ form: 'remove', items: ['a'] });
    expect(parseAlgorithmSpec('^a')).toEqual({ form: 'prepend', items: ['a'] });
    expect(parseAlgorithmSpec('a,,b')).toEqual({ form: 'replace', items: ['a', '', 'b'] });
  });

  it('a plain list replaces the default, in the order written', () => {
    expect(assemble('diffie-hellman-group14-sha1,curve25519-sha256')).toEqual([
      'diffie-hellman-group14-sha1',
      'curve25519-sha256',
    ]);
  });

  it('+list appends after the default; a name already there keeps its place', () => {
    expect(assemble('+diffie-hellman-group14-sha1,curve25519-sha256')).toEqual([
      ...DEFAULTS,
      'diffie-hellman-group14-sha1',
    ]);
  });

  it('^list puts the names at the head and drops their later duplicates', () => {
    expect(assemble('^diffie-hellman-group14-sha256,diffie-hellman-group14-sha1')).toEqual([
      'diffie-hellman-group14-sha256',
      'diffie-hellman-group14-sha1',
      'curve25519-sha256',
      'ecdh-sha2-nistp256',
    ]);
  });

  it('-list removes from the default by pattern, negations included', () => {
    expect(assemble('-curve25519-sha256')).toEqual(['ecdh-sha2-nistp256', 'diffie-hellman-group14-sha256']);
    expect(assemble('-*-sha256,!ecdh-*')).toEqual(['ecdh-sha2-nistp256']);
    expect(assemble('-not-in-the-default')).toEqual(DEFAULTS);
  });

  it('expands patterns of the other forms against the usable names, in their order', () => {
    expect(assemble('+diffie-hellman-*-sha1')).toEqual([
      ...DEFAULTS,
      'diffie-hellman-group-exchange-sha1',
      'diffie-hellman-group14-sha1',
      'diffie-hellman-group1-sha1',
    ]);
  });

  it('drops names that are not usable (the checker reports them)', () => {
    expect(assemble('sntrup761x25519-sha512@openssh.com,curve25519-sha256')).toEqual(['curve25519-sha256']);
    expect(assemble('nonsense')).toEqual([]);
  });
});
