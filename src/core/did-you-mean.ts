/**
 * Edit distance between two strings: insertions, deletions, substitutions, and swaps of two adjacent characters
 * (optimal string alignment), since `prnue` for `prune` is the most common typo of all.
 */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

// Typos are short words among a few names; past these sizes a suggestion is not worth quadratic work.
const MAX_WORD = 128;
const MAX_CANDIDATES = 5_000;

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: a case-only difference, or an
 * edit distance of at most a third of the word's length (at least 1). Ties go to the earlier candidate. Only the
 * first 5,000 candidates and words up to 128 characters are considered.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_WORD) return undefined;
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let examined = 0;
  for (const candidate of candidates) {
    if (++examined > MAX_CANDIDATES) break;
    // The distance is at least the difference in length, so far longer or shorter names cannot be typos.
    if (candidate === word || Math.abs(candidate.length - word.length) > limit) continue;
    const distance = candidate.toLowerCase() === word.toLowerCase() ? 0.5 : levenshtein(word, candidate);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** A fix text such as "did you mean `hosts`?", or undefined when no candidate is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = suggest(word, candidates);
  return match === undefined ? undefined : `did you mean \`${match}\`?`;
}
