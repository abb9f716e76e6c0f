import type { Problem } from '../core/errors.js';
import type { SiteLocator } from './site-locator.js';
import type { Site } from '../core/site.js';

/**
 * Day-0 values that are often not known when a site is first written (`acp-play init` leaves them to fill in):
 * each node's cluster-link MAC and root device. `validate` reports them as warnings; `render` refuses to write the
 * install files until they are there (severity 'error').
 */
export function findDay0Gaps(site: Site, locator: SiteLocator, severity: Problem['severity']): Problem[] {
  const problems: Problem[] = [];
  for (const link of site.cluster?.links ?? []) {
    if (link.mac === undefined)
      problems.push({
        severity,
        location: locator.node(link.host, ['cluster_link']),
        message: `${link.node} has no MAC for its cluster link ${link.nic} yet (node.cluster_link.mac), so the installer cannot tell the node apart`,
        fix: `fill in the MAC of ${link.nic} (ip link show ${link.nic} on the node, or its BMC's inventory); render writes install/ only when every node has one`,
      });
    if (link.rootDevice === undefined)
      problems.push({
        severity,
        location: locator.node(link.host),
        message: `${link.node} has no root device hint yet (node.root_device), so the installer would choose the disk to wipe`,
        fix: 'fill in the installation disk, e.g. root_device: /dev/disk/by-path/pci-0000:02:00.0-scsi-0:2:0:0 (ls -l /dev/disk/by-path on the node)',
      });
  }
  return problems;
}
