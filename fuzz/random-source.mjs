// A small seeded random source (mulberry32), so every fuzz case can be replayed from its seed.

/** Random helpers drawn from one 32-bit seed. */
export class RandomSource {
  constructor(seed) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p) {
    return this.next() < p;
  }

  pick(items) {
    return items[this.int(items.length)];
  }
}

/** Scalars that have broken parsers and checkers before: limits, type confusions, odd text. */
export const ODD_SCALARS = [
  '0',
  '-1',
  '4094',
  '4095',
  '65536',
  '99999999999999999999999',
  '1e309',
  '-0',
  '.nan',
  '.inf',
  '0x7f',
  '0o17',
  '017',
  '1_000',
  '12:30:00',
  '2024-01-01',
  'yes',
  'no',
  'on',
  'off',
  'y',
  '~',
  'null',
  "''",
  '""',
  '"\\u0000"',
  '"a\\nb"',
  '"\\t"',
  '"é ü 中文 🦄"',
  '"\\u202e"',
  "'; rm -rf /'",
  '"$(reboot)"',
  '"`id`"',
  "\"{{ lookup('pipe', 'id') }}\"",
  '"{% raw %}"',
  '"2003-2001"',
  '"1-4094"',
  '"2000-2005,x"',
  '"2003,,2004"',
  '" 2003 - 2005 "',
  '"-5"',
  '[]',
  '{}',
  '[1, [2, [3]]]',
  '{a: {b: {c: 1}}}',
  '!!binary aGVsbG8=',
  '!!set {a, b}',
  '!!omap [a: 1]',
  '!vault "not a vault"',
  '!unsafe "{{ x }}"',
  '!!str 42',
  '!!int "x"',
  '__proto__',
  'constructor',
  'toString',
  'Ethernet1/3',
  'enp4s0f0.2003',
  'a'.repeat(300),
  '172.16.0.0/33',
  '999.1.1.1',
  '::1',
  'fe80::1%eth0',
];

/** Keys worth injecting: schema keys in the wrong place, inherited object names, typos. */
export const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'id',
  'name',
  'vlans',
  'ports',
  'mode',
  'allowed_vlans',
  'access_vlan',
  'native_vlan',
  'trunk_nic',
  'uplink',
  'site',
  'node',
  'switch',
  'platform',
  'address',
  'port',
  'vm',
  'nad',
  'faces',
  'mtu',
  'interfaces',
  'bridge',
  'interface',
  'subnet',
  'gateway',
  '<<',
  '',
  ' ',
  'a b',
  'ünïcode',
];
