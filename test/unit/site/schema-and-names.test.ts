import { describe, expect, it } from 'vitest';
import { levenshtein as editDistance } from '../../../src/core/did-you-mean.js';
import { findKeyTypo } from '../../../src/inventory/key-typos.js';
import {
  checkAddress,
  checkDescription,
  checkInterfaceName,
  checkPortName,
  checkVlanName,
} from '../../../src/inventory/safe-names.js';
import type { Host, Inventory } from '../../../src/core/inventory.js';
import * as v from 'valibot';
import { checkValue } from '../../../src/inventory/schema-issues.js';
import { checkHostSchema } from '../../../src/inventory/site-schema.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';

describe('checkValue', () => {
  const schema = v.strictObject({
    id: v.pipe(v.number(), v.integer()),
    mode: v.optional(v.picklist(['access', 'trunk'])),
    tags: v.optional(v.array(v.union([v.pipe(v.number(), v.integer()), v.string()]))),
    ports: v.optional(v.record(v.string(), v.strictObject({ mode: v.string() }))),
  });

  it('accepts a fitting value', () => {
    expect(checkValue({ id: 1, mode: 'trunk', tags: [1, 'a'] }, schema)).toEqual([]);
  });

  it('reports every issue with its path, every unknown key of a map', () => {
    expect(checkValue({ mode: 'trunc', tags: [1, true], extra: 1, more: 2 }, schema)).toEqual([
      { kind: 'missing', path: [], word: 'id' },
      { kind: 'bad-enum', path: ['mode'], word: 'trunc', candidates: ['access', 'trunk'] },
      { kind: 'wrong-type', path: ['tags', 1], expected: 'an integer or a string', found: 'true' },
      { kind: 'unknown-key', path: ['extra'], word: 'extra', candidates: ['id', 'mode', 'tags', 'ports'] },
      { kind: 'unknown-key', path: ['more'], word: 'more', candidates: ['id', 'mode', 'tags', 'ports'] },
    ]);
  });

  it('checks keys JavaScript holds special like any other', () => {
    const value = JSON.parse('{"id": 1, "__proto__": 1, "toString": 2, "ports": {"constructor": {"mode": 1}}}');
    expect(checkValue(value, schema).map((i) => [i.kind, i.path.join('.')])).toEqual([
      ['wrong-type', 'ports.constructor.mode'],
      ['unknown-key', '__proto__'],
      ['unknown-key', 'toString'],
    ]);
  });

  it('says a value that is not a string is the wrong type for a set of words, not a bad word', () => {
    expect(checkValue({ id: 1, mode: 0 }, schema)).toEqual([
      { kind: 'wrong-type', path: ['mode'], expected: 'one of: access, trunk', found: '0' },
    ]);
  });

  it('says what it expected and what it found', () => {
    const int = v.pipe(v.number(), v.integer());
    expect(checkValue('1500', int)).toEqual([
      { kind: 'wrong-type', path: [], expected: 'an integer', found: 'the string "1500"' },
    ]);
    expect(checkValue(1.5, int)[0]!.found).toBe('1.5');
    expect(checkValue(null, v.string())[0]!.found).toBe('an empty value');
  });

  it("takes a pipe action's own message as what it expected, and the schema's description for the fix", () => {
    const count = v.pipe(v.pipe(v.number(), v.integer(), v.minValue(1, 'a positive count')), v.description('hosts'));
    expect(checkValue(0, count)).toEqual([
      { kind: 'wrong-type', path: [], expected: 'a positive count', found: '0', description: 'hosts' },
    ]);
    expect(checkValue(1.5, count)[0]!.expected).toBe('an integer');
  });

  it('says a list where a mapping belongs is the mistake, not its indexes as unknown keys', () => {
    expect(checkValue([{ id: 1 }, [1, 2]], v.array(schema))).toEqual([
      { kind: 'wrong-type', path: [1], expected: 'a mapping', found: 'a list' },
    ]);
  });

  describe('a variant', () => {
    const task = v.variant('module', [
      v.strictObject({ module: v.literal('file'), dest: v.string() }),
      v.strictObject({ module: v.literal('command'), cmd: v.optional(v.string()) }),
    ]);

    it('checks the option its key names, unknown keys by that option', () => {
      expect(checkValue({ module: 'command', cmd: 1, dest: 'x' }, task)).toEqual([
        { kind: 'wrong-type', path: ['cmd'], expected: 'a string', found: '1' },
        { kind: 'unknown-key', path: ['dest'], word: 'dest', candidates: ['module', 'cmd'] },
      ]);
    });

    it('names the options when its key names none, or is missing', () => {
      expect(checkValue({ module: 'fiel' }, task)).toEqual([
        { kind: 'bad-enum', path: ['module'], word: 'fiel', candidates: ['file', 'command'] },
      ]);
      expect(checkValue([{ cmd: 'ls' }], v.array(task))).toEqual([
        { kind: 'missing', path: [0], word: 'module', candidates: ['file', 'command'] },
      ]);
    });
  });
});

describe('top-level key typos', () => {
  it.each([
    ['swich', { ports: {} }, 'switch'],
    ['Switch', { ports: {} }, 'switch'],
    ['nod', { trunk_nic: 'x' }, 'node'],
    ['plaform', 'nmstate', 'platform'],
    ['adress', '10.0.0.1', 'address'],
    ['pasword_env', 'PW', 'password_env'],
    ['usr', 'admin', 'user'],
  ])('%s is reported as %s', (name, value, key) => {
    expect(findKeyTypo(name, value)).toBe(key);
  });

  it.each([
    ['nodes', ['node0', 'node1']],
    ['nodes', { node0: {} }],
    ['switches', { a: 1 }],
    ['ports', 22],
    ['users', 'admin'],
    ['mode', 'trunk'],
    ['vlans', [1, 2]],
    ['ansible_connection', 'network_cli'],
    ['ntp_server', '10.0.0.1'],
    ['sort', ['a']],
  ])('%s is a plain template variable', (name, value) => {
    expect(findKeyTypo(name, value)).toBeUndefined();
  });

  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('swtich', 'switch')).toBe(1);
    expect(editDistance('switch', 'switch')).toBe(0);
  });
});

describe('safe names', () => {
  it('takes Linux interface names of at most 15 characters', () => {
    expect(checkInterfaceName('enp4s0f0.2003')).toBeUndefined();
    expect(checkInterfaceName('bridge2003')).toBeUndefined();
    expect(checkInterfaceName('enp4s0f0np0abcd')).toBeUndefined(); // 15
    expect(checkInterfaceName('enp4s0f0np0abcde')).toContain('1-15 characters'); // 16
    for (const bad of ['-x', '.', '..', 'br 1', 'br;x', 'br$(x)', 'br`x`', 'a/b', ''])
      expect(checkInterfaceName(bad), bad).toBeDefined();
  });

  it('takes switch port names from a safe set', () => {
    for (const ok of ['Ethernet1/3', 'swp1', 'Eth1/1/1', 'Port-channel10', 'GigabitEthernet0/0:1'])
      expect(checkPortName(ok), ok).toBeUndefined();
    for (const bad of ['Ethernet 1/3', 'e1;reload', '-x', 'e1|x', '']) expect(checkPortName(bad), bad).toBeDefined();
  });

  it('takes descriptions without CLI or shell syntax', () => {
    expect(checkDescription('node0-virtualization')).toBeUndefined();
    expect(
      checkDescription('Cluster primary network for ingress, load balanced services, and MetalLB pools'),
    ).toBeUndefined();
    for (const bad of [
      'a;b',
      'a|b',
      'a&b',
      'a$b',
      'a`b`',
      'a!b',
      'a#b',
      'a?b',
      'a"b',
      "a'b",
      'a\nb',
      'a\tb',
      ' a',
      'a ',
      'x'.repeat(201),
    ]) {
      expect(checkDescription(bad), JSON.stringify(bad)).toBeDefined();
    }
  });

  it('takes VLAN names a switch accepts unquoted', () => {
    expect(checkVlanName('virtual-machines-1')).toBeUndefined();
    expect(checkVlanName('vm 1')).toBeDefined();
    expect(checkVlanName('x'.repeat(33))).toBeDefined();
  });

  it('takes IP addresses and host names, not near-misses', () => {
    for (const ok of ['172.16.0.2', 'fd00::2', 'switch1', 'switch1.example.com.'])
      expect(checkAddress(ok), ok).toBeUndefined();
    for (const bad of ['172.16.0.256', '172.16.0', '1.2.3.4.5', 'sw_1', 'sw;1', '-sw', 'fd00::g', ''])
      expect(checkAddress(bad), bad).toBeDefined();
  });
});

describe('platform names (the registry of the shipped platforms)', () => {
  const platforms = defaultPlatforms();
  it.each([
    ['cisco.nxos.nxos', 'cisco_nxos'],
    ['nxos', 'cisco_nxos'],
    ['cisco_nxos', 'cisco_nxos'],
    ['arista.eos.eos', 'arista_eos'],
    ['eos', 'arista_eos'],
    ['cisco.ios.ios', 'cisco_ios'],
    ['ios', 'cisco_ios'],
    ['cumulus', 'cumulus'],
    ['nvidia.nvue.nvue', 'cumulus'],
    ['cumulus_linux', 'cumulus'],
    ['nmstate', 'nmstate'],
    ['linux', 'linux'],
  ])('%s -> %s', (name, id) => {
    expect(platforms.resolve(name)?.id).toBe(id);
    expect(platforms.resolve(` ${name.toUpperCase()} `)?.id).toBe(id);
  });

  it('knows no other platform', () => {
    expect(platforms.resolve('junos')).toBeUndefined();
  });

  it('refuses a name given to two platforms', () => {
    const taken = { id: 'other_os', aliases: ['NXOS'], role: 'host' as const };
    expect(() => platforms.with(taken)).toThrow('platform name NXOS is used by both cisco_nxos and other_os');
  });
});

describe("a platform's own host variables", () => {
  const platforms = defaultPlatforms();
  const inventory = { locate: () => ({ file: 'hosts.yaml', line: 1, col: 1 }) } as unknown as Inventory;
  const host = (platform: string, vars: Record<string, unknown>): Host => ({
    name: 'sw1',
    address: 'sw1',
    platform,
    groups: ['all'],
    vars: { platform, ...vars },
    origins: {},
  });

  it('are checked on the hosts of that platform only', () => {
    const vars = { keep_interfaces_backup: 'yes', hostname: 7 };
    expect(checkHostSchema(host('cumulus', vars), inventory, platforms).map((p) => p.message)).toEqual([
      'keep_interfaces_backup must be true or false, found the string "yes"',
    ]);
    expect(checkHostSchema(host('nxos', vars), inventory, platforms).map((p) => p.message)).toEqual([
      'hostname must be a string, found 7',
    ]);
    expect(checkHostSchema(host('linux', vars), inventory, platforms)).toEqual([]);
  });
});
