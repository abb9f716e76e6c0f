import { posix } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { checkK8sName } from '../inventory/safe-names.js';
import type { RenderedFile } from '../template/render-site.js';
import { renderYaml } from '../template/render-yaml.js';
import { buildApplicationSetContext, SITES_DIR, type GitopsSource } from './gitops-context.js';

/** One file of the GitOps tree, relative to the tree's folder. */
export interface GitopsFile {
  readonly path: string;
  readonly text: string;
  /** The parsed document. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** A site's part of the tree: its folder (replaced whole on each render) and the files in it. */
export interface GitopsTree {
  /** `sites/<site>`. */
  readonly siteDir: string;
  readonly siteFiles: readonly GitopsFile[];
  /** `applicationset.yaml`, the same for every site of the tree. */
  readonly applicationSet: GitopsFile;
}

/**
 * The GitOps tree of one site: `sites/<site>/` with the site's NNCPs and NADs exactly as `render` writes them and a
 * `kustomization.yaml` listing them, and `applicationset.yaml`, which turns every folder under `sites/` into an
 * Argo CD Application for the cluster registered under the site's name. Rendering site after site into one folder
 * builds the tree of a fleet.
 */
export function buildGitopsTree(
  siteName: string,
  rendered: readonly RenderedFile[],
  source: GitopsSource,
  cwd?: string,
): GitopsTree {
  const rule = checkK8sName(siteName);
  if (rule)
    throw new ConfigError({
      severity: 'error',
      message: `site name ${JSON.stringify(siteName)} cannot name a GitOps folder and its Argo CD cluster`,
      fix: `set site.name in group_vars/all.yaml: ${rule}`,
    });
  const siteDir = posix.join(SITES_DIR, siteName);
  const manifests = rendered
    .filter((f) => f.kind === 'k8s')
    .map((f) => ({
      path: posix.join(siteDir, posix.basename(f.path)),
      text: f.text,
      data: f.data as GitopsFile['data'],
    }));
  const kustomization = renderYaml(
    'gitops/kustomization.yaml.njk',
    { site: siteName, resources: manifests.map((m) => posix.basename(m.path)) },
    ['apiVersion', 'kind', 'resources'],
    cwd,
  );
  const applicationSet = renderYaml(
    'gitops/applicationset.yaml.njk',
    buildApplicationSetContext(source),
    ['apiVersion', 'kind', 'metadata', 'spec'],
    cwd,
  );
  return {
    siteDir,
    siteFiles: [...manifests, { path: posix.join(siteDir, 'kustomization.yaml'), ...kustomization }],
    applicationSet: { path: 'applicationset.yaml', ...applicationSet },
  };
}
