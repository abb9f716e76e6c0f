import { describe, expect, it } from 'vitest';
import { YamlFile } from '../../../src/inventory/yaml-file.js';

const read = (text: string): unknown => {
  const file = YamlFile.parse('f.yaml', text);
  return JSON.parse(JSON.stringify(file.toValue(file.doc.contents, [])));
};

describe('YAML 1.1 as PyYAML reads it', () => {
  it('keeps y, n, 1e3 and 0o17 strings; reads octal, base 60, .5 and yes/on as PyYAML does', () => {
    expect(
      read('y: 1\nn: 2\nY: a\nv: [y, n, yes, On, off, 1e3, 1.0e3, 1.0e+3, 0o17, 0755, 1:30, .5, -.5, 1_000]\n'),
    ).toEqual({
      y: 1,
      n: 2,
      Y: 'a',
      v: ['y', 'n', true, true, false, '1e3', '1.0e3', 1000, '0o17', 493, 90, 0.5, '-.5', 1000],
    });
  });

  it('prints timestamps as Python does, zone and fraction kept', () => {
    expect(
      read('a: 2024-01-01\nb: 2024-1-2 3:04:05\nc: 2001-12-14t21:59:43.10-05:00\nd: 2017-03-07T10:20:49Z\n'),
    ).toEqual({
      a: '2024-01-01',
      b: '2024-01-02T03:04:05',
      c: '2001-12-14T21:59:43.100000-05:00',
      d: '2017-03-07T10:20:49+00:00',
    });
  });

  it('reads explicit tags as PyYAML converts them, and refuses what PyYAML cannot read', () => {
    expect(read('a: !!float 5\nb: !!str 5\nc: !!int "7"\n')).toEqual({ a: 5, b: '5', c: 7 });
    expect(YamlFile.parse('f.yaml', 'a: =\n').hasErrors).toBe(true);
    expect(YamlFile.parse('f.yaml', 'a: 2024-02-30\n').problems[0]?.message).toMatch(/2024-02-30 is not a date/);
  });

  it('reads JSON as JSON first, as Ansible does: 1e3 is a number there', () => {
    expect(read('{"a": 1e3, "b": "y"}')).toEqual({ a: 1000, b: 'y' });
  });
});
