import { mkdirSync, rm, writeFile } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { RenderedFile } from '../template/render-site.js';

/**
 * Writes rendered files under `outDir` while rendering goes on: each write is handed to the file system as soon as
 * its file exists (Node's thread pool does the writing), folders are made once each. `done` waits for every write
 * and turns the first failure into a ConfigError naming the file (a read-only or full `--out` folder).
 */
export class RenderedWriter {
  private readonly folders = new Set<string>();
  private readonly pending: Promise<void>[] = [];
  private failure?: { target: string; error: unknown };

  constructor(private readonly outDir: string) {}

  /** Starts writing `file`; returns the path it is written to. */
  write(file: RenderedFile): string {
    const target = path.join(this.outDir, file.path);
    const folder = path.dirname(target);
    try {
      if (!this.folders.has(folder)) mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    } catch (error) {
      this.failure ??= { target: folder, error };
      return target;
    }
    const text = file.text.endsWith('\n') ? file.text : `${file.text}\n`;
    // The rejection is kept at once, so a failed write never goes unhandled while rendering continues.
    this.pending.push(
      new Promise<void>((resolve) => {
        const write = (): void =>
          writeFile(target, text, file.secret ? { mode: 0o600 } : {}, (error) => {
            if (error) this.failure ??= { target, error };
            resolve();
          });
        // A secret goes into a new file created 0600: an existing one could be readable by others meanwhile.
        if (file.secret) rm(target, { force: true }, write);
        else write();
      }),
    );
    return target;
  }

  async done(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failure) {
      const { target, error } = this.failure;
      throw new ConfigError(
        {
          severity: 'error',
          message: `cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          fix: 'give --out a folder you can write to',
        },
        { cause: error },
      );
    }
  }
}
