import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What `render --out DIR` wrote last time, in `DIR/.acp-play-rendered` (one path per line), so that a file the
 * inventory no longer produces (the NAD of a VLAN that left the site) is removed from DIR instead of lingering in a
 * GitOps repository. Only files acp-play wrote itself are ever removed.
 */
export const RENDER_MANIFEST = '.acp-play-rendered';

const HEADER =
  '# Files `acp-play render --out` wrote here; a later render removes the ones the inventory no longer produces.\n';

/** The paths (relative to DIR) the last render wrote; none when DIR has no manifest. */
export function readRenderManifest(outDir: string): string[] {
  const file = path.join(outDir, RENDER_MANIFEST);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * Removes the files the last render wrote that this one did not, when this render covers them (`inScope`: a render
 * with --limit or --no-install leaves what it did not render alone), then records what DIR now holds. Returns the
 * removed paths.
 */
export function updateRenderManifest(
  outDir: string,
  written: readonly string[],
  inScope: (relative: string) => boolean,
): string[] {
  const before = readRenderManifest(outDir);
  const now = new Set(written);
  const stale = before.filter((p) => !now.has(p) && inScope(p) && isInside(outDir, p));
  const removed: string[] = [];
  for (const p of stale) {
    const target = path.join(outDir, p);
    if (existsSync(target)) {
      rmSync(target, { force: true });
      removed.push(target);
    }
  }
  const kept = before.filter((p) => !now.has(p) && !stale.includes(p));
  const all = [...new Set([...kept, ...written])].sort();
  writeFileSync(path.join(outDir, RENDER_MANIFEST), HEADER + all.map((p) => `${p}\n`).join(''));
  return removed;
}

/** A manifest line never leads outside DIR (an edited manifest must not delete other files). */
function isInside(outDir: string, relative: string): boolean {
  const target = path.resolve(outDir, relative);
  return target.startsWith(path.resolve(outDir) + path.sep);
}
