import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isMap, isScalar, type Node } from 'yaml';
import { ConfigError } from '../core/errors.js';
import { didYouMean } from '../core/did-you-mean.js';
import type { VaultKeyring } from '../transport/vault-keyring.js';
import type { VarLayer } from './combine-vars.js';
import type { InventoryBuilder } from './inventory-builder.js';
import { entryAt } from './user-file.js';
import { VARS_EXTENSIONS, varsFilesUnder } from './vars-files.js';
import { YamlFile } from './yaml-file.js';

// Ansible's lookup order: the bare name (file or folder) first, then these extensions; the first that exists is used.
const EXTENSIONS = VARS_EXTENSIONS;

/** The text one inventory may read in all (hosts file and vars files): a link to a large folder stops here. */
export const MAX_INVENTORY_BYTES = 64 * 1024 * 1024;

/** What is left of MAX_INVENTORY_BYTES for one inventory, shared by its readers. */
export interface ReadBudget {
  left: number;
  /** Set once the budget ran out and that was reported. */
  spent?: boolean;
}

/** What a vars directory gave: one layer per group or host name, and every file parsed (for `locate`). */
export interface VarsDirContent {
  readonly layers: Map<string, VarLayer>;
  readonly sources: YamlFile[];
}

/**
 * Reads `group_vars/` or `host_vars/` under `base` for the given names, as Ansible's host_group_vars plugin
 * does: `NAME`, `NAME.yml`, `NAME.yaml`, `NAME.json` or a folder `NAME/` whose files are read in name order.
 * Files that match no name give a warning (a misspelt group would otherwise be silently ignored), unless
 * `warnUnmatched` is false (a fleet's group_vars/ holds groups that only some of its sites have).
 */
export function readVarsDir(
  base: string,
  kind: 'group_vars' | 'host_vars',
  names: readonly string[],
  builder: InventoryBuilder,
  budget: ReadBudget,
  keyring: VaultKeyring,
  warnUnmatched = true,
): VarsDirContent {
  const dir = join(base, kind);
  const content: VarsDirContent = { layers: new Map(), sources: [] };
  const entries = listEntries(dir, builder);
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
    for (const file of collect(builder, () => varsFilesUnder(join(dir, chosen))) ?? []) {
      if (budget.left <= 0) {
        if (!budget.spent) {
          builder.error(
            `the inventory's files add up to more than ${MAX_INVENTORY_BYTES / (1024 * 1024)} MiB; ${file} and the files after it are not read`,
            { file, line: 1, col: 1 },
            'check the links in the vars folders; an inventory is rarely more than a few MiB',
          );
          budget.spent = true;
        }
        break;
      }
      const source = collect(builder, () => YamlFile.read(file, keyring));
      if (source) budget.left -= source.size;
      if (source === undefined) continue;
      content.sources.push(source);
      readVarsFile(source, layer, builder);
    }
    content.layers.set(name, layer);
  }
  const what = kind === 'group_vars' ? 'group' : 'host';
  for (const entry of entries.keys()) {
    if (!warnUnmatched || used.has(entry) || entry.startsWith('.')) continue;
    const stem = EXTENSIONS.includes(extname(entry)) ? entry.slice(0, entry.length - extname(entry).length) : entry;
    builder.warn(
      `${join(dir, entry)} matches no ${what} of the inventory, so it is not read`,
      { file: join(dir, entry), line: 1, col: 1 },
      didYouMean(stem, names) ?? `rename it after a ${what}`,
    );
  }
  return content;
}

/** The result of `read`, or undefined with the ConfigError's problems added to the builder. */
function collect<T>(builder: InventoryBuilder, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    builder.problems.push(...error.problems);
    return undefined;
  }
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
        key === '' ? 'a variable name is empty' : `variable name ${String(key)} is not a string`,
        source.nodeLocation(pair.key as Node),
        'variable names are words like `vlans`',
      );
      continue;
    }
    const value = source.toValue(pair.value as Node | null, builder.problems);
    builder.setVar(layer, key, value, { file: source.file, yamlPath: [key] });
  }
}

/** The names in `dir`; undefined when there is no such folder. Anything else wrong with it is a problem. */
function listEntries(dir: string, builder: InventoryBuilder): Set<string> | undefined {
  try {
    if (!statSync(dir).isDirectory()) {
      // As Ansible: a group_vars that is not a folder is skipped with a warning.
      builder.warn(`${dir} is not a folder, so it is not read`, { file: dir, line: 1, col: 1 }, 'make it a folder');
      return undefined;
    }
    return new Set(readdirSync(dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !entryAt(dir)?.isSymbolicLink()) return undefined;
    builder.error(
      `${dir} cannot be read (${describeError(error)})`,
      { file: dir, line: 1, col: 1 },
      'make it a readable folder, or remove it',
    );
    return undefined;
  }
}

function describeError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'a dangling symbolic link';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}
