/** `a`, `a or b`, `a, b, c or d` (with `and` likewise): names listed in a message. */
export function wordList(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}
