import nunjucks from 'nunjucks';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { readUserFile } from '../inventory/user-file.js';

interface LoaderSource {
  src: string;
  path: string;
  noCache: boolean;
}

type FileSystemLoaderInternals = {
  searchPaths: string[];
  noCache: boolean;
  pathsToNames: Record<string, string>;
  emit(event: string, ...args: unknown[]): void;
};

/**
 * nunjucks' FileSystemLoader, reading through readUserFile: a user's template (`templates/` in the working folder)
 * that is a FIFO, a device, a dangling link or over 8 MiB is a located ConfigError, not a hang. Lookup is
 * nunjucks' own: the first search path holding the name, never outside it.
 */
export class GuardedFileSystemLoader extends nunjucks.FileSystemLoader {
  override getSource(name: string): LoaderSource {
    const self = this as unknown as FileSystemLoaderInternals;
    for (const searchPath of self.searchPaths) {
      const base = path.resolve(searchPath);
      const full = path.resolve(searchPath, name);
      if (!full.startsWith(base) || !existsSync(full)) continue;
      self.pathsToNames[full] = name;
      const source = { src: readUserFile(full, 'template').text, path: full, noCache: self.noCache };
      self.emit('load', name, source);
      return source;
    }
    return null as unknown as LoaderSource;
  }
}
