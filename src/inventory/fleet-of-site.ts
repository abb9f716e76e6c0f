import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { HOSTS_FILE_NAMES } from './inventory-sources.js';
import { entryAt } from './user-file.js';

/** Folders of an inventory or a fleet that are never sites. */
const NOT_SITES = new Set(['group_vars', 'host_vars']);

/** True when `dir` holds a hosts file (by one of HOSTS_FILE_NAMES, a file or a link, not a folder). */
export function hasHostsFile(dir: string): boolean {
  return HOSTS_FILE_NAMES.some((name) => {
    const entry = entryAt(join(dir, name));
    return entry !== undefined && !isFolder(join(dir, name));
  });
}

/** True when `name` can be a site folder of a fleet: not hidden, not group_vars/ or host_vars/. */
export function isSiteFolderName(name: string): boolean {
  return !name.startsWith('.') && !NOT_SITES.has(name);
}

/**
 * The fleet folder a site folder sits in, when there is one to inherit from: the parent folder holds a
 * `group_vars/` folder and no hosts file of its own (so it is a folder of sites, not an inventory).
 */
export function fleetOfSite(siteDir: string): string | undefined {
  const site = resolve(siteDir);
  const parent = dirname(site);
  if (parent === site || !isSiteFolderName(basename(site))) return undefined;
  return isFolder(join(parent, 'group_vars')) && !hasHostsFile(parent) ? parent : undefined;
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
