import { readdirSync, realpathSync } from 'node:fs';
import { fileError } from './user-file.js';

/**
 * The names in folder `dir` in code-point order (Ansible's), or a located ConfigError naming the folder as `what`
 * (`inventory folder`, `vars folder`) when it cannot be read.
 */
export function sortedNames(dir: string, what: string): string[] {
  try {
    return readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    throw fileError(
      dir,
      `${what} ${dir} cannot be read (${(error as NodeJS.ErrnoException).code})`,
      'fix its permissions',
    );
  }
}

/** The real path of `path` (links resolved), or `path` itself when it has none (a dangling link): for loop checks. */
export function realPathOf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
