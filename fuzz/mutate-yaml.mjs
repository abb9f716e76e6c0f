// Structure-aware mutations of one YAML file: the document is parsed, a node is changed, and the text written back.
import { isMap, isPair, isSeq, parseDocument, Scalar, visit } from 'yaml';
import { ODD_KEYS, ODD_SCALARS } from './random-source.mjs';

const TOKEN = '__FUZZ_RAW__';

/** Every node (maps, lists, scalars) and every map pair of the document, with its parent. */
function nodesOf(doc) {
  const nodes = [];
  visit(doc, {
    Node(_, node, path) {
      nodes.push({ node, parent: path[path.length - 1] });
    },
    Pair(_, pair, path) {
      nodes.push({ pair, parent: path[path.length - 1] });
    },
  });
  return nodes;
}

const OPERATIONS = {
  /** A scalar (or a whole subtree) becomes an odd value, written raw (tags, flow collections). */
  oddValue(doc, rnd, raws) {
    const pairs = nodesOf(doc).filter((n) => n.pair && n.pair.value !== null);
    const target = rnd.pick(pairs);
    if (!target) return 'no pair';
    raws.push(rnd.pick(ODD_SCALARS));
    target.pair.value = new Scalar(`${TOKEN}${raws.length - 1}`);
    return `value of ${String(target.pair.key)} -> ${raws[raws.length - 1]}`;
  },
  /** A map gains a key (inherited object names, schema keys in the wrong place). */
  oddKey(doc, rnd, raws) {
    const maps = nodesOf(doc).filter((n) => isMap(n.node));
    const target = rnd.pick(maps);
    if (!target) return 'no map';
    const key = rnd.pick(ODD_KEYS);
    raws.push(rnd.pick(ODD_SCALARS));
    target.node.set(doc.createNode(key), new Scalar(`${TOKEN}${raws.length - 1}`));
    return `key ${JSON.stringify(key)} added`;
  },
  /** A pair or list item disappears. */
  remove(doc, rnd) {
    const parents = nodesOf(doc).filter((n) => (isMap(n.node) || isSeq(n.node)) && n.node.items.length > 0);
    const target = rnd.pick(parents);
    if (!target) return 'nothing to remove';
    const [gone] = target.node.items.splice(rnd.int(target.node.items.length), 1);
    return `removed ${isPair(gone) ? String(gone.key) : 'an item'}`;
  },
  /** A pair is repeated (a duplicate key) or a list item repeated. */
  duplicate(doc, rnd) {
    const parents = nodesOf(doc).filter((n) => (isMap(n.node) || isSeq(n.node)) && n.node.items.length > 0);
    const target = rnd.pick(parents);
    if (!target) return 'nothing to duplicate';
    const item = rnd.pick(target.node.items);
    target.node.items.push(item.clone ? item.clone() : item);
    return 'duplicated an item';
  },
  /** A value changes shape: wrapped in a list, or in a map, or a list becomes its first item. */
  reshape(doc, rnd) {
    const pairs = nodesOf(doc).filter((n) => n.pair && n.pair.value);
    const target = rnd.pick(pairs);
    if (!target) return 'no pair';
    const value = target.pair.value;
    const choice = rnd.int(3);
    if (choice === 0) {
      const seq = doc.createNode([]);
      seq.items.push(value);
      target.pair.value = seq;
    } else if (choice === 1) {
      const map = doc.createNode({});
      map.items.push(doc.createPair(rnd.pick(['x', 'id', 'name', 'mode']), value));
      target.pair.value = map;
    } else if (isSeq(value) && value.items.length > 0) target.pair.value = value.items[0];
    else target.pair.value = doc.createNode([]);
    return `reshaped ${String(target.pair.key)}`;
  },
  /** An anchor on one collection and an alias to it somewhere else (or an alias to no anchor, or a merge key). */
  alias(doc, rnd) {
    const collections = nodesOf(doc).filter((n) => isMap(n.node) || isSeq(n.node));
    const pairs = nodesOf(doc).filter((n) => n.pair);
    const source = rnd.pick(collections);
    const target = rnd.pick(pairs);
    if (!source || !target) return 'nothing to alias';
    source.node.anchor = 'fz';
    const kind = rnd.int(3);
    if (kind === 0) target.pair.value = doc.createAlias(source.node, 'fz');
    else if (kind === 1) target.pair.value = new Scalar(`${TOKEN}U`);
    else if (isMap(target.pair.value))
      target.pair.value.items.unshift(doc.createPair('<<', doc.createAlias(source.node, 'fz')));
    return `alias kind ${kind} at ${String(target.pair.key)}`;
  },
};

/** Mutates YAML `text` once; returns the new text and what was done (text unchanged when it does not parse). */
export function mutateYaml(text, rnd) {
  const doc = parseDocument(text, { version: '1.1', keepSourceTokens: false });
  if (doc.errors.length > 0 || doc.contents === null) return { text, what: 'yaml: unparsable, left alone' };
  const name = rnd.pick(Object.keys(OPERATIONS));
  const raws = [];
  let what;
  try {
    what = OPERATIONS[name](doc, rnd, raws);
  } catch (error) {
    return { text, what: `yaml ${name}: ${error.message}` };
  }
  let out;
  try {
    out = doc.toString({ lineWidth: 0 });
  } catch (error) {
    return { text, what: `yaml ${name}: cannot stringify (${error.message})` };
  }
  out = out.replaceAll(`${TOKEN}U`, '*nowhere').replace(new RegExp(`${TOKEN}(\\d+)`, 'g'), (_, i) => raws[Number(i)]);
  return { text: out, what: `yaml ${name}: ${what}` };
}
