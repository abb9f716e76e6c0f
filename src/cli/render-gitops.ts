import { ConfigError } from '../core/errors.js';
import type { Site } from '../core/site.js';
import { buildGitopsTree } from '../gitops/gitops-tree.js';
import { writeGitopsTree } from '../gitops/write-gitops-tree.js';
import type { RenderedFile } from '../template/render-site.js';

/** The flags of `render --gitops DIR`. */
export interface GitopsFlags {
  readonly gitops?: string;
  readonly gitopsRepo?: string;
  readonly gitopsRevision: string;
  readonly gitopsPath: string;
  readonly limit?: string;
}

/** Checks the --gitops flags before anything is rendered or written (exit 3 on a mistake). */
export function checkGitopsFlags(flags: GitopsFlags): void {
  if (flags.gitops === undefined) return;
  if (flags.limit !== undefined)
    throw new ConfigError({
      severity: 'error',
      message: '--gitops writes a whole site and cannot be combined with --limit',
      fix: 'leave out --limit: Argo CD would remove what a partial tree leaves out',
    });
  if (!flags.gitopsRepo)
    throw new ConfigError({
      severity: 'error',
      message: '--gitops needs the Git repository Argo CD reads the tree from',
      fix: 'add --gitops-repo URL (and --gitops-path if DIR is not the repository root, --gitops-revision BRANCH)',
    });
}

/** Writes the site's GitOps tree into the --gitops folder; returns the written paths. */
export function writeSiteGitops(site: Site, files: readonly RenderedFile[], flags: GitopsFlags): Promise<string[]> {
  const tree = buildGitopsTree(site.name, files, {
    repoUrl: flags.gitopsRepo!,
    revision: flags.gitopsRevision,
    path: flags.gitopsPath,
  });
  return writeGitopsTree(flags.gitops!, tree);
}
