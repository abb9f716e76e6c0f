import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { keyTypeOf } from './host-key.js';

/** `name key-type base64` — one known_hosts line (no newline). `name` comes from `knownHostsName`. */
export function formatKnownHostsLine(name: string, keyBlob: Buffer): string {
  return `${name} ${keyTypeOf(keyBlob) ?? 'unknown'} ${keyBlob.toString('base64')}`;
}

/** Appends one line (creating the file and its folder) and returns the 1-based line number it landed on. */
export function appendKnownHostsLine(file: string, line: string): number {
  const existing = readOrEmpty(file);
  const lines = existing === '' ? 0 : existing.replace(/\n$/, '').split('\n').length;
  mkdirSync(dirname(file), { recursive: true });
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  appendFileSync(file, `${separator}${line}\n`, { mode: 0o644 });
  return lines + 1;
}

/**
 * Replaces the given lines with one new line (written where the first of them was) and returns its line
 * number. Used by `keyscan --replace` on the inventory's own file only.
 */
export function replaceKnownHostsLines(file: string, lineNumbers: readonly number[], line: string): number {
  const drop = new Set(lineNumbers);
  const first = Math.min(...lineNumbers);
  const out: string[] = [];
  let placed = 0;
  readOrEmpty(file)
    .replace(/\n$/, '')
    .split('\n')
    .forEach((text, index) => {
      if (index + 1 === first) {
        out.push(line);
        placed = out.length;
      } else if (!drop.has(index + 1)) {
        out.push(text);
      }
    });
  writeFileSync(file, `${out.join('\n')}\n`);
  return placed;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
