import { describe, expect, it } from 'vitest';
import {
  allVlans,
  chunkVlanSet,
  compressRanges,
  formatVlanSet,
  parseVlanSet,
  sameVlanSet,
  tooManyVlanItems,
  vlanSetDiff,
  VlanSetSyntaxError,
} from '../../../src/inventory/vlan-set.js';

/** VLAN lists as sets of ids, in the range syntax switches print and accept. */

describe('parseVlanSet', () => {
  it('reads the range text switches print, with or without spaces, into sorted unique ids', () => {
    expect(parseVlanSet('2003-2005,2010')).toEqual([2003, 2004, 2005, 2010]);
    expect(parseVlanSet('1, 2')).toEqual([1, 2]);
    expect(parseVlanSet('2003 - 2005')).toEqual([2003, 2004, 2005]);
    expect(parseVlanSet('2010,2003-2004,2004')).toEqual([2003, 2004, 2010]);
    expect(parseVlanSet('2003-2003')).toEqual([2003]);
    expect(parseVlanSet('1-4094')).toHaveLength(4094);
    expect(parseVlanSet('')).toEqual([]);
    expect(parseVlanSet('2003,,2004,')).toEqual([2003, 2004]);
  });

  it('reads a number, and a YAML list of ids, ranges and comma lists', () => {
    expect(parseVlanSet(2003)).toEqual([2003]);
    expect(parseVlanSet([2010, '2003-2004', '2006, 2007'])).toEqual([2003, 2004, 2006, 2007, 2010]);
    expect(parseVlanSet([])).toEqual([]);
  });

  it('rejects ids outside 1-4094, reversed ranges and words, saying which part is wrong', () => {
    const error = (input: Parameters<typeof parseVlanSet>[0]) => {
      try {
        parseVlanSet(input);
      } catch (e) {
        expect(e).toBeInstanceOf(VlanSetSyntaxError);
        return (e as Error).message;
      }
      throw new Error(`${JSON.stringify(input)} was accepted`);
    };
    expect(error('0')).toBe('VLAN id 0 is outside 1-4094');
    expect(error('4095')).toBe('VLAN id 4095 is outside 1-4094');
    expect(error(4095)).toBe('VLAN id 4095 is outside 1-4094');
    expect(error([0])).toBe('VLAN id 0 is outside 1-4094');
    expect(error(2003.5)).toBe('VLAN id 2003.5 is outside 1-4094');
    expect(error('0-5')).toBe('VLAN id 0-5 is outside 1-4094');
    expect(error('4090-4095')).toBe('VLAN id 4090-4095 is outside 1-4094');
    expect(error('2005-2003')).toBe('reversed range "2005-2003" (write 2003-2005)');
    expect(error('2003,vlan10')).toBe('"vlan10" is not a VLAN id or range (expected e.g. 2003 or 2003-2005)');
    expect(error('2003-')).toContain('"2003-" is not a VLAN id');
    expect(error('x2003')).toContain('"x2003" is not');
    expect(error('2003x')).toContain('"2003x" is not');
    expect(error('2003-2005x')).toContain('"2003-2005x" is not');
    expect(error('x2003-2005')).toContain('"x2003-2005" is not');
    expect(error('all')).toContain('"all" is not');
    expect(parseVlanSet('1,4094')).toEqual([1, 4094]);
  });
});

describe('formatting VLAN sets', () => {
  it('compresses ids into the shortest ranges, two adjacent ids as a range', () => {
    expect(formatVlanSet([2010, 2003, 2005, 2004, 2004])).toBe('2003-2005,2010');
    expect(compressRanges([2003, 2004])).toEqual(['2003-2004']);
    expect(compressRanges([2003, 2005, 2007])).toEqual(['2003', '2005', '2007']);
    expect(compressRanges([1, 2, 3, 10, 11, 4094])).toEqual(['1-3', '10-11', '4094']);
    expect(formatVlanSet([])).toBe('');
    expect(formatVlanSet(parseVlanSet('2003-2005,2010'))).toBe('2003-2005,2010');
  });

  it('reads lists in order with repeats, out of order by one pair, and any iterable, as sets', () => {
    expect(formatVlanSet([2003, 2003, 2004, 2006, 2006])).toBe('2003-2004,2006');
    expect(formatVlanSet([1, 2, 4, 3, 5])).toBe('1-5');
    expect(formatVlanSet([7, 5])).toBe('5,7');
    expect(formatVlanSet(new Set([2005, 2003, 2004]))).toBe('2003-2005');
    expect(formatVlanSet(new Set([10, 11]).values())).toBe('10-11');
  });

  it('splits a long set into chunks of at most maxChars, each a whole token', () => {
    const ids = parseVlanSet('2,4,6,8,10,12');
    expect(chunkVlanSet(ids, 5)).toEqual(['2,4,6', '8,10', '12']);
    expect(chunkVlanSet(ids, 6)).toEqual(['2,4,6', '8,10', '12']);
    expect(chunkVlanSet(ids, 4)).toEqual(['2,4', '6,8', '10', '12']);
    // A token longer than maxChars still goes out, alone.
    expect(chunkVlanSet([2003, 2004, 2005, 3000], 3)).toEqual(['2003-2005', '3000']);
    expect(chunkVlanSet([])).toEqual([]);
    const every = Array.from({ length: 200 }, (_, i) => 2 * i + 1);
    const chunks = chunkVlanSet(every);
    expect(chunks.every((c) => c.length <= 220)).toBe(true);
    expect(chunks.length).toBeGreaterThan(1);
    expect(parseVlanSet(chunks.join(','))).toEqual(every);
    expect(chunkVlanSet(every, 10_000)).toEqual([formatVlanSet(every)]);
  });
});

describe('comparing VLAN sets', () => {
  it('gives the ids added and removed, sorted, whatever the order or repeats', () => {
    expect(vlanSetDiff([2010, 2003, 2004], [2005, 2004, 2003, 1])).toEqual({ added: [1, 2005], removed: [2010] });
    expect(vlanSetDiff([], [])).toEqual({ added: [], removed: [] });
    expect(vlanSetDiff([2010, 2003], [2005, 2004])).toEqual({ added: [2004, 2005], removed: [2003, 2010] });
    expect(sameVlanSet([2004, 2003, 2003], parseVlanSet('2003-2004'))).toBe(true);
    expect(sameVlanSet([2003], [2003, 2004])).toBe(false);
    expect(sameVlanSet([2003, 2004], [2003])).toBe(false);
  });

  it('knows all VLANs a trunk with no allowed line carries, and how long a list may be', () => {
    const all = allVlans();
    expect(all).toHaveLength(4094);
    expect(all[0]).toBe(1);
    expect(all[4093]).toBe(4094);
    expect(formatVlanSet(all)).toBe('1-4094');
    // Each port gets its own list: narrowing one port's VLANs leaves the next port's default whole.
    all.splice(10, 100);
    expect(allVlans()).toHaveLength(4094);
    expect(allVlans()).not.toBe(allVlans());
    expect(tooManyVlanItems('site.vlans', 5000)).toEqual({
      message: 'site.vlans has 5000 items, more than there are VLAN ids (4094); only the first 4094 are read',
      fix: 'list each VLAN once, or use ranges such as 2000-2005',
    });
  });
});
