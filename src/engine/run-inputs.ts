import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Inventory } from '../core/inventory.js';
import type { InputDigests } from '../core/run.js';
import { sha256 } from './fingerprint.js';

/** Names under which the inventory's hosts file can be found (YAML or INI). */
const HOSTS_FILES = ['hosts', 'hosts.yaml', 'hosts.yml', 'hosts.ini'];

/** A folder templates are loaded from, and the name its files are listed under (`templates`, `(packaged)`). */
export interface TemplateDir {
  readonly dir: string;
  readonly label: string;
}

/**
 * sha256 of every input a plan depends on, by path: the inventory files that were loaded (hosts file, group_vars,
 * host_vars), the playbook, and every file of the template folders (the user's `templates/`, the packaged ones).
 */
export function digestInputs(
  inventory: Inventory,
  playbookFile: string,
  templateDirs: readonly TemplateDir[],
  cwd = process.cwd(),
): InputDigests {
  const dir = resolve(cwd, inventory.dir);
  const inventoryFiles = new Set(inventory.files.map((f) => resolve(cwd, f)));
  for (const name of HOSTS_FILES) if (isFile(join(dir, name))) inventoryFiles.add(join(dir, name));
  const templates: Record<string, string> = {};
  for (const t of templateDirs)
    Object.assign(
      templates,
      digestFiles(walk(t.dir), (f) => join(t.label, relative(t.dir, f))),
    );
  return {
    inventory: digestFiles([...inventoryFiles], (f) => relative(dir, f)),
    playbook: digestFiles([resolve(cwd, playbookFile)], () => playbookFile),
    templates,
  };
}

/**
 * What moved between the inputs a plan was made from and the inputs now, one line per file: `inventory
 * group_vars/all.yaml changed`, `templates templates/nmstate/node.yaml.njk added`. Empty when nothing moved.
 */
export function movedInputs(saved: InputDigests, now: InputDigests): string[] {
  const lines: string[] = [];
  for (const kind of ['inventory', 'playbook', 'templates'] as const) {
    const before = saved[kind];
    const after = now[kind];
    for (const file of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      if (before[file] === after[file]) continue;
      const what = before[file] === undefined ? 'added' : after[file] === undefined ? 'removed' : 'changed';
      lines.push(`${kind} ${file} ${what}`);
    }
  }
  return lines;
}

function digestFiles(files: readonly string[], name: (file: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of files) out[name(file)] = isFile(file) ? sha256(readFileSync(file)) : 'missing';
  return out;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
