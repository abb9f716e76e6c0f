import { InternalError } from '../core/errors.js';
import type { PlatformCatalog, PlatformInfo, PlatformTemplate } from '../core/platform.js';
import type { Site } from '../core/site.js';
import { buildNadContext, buildNncpContext } from './k8s-context.js';
import { buildNodeStateContext } from './node-state-context.js';
import { renderYaml, renderYamlText } from './render-yaml.js';
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
  /**
   * Node files, NADs and install files: the parsed document. Switches: the SwitchContext the text was rendered from.
   * NNCPs: none (their desired state is the node file's data).
   */
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
  return inSiteOrder([...renderSiteFiles(site, options)]);
}

/** The files of {@link renderSite}, one at a time as they are rendered (each node's file, then its NNCP). */
export function* renderSiteFiles(site: Site, options: RenderSiteOptions): Generator<RenderedFile> {
  const limit = options.limit ? new Set(options.limit) : undefined;
  const wanted = (host: string): boolean => limit === undefined || limit.has(host);
  const { cwd } = options;
  for (const node of site.nodes) {
    if (!wanted(node.name)) continue;
    const { template } = platformOf(options.platforms, node.platform);
    const context = buildNodeStateContext(node, site);
    const state = renderYaml(template.path, context, ['interfaces'], cwd);
    const managedInterfaces = context.managedInterfaces;
    yield {
      host: node.name,
      path: `nodes/${node.name}.${template.extension}`,
      kind: 'node',
      ...state,
      managedInterfaces,
    };
    const policy = buildNncpContext(node.name, state.data, managedInterfaces);
    const text = renderYamlText('k8s/nncp.yaml.njk', policy, K8S_KEYS, cwd);
    yield { host: node.name, path: `k8s/nncp-${node.name}.yaml`, kind: 'k8s', text, managedInterfaces };
  }
  for (const sw of site.switches) {
    if (!wanted(sw.name)) continue;
    const platform = platformOf(options.platforms, sw.platform);
    const context = buildSwitchContext(sw, platform);
    const text = render(platform.template.path, context, cwd === undefined ? {} : { cwd });
    const path = `switches/${sw.name}.${sw.platform}.${platform.template.extension}`;
    yield { host: sw.name, path, kind: 'switch', text, data: context };
  }
  if (limit !== undefined) return;
  for (const nad of site.nads) {
    const doc = renderYaml('k8s/nad.yaml.njk', buildNadContext(nad), K8S_KEYS, cwd);
    yield { path: `k8s/nad-${nad.name}.yaml`, kind: 'k8s', ...doc };
  }
}

/** Rendered files in renderSite's order: node files, switches, NNCPs, NADs (stable within each kind). */
export function inSiteOrder(files: readonly RenderedFile[]): RenderedFile[] {
  const rank = (f: RenderedFile): number =>
    f.kind === 'node' ? 0 : f.kind === 'switch' ? 1 : f.host !== undefined ? 2 : 3;
  return [0, 1, 2, 3].flatMap((r) => files.filter((f) => rank(f) === r));
}

/** The platform of a built site's host: known to the registry the site was built with, and with a template. */
function platformOf(platforms: PlatformCatalog, id: string): PlatformInfo & { template: PlatformTemplate } {
  const platform = platforms.resolve(id);
  if (!platform?.template) throw new InternalError(`platform ${id} has no template to render with`);
  return platform as PlatformInfo & { template: PlatformTemplate };
}
