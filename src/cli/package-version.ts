import { readFileSync } from 'node:fs';

/** acp-play's own version, from its package.json (what `--version` prints and a plan file records). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
