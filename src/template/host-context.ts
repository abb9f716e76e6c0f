import type { Host } from '../core/inventory.js';

/** Variables a host's templates and templated module arguments see: its merged vars plus Ansible's magic names. */
export function hostTemplateContext(host: Host): Record<string, unknown> {
  return {
    ...host.vars,
    inventory_hostname: host.name,
    inventory_hostname_short: host.name.split('.')[0],
    group_names: host.groups.filter((g) => g !== 'all' && g !== 'ungrouped'),
  };
}
