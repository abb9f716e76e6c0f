import { statSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { realPathOf, sortedNames } from './folder-names.js';
import { describeFileType, fileError, readUserFile } from './user-file.js';

/** Ansible's vars file extensions; a file without an extension is read too. */
export const VARS_EXTENSIONS = ['', '.yml', '.yaml', '.json'];

/** More files than this under one group's or host's vars folder is refused (a link to `/` would read the disk). */
export const MAX_VARS_FILES = 10_000;

/**
 * The vars files of one `group_vars/NAME` or `host_vars/NAME` entry: the file itself, or every vars file in the
 * folder and its sub-folders, in name order, skipping hidden and backup (`~`) files, as Ansible does. Symbolic
 * links are followed (to files and to folders); a link that dangles, loops, or leads back to a folder being read
 * (`up -> ..`), and anything that is neither a file nor a folder (a FIFO, a device), is a located ConfigError.
 */
export function varsFilesUnder(path: string): string[] {
  const stats = statOrThrow(path);
  if (!stats.isDirectory()) {
    if (!stats.isFile()) readUserFile(path, 'vars file'); // throws, saying what the entry is
    return [path];
  }
  const files: string[] = [];
  walk(path, [realPathOf(path)], files);
  return files;
}

function walk(dir: string, ancestors: readonly string[], files: string[]): void {
  const names = sortedNames(dir, 'vars folder');
  for (const name of names) {
    if (name.startsWith('.') || name.endsWith('~')) continue;
    const full = join(dir, name);
    const stats = statOrThrow(full);
    if (stats.isDirectory()) {
      const real = realPathOf(full);
      if (ancestors.includes(real)) {
        throw fileError(
          full,
          `vars folder ${full} leads back to ${real}, which is being read already (a folder loop)`,
          'remove the link, or point it at a folder outside this one',
        );
      }
      walk(full, [...ancestors, real], files);
    } else if (VARS_EXTENSIONS.includes(extname(name))) {
      if (!stats.isFile()) {
        throw fileError(
          full,
          `vars file ${full} is ${describeFileType(stats)}, not a regular file`,
          'give a regular file here (a symbolic link to one is fine), or remove it',
        );
      }
      files.push(full);
      if (files.length > MAX_VARS_FILES) {
        throw fileError(
          full,
          `more than ${MAX_VARS_FILES} vars files under one group or host (a link to a large folder?)`,
          'check the links in this folder',
        );
      }
    }
  }
}

/** stat (following links), with dangling links, loops and other OS errors as located ConfigErrors. */
function statOrThrow(path: string): Stats {
  try {
    return statSync(path);
  } catch {
    // readUserFile words every OS error (dangling link, loop, permission) the same way for every file.
    readUserFile(path, 'vars file');
    throw fileError(path, `vars file ${path} cannot be read`, 'check the file');
  }
}
