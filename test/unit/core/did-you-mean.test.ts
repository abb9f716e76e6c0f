import { describe, expect, it } from 'vitest';
import { didYouMean, levenshtein, suggest } from '../../../src/core/did-you-mean.js';

describe('suggest', () => {
  it('measures edit distance', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
  });

  it('finds the closest likely typo', () => {
    expect(suggest('host', ['hosts', 'children', 'vars'])).toBe('hosts');
    expect(suggest('chidlren', ['hosts', 'children', 'vars'])).toBe('children');
    expect(suggest('Nodes', ['nodes', 'switches'])).toBe('nodes');
  });

  it('says nothing when no candidate is close', () => {
    expect(suggest('banana', ['hosts', 'children', 'vars'])).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
    expect(didYouMean('swich1', ['switch1', 'node0'])).toBe('did you mean `switch1`?');
  });
});
