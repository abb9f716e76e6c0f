import ipaddr from 'ipaddr.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { suggest } from '../../../src/core/did-you-mean.js';
import { expandHostEntry } from '../../../src/inventory/host-range.js';
import { SubnetIndex, type Cidr } from '../../../src/inventory/subnet-index.js';
import { chunkVlanSet, formatVlanSet, parseVlanSet, VlanSetSyntaxError } from '../../../src/inventory/vlan-set.js';
import { isPlainName, toYaml } from '../../../src/template/filters.js';

/** Properties of the small value parsers and helpers the inventory checks rest on. */

const vlanIds = fc.uniqueArray(fc.integer({ min: 1, max: 4094 }), { maxLength: 300 });
const vlanText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc
    .array(
      fc.oneof(
        fc.integer({ min: -5, max: 5000 }).map(String),
        fc.constantFrom('2003-2005', ' 1 - 3 ', '', 'x', '5-1', '4094', '0', '1-99999999999'),
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.join(',')),
);

describe('VLAN sets (properties)', () => {
  it('any text or list parses to sorted ids in 1-4094, or throws VlanSetSyntaxError', () => {
    fc.assert(
      fc.property(
        fc.oneof(vlanText, fc.array(fc.oneof(fc.integer({ min: -5, max: 5000 }), vlanText), { maxLength: 5 })),
        (input) => {
          let ids: number[];
          try {
            ids = parseVlanSet(input);
          } catch (error) {
            expect(error).toBeInstanceOf(VlanSetSyntaxError);
            return;
          }
          expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
          for (const id of ids) expect(id >= 1 && id <= 4094).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('format and chunks round-trip to the same set', () => {
    fc.assert(
      fc.property(vlanIds, fc.integer({ min: 10, max: 300 }), (ids, width) => {
        const sorted = [...ids].sort((a, b) => a - b);
        expect(parseVlanSet(formatVlanSet(ids))).toEqual(sorted);
        const chunks = chunkVlanSet(ids, width);
        expect(parseVlanSet(chunks)).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });
});

describe('host ranges (properties)', () => {
  it('any host entry expands to names, or throws an Error with a message, never past the cap', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('[1:3]', '[01:10]', '[a:c]', '[3:1]', '[1:9:2]', '[0:99999]', '[a:zz]', ':22', '[', ']', ':'),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 5 }).map((p) => p.join('')),
        (pattern) => {
          try {
            const { names } = expandHostEntry(pattern);
            expect(names.length).toBeGreaterThan(0);
            expect(names.length).toBeLessThanOrEqual(10_000);
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
            expect((error as Error).message).toMatch(/host range|host count|ACP_PLAY/);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('helpers (properties)', () => {
  it('subnet overlaps found by the prefix index are those a pairwise check finds', () => {
    const cidr = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 })).map(([n, len]) => {
      const network = len === 0 ? 0 : (n >>> (32 - len)) << (32 - len);
      return [ipaddr.fromByteArray([24, 16, 8, 0].map((s) => (network >>> s) & 255)), len] as Cidr;
    });
    fc.assert(
      fc.property(fc.array(cidr, { maxLength: 20 }), (cidrs) => {
        const index = new SubnetIndex();
        cidrs.forEach((c, i) => {
          const found = index.add(c, i, `${c[0].toString()}/${c[1]}`);
          const first = cidrs
            .slice(0, i)
            .findIndex((o) => (o[1] <= c[1] ? c[0].match(o as never) : o[0].match(c as never)));
          expect(found?.id ?? -1).toBe(first);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('plain names are written by to_yaml exactly as YAML 1.1 writes them', () => {
    const word = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9_./-]{0,12}$/),
      fc.constantFrom('yes', 'No', 'e5', 'E-3', 'off', 'Null', 'y', 'true'),
    );
    fc.assert(
      fc.property(word, (text) => {
        const library = YAML.stringify(text, {
          version: '1.1',
          lineWidth: 0,
          minContentWidth: 0,
          blockQuote: false,
        }).replace(/\n$/, '');
        if (isPlainName(text)) expect(library).toBe(text);
        expect(toYaml(text)).toBe(library);
        expect(YAML.parse(`k: ${toYaml(text)}`, { version: '1.1' })).toEqual({ k: text });
      }),
      { numRuns: 1000 },
    );
  });

  it('did-you-mean never suggests the word itself and stays quiet for long words', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.string({ maxLength: 20 }), { maxLength: 30 }),
        (word, candidates) => {
          const hint = suggest(word, candidates);
          if (hint !== undefined) expect(candidates).toContain(hint);
          expect(hint).not.toBe(word);
          if (word.length > 128) expect(hint).toBeUndefined();
        },
      ),
      { numRuns: 500 },
    );
  });
});
