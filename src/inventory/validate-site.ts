import type { Problem } from '../core/errors.js';
import { dedupeProblems, findSiteHost } from './build-site.js';
import { findDay0Gaps } from './day0-gaps.js';
import type { Inventory } from '../core/inventory.js';
import type { PlatformCatalog } from '../core/platform.js';
import { SiteLocator } from './site-locator.js';
import type { Site } from '../core/site.js';
import { validateDay0 } from './validate-day0.js';
import { validateHosts } from './validate-hosts.js';
import { validateNodes } from './validate-nodes.js';
import { validateSwitches } from './validate-switches.js';
import { validateVlans } from './validate-vlans.js';

/**
 * Cross-device checks of a built site: VLANs and addressing, safe names, switch ports, node uplinks against their
 * switch ports, connection settings, and the day-0 keys. Returns every problem (errors and warnings), each located
 * in the user's file.
 */
export function validateSite(site: Site, inventory: Inventory, platforms: PlatformCatalog): Problem[] {
  const hosts = [...inventory.hosts.values()];
  const locator = new SiteLocator(inventory, findSiteHost(inventory).chosen);
  return dedupeProblems([
    ...validateVlans(site, locator),
    ...validateSwitches(site, locator, platforms),
    ...validateNodes(site, locator),
    ...validateHosts(hosts, locator),
    ...validateDay0(site, locator),
    ...findDay0Gaps(site, locator, 'warning'),
  ]);
}
