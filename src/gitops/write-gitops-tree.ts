import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { GitopsTree } from './gitops-tree.js';

/**
 * Writes a site's part of the tree under `dir`. The site's folder is acp-play's: it is replaced whole (written
 * aside, then swapped in), so a VLAN or node removed from the inventory leaves no stale manifest behind.
 * `applicationset.yaml` is rewritten. Returns the written paths.
 */
export async function writeGitopsTree(dir: string, tree: GitopsTree): Promise<string[]> {
  const siteDir = join(dir, tree.siteDir);
  const tag = randomBytes(4).toString('hex');
  const staging = join(dirname(siteDir), `.staging-${tag}`);
  const retired = join(dirname(siteDir), `.retired-${tag}`);
  await mkdir(staging, { recursive: true });
  try {
    for (const file of tree.siteFiles) await writeFile(join(staging, basename(file.path)), withNewline(file.text));
    if (existsSync(siteDir)) await rename(siteDir, retired);
    await rename(staging, siteDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(retired, { recursive: true, force: true });
  }
  await writeFile(join(dir, tree.applicationSet.path), withNewline(tree.applicationSet.text));
  return [...tree.siteFiles, tree.applicationSet].map((f) => join(dir, f.path));
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
