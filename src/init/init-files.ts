import { renderYaml } from '../template/render-yaml.js';
import type { InitSite } from './init-answers.js';
import { buildInitContext } from './init-context.js';

/**
 * The files of a new site inventory, by path relative to its directory, in the layout of inventories/site1:
 * hosts.yaml, group_vars/all.yaml (site, day-0 cluster, VLANs), group_vars/nodes.yaml, host_vars per node and
 * for the switch. Each is rendered from templates/init/ and parsed back as YAML.
 */
export function initFiles(site: InitSite, cwd?: string): Map<string, string> {
  const context = buildInitContext(site);
  const files = new Map<string, string>();
  const add = (path: string, template: string, requiredKeys: readonly string[], extra: object = {}) =>
    files.set(path, renderYaml(`init/${template}`, { ...context, ...extra }, requiredKeys, cwd).text);
  add('hosts.yaml', 'hosts.yaml.njk', ['all']);
  add('group_vars/all.yaml', 'group_vars/all.yaml.njk', ['site']);
  add('group_vars/nodes.yaml', 'group_vars/nodes.yaml.njk', ['platform', 'node']);
  for (const node of context.nodes) add(`host_vars/${node.name}.yaml`, 'host_vars/node.yaml.njk', ['node'], { node });
  add(`host_vars/${context.switch.name}.yaml`, 'host_vars/switch.yaml.njk', ['platform', 'switch']);
  return files;
}
