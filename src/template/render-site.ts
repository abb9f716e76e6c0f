import { InternalError } from '../core/errors.js';
import type { PlatformCatalog, PlatformInfo, PlatformTemplate } from '../core/platform.js';
import type { Site } from '../core/site.js';
import { buildNadContext, buildNncpContext } from './k8s-context.js';
import { buildNodeStateContext } from './node-state-context.js';
import { renderYaml } from './render-yaml.js';
import { buildSwitchContext } from './switch-context.js';
import { render } from './template-env.js';

/** One rendered desired-state file. */
export interface RenderedFile {
  /** The inventory host it is for; absent for site-wide files (the NADs). */
  readonly host?: string;
  /** Relative output path, e.g. `nodes/node0.nmstate.yaml`, `switches/switch1.cisco_nxos.cfg`. */
  readonly path: string;
  readonly kind: 'node' | 'switch' | 'k8s' | 'install';
  readonly text: string;
  /** Holds a secret (install-config.yaml): written with file mode 0600. */
  readonly secret?: boolean;
  /** YAML files: the parsed document. Switches: the SwitchContext the text was rendered from. */
  readonly data?: unknown;
  /** nmstate and NNCP files: the interfaces acp-play owns on that node (see NodeStateContext). */
  readonly managedInterfaces?: readonly string[];
}

export interface RenderSiteOptions {
  /** The platforms the site was built with: each names the template its hosts render with. */
  readonly platforms: PlatformCatalog;
  /** Host names to render; default every host. Site-wide files (NADs) are rendered only without a limit. */
  readonly limit?: readonly string[];
  /** Directory whose `templates/` overrides the packaged templates; default process.cwd(). */
  readonly cwd?: string;
}

const K8S_KEYS = ['apiVersion', 'kind', 'metadata', 'spec'] as const;

/**
 * Renders a site's desired state: per node its nmstate state and NodeNetworkConfigurationPolicy, per switch its
 * configuration, and one NetworkAttachmentDefinition per VM VLAN, each with its platform's template. Order: nodes,
 * switches, NNCPs, NADs.
 */
export function renderSite(site: Site, options: RenderSiteOptions): RenderedFile[] {
  const limit = options.limit ? new Set(options.limit) : undefined;
  const wanted = (host: string): boolean => limit === undefined || limit.has(host);
  const { cwd } = options;
  const nodes: RenderedFile[] = [];
  const nncps: RenderedFile[] = [];
  for (const node of site.nodes.filter((n) => wanted(n.name))) {
    const { template } = platformOf(options.platforms, node.platform);
    const context = buildNodeStateContext(node, site);
    const state = renderYaml(template.path, context, ['interfaces'], cwd);
    const managedInterfaces = context.managedInterfaces;
    nodes.push({
      host: node.name,
      path: `nodes/${node.name}.${template.extension}`,
      kind: 'node',
      ...state,
      managedInterfaces,
    });
    const policy = renderYaml(
      'k8s/nncp.yaml.njk',
      buildNncpContext(node.name, state.data, managedInterfaces),
      K8S_KEYS,
      cwd,
    );
    nncps.push({ host: node.name, path: `k8s/nncp-${node.name}.yaml`, kind: 'k8s', ...policy, managedInterfaces });
  }
  const switches = site.switches
    .filter((sw) => wanted(sw.name))
    .map((sw): RenderedFile => {
      const platform = platformOf(options.platforms, sw.platform);
      const context = buildSwitchContext(sw, platform);
      const text = render(platform.template.path, context, cwd === undefined ? {} : { cwd });
      const path = `switches/${sw.name}.${sw.platform}.${platform.template.extension}`;
      return { host: sw.name, path, kind: 'switch', text, data: context };
    });
  const nads =
    limit === undefined
      ? site.nads.map((nad): RenderedFile => {
          const doc = renderYaml('k8s/nad.yaml.njk', buildNadContext(nad), K8S_KEYS, cwd);
          return { path: `k8s/nad-${nad.name}.yaml`, kind: 'k8s', ...doc };
        })
      : [];
  return [...nodes, ...switches, ...nncps, ...nads];
}

/** The platform of a built site's host: known to the registry the site was built with, and with a template. */
function platformOf(platforms: PlatformCatalog, id: string): PlatformInfo & { template: PlatformTemplate } {
  const platform = platforms.resolve(id);
  if (!platform?.template) throw new InternalError(`platform ${id} has no template to render with`);
  return platform as PlatformInfo & { template: PlatformTemplate };
}
