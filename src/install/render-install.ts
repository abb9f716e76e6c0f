import type { ClusterModel } from '../core/day0.js';
import type { Site } from '../core/site.js';
import type { RenderedFile } from '../template/render-site.js';
import { renderYaml } from '../template/render-yaml.js';
import { buildAgentConfigContext, buildInstallConfigContext } from './install-context.js';

/** The secret values to render into install-config.yaml: the real ones (writing) or masks (printing). */
export interface InstallSecretValues {
  readonly pullSecret: string;
  readonly sshKey: string;
  readonly masked: boolean;
}

/**
 * Renders the two files of OpenShift's agent-based installer for a validated day-0 site:
 * `install/agent-config.yaml` and `install/install-config.yaml` (the latter marked secret).
 */
export function renderInstallFiles(
  site: Site,
  cluster: ClusterModel,
  secrets: InstallSecretValues,
  cwd?: string,
): RenderedFile[] {
  const agent = renderYaml(
    'install/agent-config.yaml.njk',
    buildAgentConfigContext(site, cluster),
    ['apiVersion', 'kind', 'metadata', 'rendezvousIP', 'hosts'],
    cwd,
  );
  const install = renderYaml(
    'install/install-config.yaml.njk',
    buildInstallConfigContext(cluster, secrets),
    ['apiVersion', 'baseDomain', 'controlPlane', 'metadata', 'networking', 'platform', 'pullSecret', 'sshKey'],
    cwd,
  );
  return [
    { path: 'install/agent-config.yaml', kind: 'install', ...agent },
    { path: 'install/install-config.yaml', kind: 'install', ...install, secret: !secrets.masked },
  ];
}
