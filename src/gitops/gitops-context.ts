import { posix } from 'node:path';

/** Where Argo CD finds the GitOps tree: the repository, the revision, and the tree's folder in it. */
export interface GitopsSource {
  /** The Git repository Argo CD reads (`--gitops-repo`). */
  readonly repoUrl: string;
  /** Branch, tag or commit (`--gitops-revision`; default HEAD). */
  readonly revision: string;
  /** The tree's folder inside the repository (`--gitops-path`; default `.`, the repository's root). */
  readonly path: string;
}

/** Context of `gitops/kustomization.yaml.njk`. */
export interface KustomizationContext {
  readonly site: string;
  /** The manifests' file names, in render order. */
  readonly resources: readonly string[];
}

/** Context of `gitops/applicationset.yaml.njk`. Values with `{{.path.…}}` are Argo CD's Go templates. */
export interface ApplicationSetContext {
  readonly name: string;
  readonly namespace: string;
  readonly project: string;
  readonly repoUrl: string;
  readonly revision: string;
  /** `<path>/sites/*`: the directory generator's pattern. */
  readonly sitesGlob: string;
  readonly appName: string;
  readonly siteName: string;
  readonly sitePath: string;
  readonly clusterName: string;
}

/** The folder of the site folders, inside the tree. */
export const SITES_DIR = 'sites';

export function buildApplicationSetContext(source: GitopsSource): ApplicationSetContext {
  const root = posix
    .normalize(source.path)
    .replace(/^\.\/?$/, '')
    .replace(/\/+$/, '');
  return {
    name: 'acp-play-sites',
    namespace: 'argocd',
    project: 'default',
    repoUrl: source.repoUrl,
    revision: source.revision,
    sitesGlob: root === '' ? `${SITES_DIR}/*` : `${root}/${SITES_DIR}/*`,
    appName: 'acp-play-{{.path.basename}}',
    siteName: '{{.path.basename}}',
    sitePath: '{{.path.path}}',
    clusterName: '{{.path.basename}}',
  };
}
