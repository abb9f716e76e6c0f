import { dirname } from 'node:path';
import { ConfigError, type Problem, type SourceLocation } from '../core/errors.js';
import type { Inventory, ValueOrigin } from '../core/inventory.js';
import { VaultKeyring } from '../transport/vault-keyring.js';
import { InventoryBuilder } from './inventory-builder.js';
import { findInventorySources, HOSTS_FILE_NAMES } from './inventory-sources.js';
import { readInventorySource } from './read-inventory-source.js';
import { resolveHosts } from './resolve-hosts.js';
import { fleetOfSite } from './fleet-of-site.js';
import { entryAt } from './user-file.js';
import { MAX_INVENTORY_BYTES, readVarsDir, type ReadBudget } from './vars-dirs.js';
import type { YamlFile, YamlPath } from './yaml-file.js';

export { HOSTS_FILE_NAMES };

/** How to read an inventory. */
export interface LoadOptions {
  /** Decrypts files vaulted whole; default: the environment's password sources (ACP_PLAY_VAULT_PASSWORD_FILE...). */
  readonly keyring?: VaultKeyring;
}

/**
 * Loads an Ansible-style inventory as Ansible reads it: the path of one inventory file, or a folder whose every file
 * is an inventory source (in name order, sub-folders too: `hosts.yaml`, `10-switches.ini`, ...), plus `group_vars/`
 * and `host_vars/` beside the file or in the folder. A site folder inside a fleet (a folder of site folders with its
 * own `group_vars/`) inherits the fleet's group_vars below everything the site sets itself, whether it runs alone or
 * with its fleet. Throws a ConfigError listing every problem found; an inventory that names no host is one.
 */
export async function loadInventory(path: string, options: LoadOptions = {}): Promise<Inventory> {
  if (entryAt(path) === undefined) {
    throw new ConfigError({
      severity: 'error',
      location: { file: path, line: 1, col: 1 },
      message: `inventory ${path} does not exist`,
      fix: 'give an inventory directory (holding hosts.yaml) or an inventory file',
    });
  }
  const keyring = options.keyring ?? new VaultKeyring();
  const { sources, isFolder } = findInventorySources(path);
  if (sources.length === 0) {
    throw new ConfigError({
      severity: 'error',
      location: { file: path, line: 1, col: 1 },
      message: `inventory directory ${path} has no inventory file`,
      fix: `add ${path.replace(/\/$/, '')}/hosts.yaml (or an INI file named hosts), or give the path of the inventory file itself`,
    });
  }
  const base = isFolder ? path : dirname(path);
  const builder = new InventoryBuilder();
  const yamlSources = new Map<string, YamlFile>();
  const budget: ReadBudget = { left: MAX_INVENTORY_BYTES };
  for (const source of sources) {
    if (budget.left <= 0) {
      builder.error(
        `the inventory's files add up to more than ${MAX_INVENTORY_BYTES / (1024 * 1024)} MiB; ${source.file} and the files after it are not read`,
        { file: source.file, line: 1, col: 1 },
        'check the links in the inventory folder; an inventory is rarely more than a few MiB',
      );
      budget.spent = true;
      break;
    }
    const read = readInventorySource(source, builder, keyring);
    budget.left -= read.size;
    if (read.yaml) yamlSources.set(source.file, read.yaml);
  }
  const groupNames = [...builder.groups.keys()];
  const fleet = isFolder ? fleetOfSite(base) : undefined;
  const fleetFiles = fleet ? readVarsDir(fleet, 'group_vars', groupNames, builder, budget, keyring, false) : undefined;
  const groupFiles = readVarsDir(base, 'group_vars', groupNames, builder, budget, keyring);
  const hostFiles = readVarsDir(base, 'host_vars', [...builder.hosts.keys()], builder, budget, keyring);
  for (const source of [...(fleetFiles?.sources ?? []), ...groupFiles.sources, ...hostFiles.sources])
    yamlSources.set(source.file, source);

  const locate = (origin: ValueOrigin, subPath: YamlPath = []): SourceLocation =>
    locateOrigin(yamlSources, origin, subPath);
  const { hosts, groups } = resolveHosts(
    builder,
    { groups: groupFiles.layers, hosts: hostFiles.layers, ...(fleetFiles ? { fleetGroups: fleetFiles.layers } : {}) },
    locate,
  );
  if (hosts.size === 0 && !builder.problems.some((p) => p.severity === 'error')) {
    builder.error(
      `the inventory ${path} names no host`,
      { file: sources[0]!.file, line: 1, col: 1 },
      isFolder
        ? `list hosts in ${sources.map((s) => s.file).join(', ')} (all: hosts: NAME:), or check that this is the inventory you meant`
        : 'list hosts in it (all: hosts: NAME:), or check that this is the inventory you meant',
    );
  }
  if (builder.problems.some((p) => p.severity === 'error')) throw new ConfigError(builder.problems);
  const warnings: Problem[] = builder.problems.filter((p) => p.severity === 'warning');
  const files = [...new Set([...sources.map((s) => s.file), ...yamlSources.keys()])];
  return Object.freeze({ dir: path, hosts, groups, files: Object.freeze(files), warnings, locate });
}

function locateOrigin(sources: ReadonlyMap<string, YamlFile>, origin: ValueOrigin, subPath: YamlPath): SourceLocation {
  const source = sources.get(origin.file);
  if (!origin.yamlPath || !source) return { file: origin.file, line: origin.line ?? 1, col: origin.col ?? 1 };
  const path = [...origin.yamlPath, ...subPath];
  if (subPath.length > 0 && !source.find(path).exact) {
    for (const lower of origin.mergedFrom ?? []) {
      const other = lower.yamlPath ? sources.get(lower.file) : undefined;
      const lowerPath = [...(lower.yamlPath ?? []), ...subPath];
      if (other?.find(lowerPath).exact) return other.locate(lowerPath);
    }
  }
  return source.locate(path);
}
