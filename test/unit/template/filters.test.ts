import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { toJson, toYaml, vlanChunks, vlanCompress, vlanExpand } from '../../../src/template/filters.js';

describe('VLAN filters', () => {
  it('vlan_compress turns ids into range text', () => {
    expect(vlanCompress([2005, 2003, 2004, 2010])).toBe('2003-2005,2010');
    expect(vlanCompress([10, 20, 21], ' ')).toBe('10 20-21');
    expect(vlanCompress([])).toBe('');
  });

  it('vlan_expand turns text into sorted ids', () => {
    expect(vlanExpand('2003-2005, 2010')).toEqual([2003, 2004, 2005, 2010]);
    expect(vlanExpand(['2003-2004', 2010])).toEqual([2003, 2004, 2010]);
    expect(() => vlanExpand('2005-2003')).toThrow(/reversed/);
  });

  it('vlan_compress rejects what is not a list of ids', () => {
    expect(() => vlanCompress(['2003'] as unknown as number[])).toThrow(/VLAN ids/);
  });

  it('vlan_chunks splits a 500-VLAN scattered set into lines of at most 220 characters, losing nothing', () => {
    // Every third id from 2 on: 500 ids, no two adjacent, so no ranges shorten the text.
    const ids = Array.from({ length: 500 }, (_, i) => 2 + i * 3);
    const chunks = vlanChunks(ids, 220);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(220);
    const union = chunks.flatMap((chunk) => vlanExpand(chunk));
    expect(union).toEqual(ids);
    expect(new Set(union).size).toBe(union.length);
  });

  it('vlan_chunks keeps a short set on one line', () => {
    expect(vlanChunks([2003, 2004, 2005])).toEqual(['2003-2005']);
  });
});

describe('to_yaml / to_json', () => {
  const tricky = [
    'yes',
    'on',
    'no',
    'null',
    '0123',
    '2003',
    '1e3',
    'a: b',
    '#not a comment',
    '- x',
    ' lead',
    'it\'s "quoted"',
    '{x}',
    '*ref',
    '',
  ];

  it('emits scalars that parse back to the same value, for YAML 1.2 and 1.1 readers', () => {
    for (const value of [...tricky, 2003, true, false, null, 1.5]) {
      const text = `key: ${toYaml(value)}\n`;
      expect(YAML.parse(text), text).toEqual({ key: value });
      expect(YAML.parse(text, { version: '1.1' }), text).toEqual({ key: value });
    }
  });

  it('emits collections on one line without an indent', () => {
    const value = { enabled: true, address: [{ ip: '172.16.4.10', 'prefix-length': 24 }], note: 'a: b' };
    const text = toYaml(value);
    expect(text).not.toContain('\n');
    expect(YAML.parse(`ipv4: ${text}\n`)).toEqual({ ipv4: value });
  });

  it('emits collections as indented blocks with an indent', () => {
    const iface = {
      name: 'eth1',
      type: 'ethernet',
      state: 'up',
      ipv4: { enabled: true, address: [{ ip: '10.0.0.1', 'prefix-length': 24 }] },
      description: 'yes',
    };
    const text = `interfaces:\n  - ${toYaml(iface, 4)}\n`;
    expect(YAML.parse(text)).toEqual({ interfaces: [iface] });
    expect(text).toContain('\n    ipv4:\n');
  });

  it('emits a multi-line string as a literal block after a key', () => {
    const json = toJson({ cniVersion: '0.3.1', name: 'vlan2003' }, 2);
    const text = `spec:\n  config: ${toYaml(json, 4)}\n`;
    expect(text).toContain('config: |-');
    expect(YAML.parse(text)).toEqual({ spec: { config: json } });
    expect(JSON.parse((YAML.parse(text) as { spec: { config: string } }).spec.config)).toEqual({
      cniVersion: '0.3.1',
      name: 'vlan2003',
    });
  });

  it('keeps a multi-line string with leading spaces correct by quoting it', () => {
    const value = '  indented\nsecond';
    expect(YAML.parse(`a:\n  b: ${toYaml(value, 4)}\n`)).toEqual({ a: { b: value } });
  });

  it('refuses undefined', () => {
    expect(() => toYaml(undefined)).toThrow(/undefined/);
    expect(() => toJson(undefined)).toThrow(/undefined/);
  });
});
