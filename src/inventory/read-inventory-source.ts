import { accessSync, constants } from 'node:fs';
import { basename, extname } from 'node:path';
import { isMap, isScalar, type Node } from 'yaml';
import { ConfigError } from '../core/errors.js';
import type { VaultKeyring } from '../transport/vault-keyring.js';
import { readIniInventory } from './ini-inventory.js';
import { InventoryBuilder } from './inventory-builder.js';
import type { InventorySource } from './inventory-sources.js';
import { readInventoryText } from './inventory-text.js';
import { YamlFile } from './yaml-file.js';
import { readYamlInventory } from './yaml-inventory.js';

/** What reading one source gave: the parsed YAML (kept for locating values later) and the characters read. */
export interface SourceRead {
  readonly yaml?: YamlFile;
  readonly size: number;
}

// Ansible's yaml inventory plugin takes files with these extensions, or none (case as written).
const YAML_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Reads one inventory source into `builder` the way Ansible's plugins take turns at it: an executable file would be
 * an inventory script (refused: acp-play runs none); a file with no extension or a YAML one is YAML (JSON first) when
 * it is a map of groups; a YAML file naming a `plugin:` would configure an inventory plugin (refused); anything else
 * is INI. A file the user named, `hosts*`, or any `.yaml`/`.yml`/`.json`/`.ini` file must read: every problem in it
 * counts. Any other file in an inventory folder that reads as neither (a README, a key) is skipped with a warning,
 * as Ansible skips it; `known_hosts` and SSH keys, which acp-play keeps in an inventory folder, silently.
 */
export function readInventorySource(
  source: InventorySource,
  builder: InventoryBuilder,
  keyring: VaultKeyring,
): SourceRead {
  const { file } = source;
  let content;
  try {
    content = readInventoryText(file, 'inventory file', keyring);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    builder.problems.push(...error.problems);
    return { size: 0 };
  }
  const { text, invalidAt } = content;
  if (text.startsWith('#!') && isExecutable(file)) {
    builder.error(
      `${file} is an inventory script: acp-play does not run inventory scripts`,
      { file, line: 1, col: 1 },
      `save what it prints and give that instead: ${file} --list > ${basename(file)}.json`,
    );
    return { size: text.length };
  }
  const ext = extname(file);
  const mustRead = source.isNamed || YAML_EXTENSIONS.includes(ext) || ext === '.ini';
  if (!mustRead && isAcpPlayOwnFile(file, text)) return { size: text.length };
  if (ext === '' || YAML_EXTENSIONS.includes(ext)) {
    const yaml = YamlFile.fromText(file, text, invalidAt);
    const shape = yamlShape(yaml);
    if (shape === 'plugin') {
      builder.error(
        `${file} configures an inventory plugin (plugin: ${pluginName(yaml)}): acp-play reads inventory files only`,
        yaml.nodeLocation(yaml.doc.contents),
        'give the hosts and groups as a YAML or INI inventory (ansible-inventory -i THIS --list --yaml prints one)',
      );
      return { yaml, size: text.length };
    }
    const isYaml = YAML_EXTENSIONS.includes(ext);
    if (shape === 'inventory' || (isYaml && source.isNamed) || (isYaml && shape === 'broken')) {
      builder.problems.push(...yaml.problems);
      if (yaml.isReadable && invalidAt === undefined) readYamlInventory(yaml, builder);
      return { yaml, size: text.length };
    }
    if (shape === 'empty') return { size: text.length };
    if (isYaml) {
      builder.warn(
        `${file} is not read: it is not an inventory (not a map of groups), as Ansible would find too`,
        yaml.nodeLocation(yaml.doc.contents),
        'move it out of the inventory folder, or make it a map of groups',
      );
      return { size: text.length };
    }
  }
  readIni(source, text, invalidAt, builder);
  return { size: text.length };
}

type YamlShape = 'inventory' | 'plugin' | 'empty' | 'broken' | 'other';

/** Whether the YAML reads as an inventory: a map whose values are all groups (maps or empty). */
function yamlShape(yaml: YamlFile): YamlShape {
  if (yaml.doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return 'broken';
  const root = yaml.doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return 'empty';
  if (!isMap(root) || root.items.length === 0) return 'other';
  if (pluginName(yaml) !== undefined) return 'plugin';
  const isGroup = (value: unknown): boolean =>
    value === null || isMap(value) || (isScalar(value) && value.value === null);
  return root.items.every((pair) => isGroup(pair.value)) ? 'inventory' : 'other';
}

function pluginName(yaml: YamlFile): string | undefined {
  const root = yaml.doc.contents;
  if (!isMap(root)) return undefined;
  const plugin = root.get('plugin', true) as Node | undefined;
  return isScalar(plugin) && typeof plugin.value === 'string' && plugin.value !== '' ? plugin.value : undefined;
}

function readIni(
  source: InventorySource,
  text: string,
  invalidAt: number | undefined,
  builder: InventoryBuilder,
): void {
  const { file } = source;
  if (source.isNamed || extname(file) === '.ini') {
    readIniInventory(file, text, builder, invalidAt !== undefined);
    return;
  }
  // A trial read first: a file that is not an INI inventory must leave nothing behind.
  const trial = new InventoryBuilder();
  for (const name of builder.groups.keys()) trial.group(name);
  readIniInventory(file, text, trial, invalidAt !== undefined);
  const failure = trial.problems.find((p) => p.severity === 'error');
  if (!failure) {
    readIniInventory(file, text, builder, invalidAt !== undefined);
    return;
  }
  const at = failure.location;
  builder.warn(
    // Says where, never what: a file that is not an inventory may hold a secret (a vaulted key the site refers to).
    `${file} is not read: it is neither a YAML nor an INI inventory (as INI, line ${at?.line ?? 1} is not an inventory line)`,
    { file, line: 1, col: 1 },
    'move it out of the inventory folder, or name it hosts (or *.ini, *.yaml) to have its problems reported',
  );
}

/**
 * known_hosts, public and private SSH keys (also vaulted, as the day-0 `ssh_key_file` may be): files acp-play keeps in
 * an inventory folder, never inventories.
 */
function isAcpPlayOwnFile(file: string, text: string): boolean {
  const name = basename(file);
  const start = text.trimStart();
  return (
    name === 'known_hosts' ||
    name.endsWith('.pub') ||
    start.startsWith('-----BEGIN ') ||
    /^(ssh-[a-z0-9-]+|ecdsa-sha2-[a-z0-9-]+|sk-[a-z0-9@.-]+) [A-Za-z0-9+/]+=*( |$)/.test(start)
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
