import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

/** YAML path: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/**
 * The node at `path` in a parsed document, or the deepest node that exists on the way there (`exact` says which).
 * A key is matched by its text, so a path from a plain JavaScript value (where every key is a string) finds it.
 * With `key`, the last step names a map key and its key node is returned (to point at `nmstat:`, not its value).
 */
export function findNode(doc: Document, path: YamlPath, key = false): { node: Node | null; exact: boolean } {
  let node = doc.contents as Node | null;
  for (const [index, step] of path.entries()) {
    const pair = pairOf(doc, node, step);
    const next = pair ? pairNode(pair, key && index === path.length - 1) : itemOf(doc, node, step);
    if (next === undefined) return { node, exact: false };
    node = next;
  }
  return { node, exact: true };
}

function resolved(doc: Document, node: Node | null): Node | null {
  return isAlias(node) ? ((node.resolve(doc) as Node | undefined) ?? null) : node;
}

function pairOf(doc: Document, parent: Node | null, step: string | number): Pair | undefined {
  const node = resolved(doc, parent);
  if (!isMap(node)) return undefined;
  return node.items.find((pair) => {
    const name = isScalar(pair.key) ? pair.key.value : pair.key;
    return name === step || (name !== null && name !== undefined && String(name) === String(step));
  });
}

function pairNode(pair: Pair, key: boolean): Node | null {
  const value = key ? null : (pair.value as Node | null);
  return value ?? (pair.key as Node | null);
}

function itemOf(doc: Document, parent: Node | null, step: string | number): Node | undefined {
  const node = resolved(doc, parent);
  if (isSeq(node) && typeof step === 'number') return (node.items[step] as Node | undefined) ?? undefined;
  return undefined;
}
