import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, type Problem } from '../core/errors.js';
import { buildSite } from './build-site.js';
import type { Inventory } from '../core/inventory.js';
import type { PlatformCatalog } from '../core/platform.js';
import { loadInventory, type LoadOptions } from './load-inventory.js';
import type { Site } from '../core/site.js';
import { ownershipFileOf, readOwnershipRecord, type OwnershipRecord } from './ownership-record.js';
import { validateSite } from './validate-site.js';

/** A loaded, built and validated site; `warnings` are problems that do not stop a run. */
export interface LoadedSite {
  readonly inventory: Inventory;
  readonly site: Site;
  readonly warnings: readonly Problem[];
}

/**
 * Builds and validates the site of an already loaded inventory against the platforms a run knows. Throws one
 * ConfigError carrying every problem (errors and warnings) when there is at least one error.
 */
export function siteFromInventory(inventory: Inventory, platforms: PlatformCatalog): LoadedSite {
  const built = buildSite(inventory, platforms);
  const problems = [
    ...(inventory.warnings ?? []),
    ...built.problems,
    ...validateSite(built.site, inventory, platforms),
  ];
  const ownershipFile = ownershipFileOf(inventoryFolder(inventory.dir));
  let record: OwnershipRecord = new Map();
  try {
    record = readOwnershipRecord(ownershipFile);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const errors = problems.filter((p) => p.severity === 'error').sort(byLocation);
  const warnings = problems.filter((p) => p.severity === 'warning').sort(byLocation);
  if (errors.length > 0) throw new ConfigError([...errors, ...warnings]);
  return { inventory, site: withOwnership(built.site, ownershipFile, record), warnings };
}

/** The site with each switch's recorded VLANs and the record's path (where apply records what it creates). */
function withOwnership(site: Site, ownershipFile: string, record: OwnershipRecord): Site {
  const switches = site.switches.map((sw) => {
    const owned = record.get(sw.name);
    return owned && owned.length > 0
      ? { ...sw, ownedVlans: owned.map((v) => (v.name === undefined ? { id: v.id } : { id: v.id, name: v.name })) }
      : sw;
  });
  return { ...site, switches, ownershipFile };
}

/** The folder of an inventory given as a directory or as the path of its hosts file. */
function inventoryFolder(dir: string): string {
  return existsSync(dir) && !statSync(dir).isDirectory() ? dirname(dir) : dir;
}

/** File, then line, then column, like a compiler; problems without a place first. Stable for equal places. */
function byLocation(a: Problem, b: Problem): number {
  const la = a.location;
  const lb = b.location;
  if (!la || !lb) return Number(Boolean(la)) - Number(Boolean(lb));
  return la.file.localeCompare(lb.file) || la.line - lb.line || la.col - lb.col;
}

/** Loads an inventory directory into a validated site (inventory -> site model -> cross-device checks). */
export async function loadSite(
  dir: string,
  platforms: PlatformCatalog,
  options: LoadOptions = {},
): Promise<LoadedSite> {
  return siteFromInventory(await loadInventory(dir, options), platforms);
}
