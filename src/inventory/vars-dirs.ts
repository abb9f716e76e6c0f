import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { isMap, isScalar, type Node } from 'yaml';
import { didYouMean } from '../core/did-you-mean.js';
import type { VarLayer } from './combine-vars.js';
import type { InventoryBuilder } from './inventory-builder.js';
import { YamlFile } from './yaml-file.js';

// Ansible's lookup order: the bare name (file or folder) first, then these extensions; the first that exists is used.
const EXTENSIONS = ['', '.yml', '.yaml', '.json'];

/** What a vars directory gave: one layer per group or host name, and every file parsed (for `locate`). */
export interface VarsDirContent {
  readonly layers: Map<string, VarLayer>;
  readonly sources: YamlFile[];
}

/**
 * Reads `group_vars/` or `host_vars/` under `base` for the given names, as Ansible's host_group_vars plugin
 * does: `NAME`, `NAME.yml`, `NAME.yaml`, `NAME.json` or a folder `NAME/` whose files are read in name order.
 * Files that match no name give a warning (a misspelt group would otherwise be silently ignored).
 */
export async function readVarsDir(
  base: string,
  kind: 'group_vars' | 'host_vars',
  names: readonly string[],
  builder: InventoryBuilder,
): Promise<VarsDirContent> {
  const dir = join(base, kind);
  const content: VarsDirContent = { layers: new Map(), sources: [] };
  const entries = await listEntries(dir);
  if (entries === undefined) return content;
  const used = new Set<string>();
  for (const name of names) {
    const found = EXTENSIONS.map((ext) => name + ext).filter((entry) => entries.has(entry));
    const [chosen, ...ignored] = found;
    if (chosen === undefined) continue;
    used.add(chosen);
    for (const other of ignored) {
      used.add(other);
      builder.warn(
        `${join(dir, other)} is ignored: ${join(dir, chosen)} is read for \`${name}\`, as in Ansible`,
        { file: join(dir, other), line: 1, col: 1 },
        'merge the two files into one',
      );
    }
    const layer: VarLayer = new Map();
    for (const file of await filesUnder(join(dir, chosen))) {
      const source = await YamlFile.read(file);
      content.sources.push(source);
      readVarsFile(source, layer, builder);
    }
    content.layers.set(name, layer);
  }
  const what = kind === 'group_vars' ? 'group' : 'host';
  for (const entry of entries.keys()) {
    if (used.has(entry) || entry.startsWith('.')) continue;
    const stem = EXTENSIONS.includes(extname(entry)) ? entry.slice(0, entry.length - extname(entry).length) : entry;
    builder.warn(
      `${join(dir, entry)} matches no ${what} of the inventory, so it is not read`,
      { file: join(dir, entry), line: 1, col: 1 },
      didYouMean(stem, names) ?? `rename it after a ${what}`,
    );
  }
  return content;
}

function readVarsFile(source: YamlFile, layer: VarLayer, builder: InventoryBuilder): void {
  builder.problems.push(...source.problems);
  if (!source.isReadable) return;
  const root = source.doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return;
  if (!isMap(root)) {
    builder.error(
      `${source.file} must be a map of variables`,
      source.nodeLocation(root),
      'write one `name: value` per line',
    );
    return;
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof key !== 'string' || key === '') {
      builder.error(
        `variable name ${String(key)} is not a string`,
        source.nodeLocation(pair.key as Node),
        'variable names are words like `vlans`',
      );
      continue;
    }
    const value = ((pair.value as Node | null)?.toJS(source.doc, { maxAliasCount: 1000 }) as unknown) ?? null;
    builder.setVar(layer, key, value, { file: source.file, yamlPath: [key] });
  }
}

async function listEntries(dir: string): Promise<Map<string, boolean> | undefined> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return new Map(entries.map((e) => [e.name, e.isDirectory()]));
  } catch {
    return undefined;
  }
}

/** A file, or the vars files in a folder (recursively, in name order, skipping hidden and backup files). */
async function filesUnder(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.endsWith('~')) continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(full)));
    else if (EXTENSIONS.includes(extname(entry.name))) files.push(full);
  }
  return files;
}
