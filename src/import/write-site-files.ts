import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, isMap, parseDocument, type Node } from 'yaml';
import type { ImportedSite } from './describe-site.js';

/**
 * The vars file `import` writes a key into: the existing `NAME.yaml`, `NAME.yml` or `NAME` file, a new `site.yaml` in
 * a folder `NAME/`, or a new `NAME.yaml`.
 */
function varsFile(inventory: string, kind: 'group_vars' | 'host_vars', name: string): string {
  const base = join(inventory, kind, name);
  for (const ext of ['.yaml', '.yml', '']) {
    const file = `${base}${ext}`;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  if (existsSync(base) && statSync(base).isDirectory()) return join(base, 'site.yaml');
  return `${base}.yaml`;
}

/** Sets one top-level key of a YAML file, keeping what else it holds (comments included). */
function setKey(file: string, key: string, value: unknown, comment: string, flowDepth: number): void {
  const doc = existsSync(file) ? parseDocument(readFileSync(file, 'utf8')) : new Document({});
  if (!isMap(doc.contents)) doc.contents = doc.createNode({});
  const node = doc.createNode(value) as Node;
  flowBelow(node, flowDepth);
  node.commentBefore = ` ${comment}`;
  doc.set(key, node);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
}

/** Writes maps and lists `depth` levels down in flow style (`Ethernet1/3: {mode: trunk, ...}`), one per line. */
function flowBelow(node: unknown, depth: number): void {
  if (!node || typeof node !== 'object' || !('items' in node)) return;
  if (depth === 0) {
    (node as { flow?: boolean }).flow = true;
    return;
  }
  for (const item of (node as { items: unknown[] }).items)
    flowBelow(item && typeof item === 'object' && 'value' in item ? item.value : item, depth - 1);
}

/** Writes the imported description into the inventory; returns the files written, relative to it. */
export function writeSiteFiles(inventory: string, imported: ImportedSite, stamp: string): string[] {
  const comment = `Written by acp-play import (${stamp}) from what the devices have.`;
  const written: string[] = [];
  const put = (kind: 'group_vars' | 'host_vars', name: string, key: string, value: unknown, depth: number): void => {
    const file = varsFile(inventory, kind, name);
    setKey(file, key, value, comment, depth);
    written.push(file.slice(inventory.length + 1));
  };
  put('group_vars', 'all', 'site', imported.site, 2);
  for (const [name, sw] of imported.switches) put('host_vars', name, 'switch', sw, 2);
  for (const [name, node] of imported.nodes) put('host_vars', name, 'node', node, 1);
  return written;
}
