import { describe, expect, it } from 'vitest';
import { parseYaml, YAML_LIMITS } from '../../../src/inventory/yaml-document.js';

const messages = (text: string) => parseYaml('f.yaml', text, { version: '1.1' }).problems.map((p) => p.message);

describe('parseYaml limits', () => {
  it('counts the values aliases add: a fan-out is refused, reuse of small anchors is not', () => {
    const fan = (levels: number, width: number) => {
      let text = `a0: &a0 [${Array(width).fill('x').join(',')}]\n`;
      for (let i = 1; i <= levels; i++)
        text += `a${i}: &a${i} [${Array(width)
          .fill(`*a${i - 1}`)
          .join(',')}]\n`;
      return text;
    };
    expect(parseYaml('f.yaml', fan(3, 10)).isReadable).toBe(true);
    const refused = parseYaml('f.yaml', fan(9, 9));
    expect(refused.isReadable).toBe(false);
    expect(refused.problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^YAML: too many aliases \(limit 100000 values\)/),
        location: expect.objectContaining({ file: 'f.yaml' }),
      }),
    ]);
    expect(YAML_LIMITS.maxAliasValues).toBe(100_000);
  });

  it('refuses undefined aliases, self-containing anchors and bad merge sources, located', () => {
    expect(messages('a: 1\nb: *nope\n')).toEqual(['YAML: alias *nope refers to no anchor']);
    expect(parseYaml('f.yaml', 'a: 1\nb: *nope\n').problems[0]?.location).toEqual({ file: 'f.yaml', line: 2, col: 4 });
    expect(messages('a: &x {b: *x}\n')).toEqual(['YAML: alias *x is inside the value it refers to (a loop)']);
    expect(messages('a: {<<: [1]}\n')[0]).toMatch(/merge key/);
    expect(messages('base: &b {x: 1}\nc: {<<: *b, y: 2}\n')).toEqual([]);
  });

  it('refuses depth past the limit, through aliases too, in plain words', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(messages(deep(64))).toEqual([]);
    expect(messages(deep(65))).toEqual(['YAML: nested too deeply (limit 64 levels of maps and lists)']);
    expect(messages(deep(5000))).toEqual(['YAML: nested too deeply (limit 64 levels of maps and lists)']);
    expect(messages(`a: &a ${deep(40)}\nb: ${'['.repeat(30)}*a${']'.repeat(30)}\n`)).toEqual([
      'YAML: nested too deeply through aliases (limit 64 levels of maps and lists)',
    ]);
  });

  it('reads a lone CR as a line break, keeping positions', () => {
    const parsed = parseYaml('f.yaml', 'a: 1\rb: [\r  x,\r  *y]\r');
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        location: { file: 'f.yaml', line: 4, col: 3 },
        message: 'YAML: alias *y refers to no anchor',
      }),
    ]);
    expect(parseYaml('f.yaml', 'a: 1\rb: 2\r\nc: 3\n').doc.toJS()).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('says how many syntax errors it did not list', () => {
    const problems = parseYaml('f.yaml', 'a: [\n'.repeat(500)).problems;
    expect(problems.length).toBeLessThanOrEqual(102);
  });
});
