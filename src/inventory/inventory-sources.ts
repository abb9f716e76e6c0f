import { statSync } from 'node:fs';
import { join } from 'node:path';
import { realPathOf, sortedNames } from './folder-names.js';
import { ConfigError } from '../core/errors.js';
import { fileError } from './user-file.js';

/** The conventional names of an inventory file: a file by one of these names is always read as an inventory. */
export const HOSTS_FILE_NAMES = ['hosts.yaml', 'hosts.yml', 'hosts', 'hosts.ini'] as const;

/** An inventory source: one file, and whether the user named it as an inventory (then every problem in it counts). */
export interface InventorySource {
  readonly file: string;
  /** Given on the command line, or named hosts(.yaml|.yml|.ini): it must read as an inventory. */
  readonly isNamed: boolean;
}

// Ansible's inventory manager skips these in a folder: hidden names, its vars folders, and INVENTORY_IGNORE_EXTS
// (ansible-core 2.19's default: REJECT_EXTS plus .orig, .cfg, .retry).
const IGNORED_NAMES = new Set(['host_vars', 'group_vars', 'vars_plugins']);
const IGNORED_ENDINGS = ['.pyc', '.pyo', '.swp', '.bak', '~', '.rpm', '.md', '.txt', '.rst', '.orig', '.cfg', '.retry'];

/** More files than this in an inventory folder (sub-folders included) is refused: a link to a large tree. */
export const MAX_INVENTORY_SOURCES = 10_000;

/**
 * The inventory sources of `path`, as Ansible's inventory manager finds them: the path itself when it is a file;
 * for a folder, every entry in name order, sub-folders walked the same way, skipping hidden names, `group_vars`,
 * `host_vars`, `vars_plugins` and the extensions Ansible ignores (`.md`, `.txt`, `.cfg`, `.retry`, `~`, ...).
 * Symbolic links are followed; a folder reached again through a link is an error, as is a missing path.
 */
export function findInventorySources(path: string): { sources: InventorySource[]; isFolder: boolean } {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return { sources: [{ file: path, isNamed: true }], isFolder: false }; // the reader says what is wrong with it
  }
  if (!isFolder) return { sources: [{ file: path, isNamed: true }], isFolder: false };
  const sources: InventorySource[] = [];
  walk(path, new Set([realPathOf(path)]), sources);
  return { sources, isFolder: true };
}

function walk(dir: string, open: Set<string>, sources: InventorySource[]): void {
  const names = sortedNames(dir, 'inventory folder');
  for (const name of names) {
    if (name.startsWith('.') || IGNORED_NAMES.has(name) || IGNORED_ENDINGS.some((e) => name.endsWith(e))) continue;
    const full = join(dir, name);
    let isDirectory = false;
    try {
      isDirectory = statSync(full).isDirectory();
    } catch {
      // A dangling or looping link: the reader reports it.
    }
    if (isDirectory) {
      const real = realPathOf(full);
      if (open.has(real)) {
        throw new ConfigError({
          severity: 'error',
          location: { file: full, line: 1, col: 1 },
          message: `inventory folder ${full} leads back to ${real}, which is being read already (a folder loop)`,
          fix: 'remove the link, or point it at a folder outside this one',
        });
      }
      walk(full, new Set([...open, real]), sources);
    } else {
      sources.push({ file: full, isNamed: (HOSTS_FILE_NAMES as readonly string[]).includes(name) });
      if (sources.length > MAX_INVENTORY_SOURCES) {
        throw fileError(
          full,
          `more than ${MAX_INVENTORY_SOURCES} files in the inventory folder (a link to a large folder?)`,
          'check the links in the inventory folder',
        );
      }
    }
  }
}
