import { statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { isMap, isScalar } from 'yaml';
import { ConfigError, type Problem, type SourceLocation } from '../core/errors.js';
import { readIniInventory } from './ini-inventory.js';
import { InventoryBuilder } from './inventory-builder.js';
import type { Inventory, ValueOrigin } from '../core/inventory.js';
import { resolveHosts } from './resolve-hosts.js';
import { fleetOfSite, HOSTS_FILE_NAMES, isFolder } from './fleet-of-site.js';
import { entryAt, readUserFile } from './user-file.js';
import { MAX_INVENTORY_BYTES, readVarsDir, type ReadBudget } from './vars-dirs.js';
import { YamlFile, type YamlPath } from './yaml-file.js';
import { readYamlInventory } from './yaml-inventory.js';

/**
 * Loads an Ansible-style inventory: a directory holding a hosts file (`hosts.yaml`, `hosts.yml`, or an INI or
 * YAML `hosts`) plus `group_vars/` and `host_vars/`, or the path of one inventory file with those folders beside
 * it. A site folder inside a fleet (a folder of site folders with its own `group_vars/`) inherits the fleet's
 * group_vars below everything the site sets itself, whether it runs alone or with its fleet. Throws a ConfigError
 * listing every problem found.
 */
export async function loadInventory(dir: string): Promise<Inventory> {
  const hostsFile = findHostsFile(dir);
  const base = hostsFile === dir ? dirname(dir) : dir;
  const builder = new InventoryBuilder();
  const sources = new Map<string, YamlFile>();
  const { text, invalidAt } = readUserFile(hostsFile, 'inventory file');
  const yaml = inventoryYaml(hostsFile, text);
  if (yaml) {
    sources.set(hostsFile, yaml);
    if (invalidAt !== undefined) builder.error(notUtf8(hostsFile), yaml.at(invalidAt), 'save the file as UTF-8');
    builder.problems.push(...yaml.problems);
    if (invalidAt === undefined) readYamlInventory(yaml, builder);
  } else {
    readIniInventory(hostsFile, text, builder, invalidAt !== undefined);
  }
  const budget: ReadBudget = { left: MAX_INVENTORY_BYTES - text.length };
  const groupNames = [...builder.groups.keys()];
  const fleet = fleetOfSite(base);
  const fleetFiles = fleet ? readVarsDir(fleet, 'group_vars', groupNames, builder, budget, false) : undefined;
  const groupFiles = readVarsDir(base, 'group_vars', groupNames, builder, budget);
  const hostFiles = readVarsDir(base, 'host_vars', [...builder.hosts.keys()], builder, budget);
  for (const source of [...(fleetFiles?.sources ?? []), ...groupFiles.sources, ...hostFiles.sources])
    sources.set(source.file, source);

  const locate = (origin: ValueOrigin, subPath: YamlPath = []): SourceLocation =>
    locateOrigin(sources, origin, subPath);
  const { hosts, groups } = resolveHosts(
    builder,
    { groups: groupFiles.layers, hosts: hostFiles.layers, ...(fleetFiles ? { fleetGroups: fleetFiles.layers } : {}) },
    locate,
  );
  if (builder.problems.some((p) => p.severity === 'error')) throw new ConfigError(builder.problems);
  const warnings: Problem[] = builder.problems.filter((p) => p.severity === 'warning');
  return Object.freeze({ dir, hosts, groups, files: Object.freeze([...sources.keys()]), warnings, locate });
}

function notUtf8(file: string): string {
  return `${file} is not UTF-8 text (an invalid byte here)`;
}

/** The inventory file: `path` itself, or the one hosts file in the directory `path`. */
function findHostsFile(path: string): string {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    if (!exists(path)) {
      throw new ConfigError({
        severity: 'error',
        location: { file: path, line: 1, col: 1 },
        message: `inventory ${path} does not exist`,
        fix: 'give an inventory directory (holding hosts.yaml) or an inventory file',
      });
    }
    return path; // a dangling or looping link: readUserFile says which
  }
  if (!isDirectory) return path;
  // A folder by one of these names is not a hosts file; anything else is, even a FIFO or a dangling link (the
  // reader then says what is wrong with it).
  const found = HOSTS_FILE_NAMES.map((name) => join(path, name)).filter((file) => exists(file) && !isFolder(file));
  if (found.length === 0) {
    throw new ConfigError({
      severity: 'error',
      location: { file: path, line: 1, col: 1 },
      message: `inventory directory ${path} has no hosts file`,
      fix: `add ${join(path, 'hosts.yaml')} (or an INI file named hosts), or give the path of the inventory file itself`,
    });
  }
  if (found.length > 1) {
    throw new ConfigError({
      severity: 'error',
      location: { file: found[1] ?? path, line: 1, col: 1 },
      message: `inventory directory ${path} has more than one hosts file: ${found.join(', ')}`,
      fix: 'keep one of them',
    });
  }
  return found[0] ?? path;
}

/** True when something (a file, a folder, even a dangling link) has this name. */
function exists(path: string): boolean {
  return entryAt(path) !== undefined;
}

/**
 * The file parsed as YAML when it is a YAML inventory; undefined for INI (as Ansible decides: extension, then content).
 */
function inventoryYaml(file: string, text: string): YamlFile | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml' || ext === '.json') return YamlFile.parse(file, text);
  if (ext === '.ini') return undefined;
  const candidate = YamlFile.parse(file, text);
  // A syntax error means INI (as Ansible tries YAML, then INI); a YAML limit passed is still YAML, and is reported.
  if (candidate.doc.errors.length > 0) return undefined;
  const root = candidate.doc.contents;
  if (!isMap(root) || root.items.length === 0) return undefined;
  const looksLikeGroups = root.items.every(
    (pair) => pair.value === null || isMap(pair.value) || (isScalar(pair.value) && pair.value.value === null),
  );
  return looksLikeGroups ? candidate : undefined;
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
