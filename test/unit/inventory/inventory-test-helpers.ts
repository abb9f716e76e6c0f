import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { loadInventory } from '../../../src/inventory/load-inventory.js';

/** Writes `files` (relative path -> text) into a fresh temporary inventory directory and returns its path. */
export function writeInventory(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'acp-inv-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Loads `dir` expecting a ConfigError; returns its problems. */
export async function loadProblems(dir: string): Promise<ConfigError['problems']> {
  const error = await loadInventory(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}
