import { isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { didYouMean } from '../core/did-you-mean.js';
import { expandHostEntry } from './host-range.js';
import type { InventoryBuilder } from './inventory-builder.js';
import type { ValueOrigin } from '../core/inventory.js';
import type { YamlFile, YamlPath } from './yaml-file.js';

const GROUP_KEYS = ['hosts', 'children', 'vars'];

/**
 * Reads an Ansible YAML inventory (`all:` / `children:` / `hosts:` / `vars:`) into `builder`. Every var keeps
 * its YAML path so errors can point at it later.
 */
export function readYamlInventory(source: YamlFile, builder: InventoryBuilder): void {
  if (!source.isReadable) return;
  const reader = new YamlInventoryReader(source, builder);
  const root = reader.resolve(source.doc.contents);
  if (root === null || (isScalar(root) && root.value === null)) return;
  if (!isMap(root)) {
    builder.error(
      'an inventory file must be a map of groups',
      source.nodeLocation(root),
      'start it with `all:` and put groups under `children:`',
    );
    return;
  }
  for (const pair of root.items) {
    const name = reader.name(pair, 'group');
    if (name !== undefined) reader.group(name, pair.value as Node | null, [name], undefined, pair);
  }
}

/** Groups and host entries one hosts tree may expand to (aliases can make a small file name many). */
export const MAX_TREE_NODES = 1_000_000;

class YamlInventoryReader {
  private visited = 0;

  constructor(
    private readonly source: YamlFile,
    private readonly builder: InventoryBuilder,
  ) {}

  resolve(node: unknown): Node | null {
    if (isAlias(node)) return (node.resolve(this.source.doc) as Node | undefined) ?? null;
    return (node as Node | null | undefined) ?? null;
  }

  /** The key of `pair` as a name, or undefined (and a problem) when it is not a string. */
  name(pair: Pair, what: string): string | undefined {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof key === 'string' && key !== '') return key;
    const shown = key === null || key === '' ? '(empty)' : String(key);
    this.builder.error(
      `${what} name ${shown} is not a string`,
      this.source.nodeLocation(pair.key as Node),
      `quote it ("${shown}") or fix the indentation`,
    );
    return undefined;
  }

  /** Counts one more group or host entry; false (with one problem) once the tree has expanded past its limit. */
  private count(at: Node): boolean {
    this.visited++;
    if (this.visited === MAX_TREE_NODES + 1) {
      this.builder.error(
        `the hosts tree expands to more than ${MAX_TREE_NODES} groups and host entries (through aliases?)`,
        this.source.nodeLocation(at),
        'write the groups out instead of repeating them with aliases',
      );
    }
    return this.visited <= MAX_TREE_NODES;
  }

  group(name: string, value: Node | null, path: YamlPath, parent: string | undefined, pair: Pair): void {
    if (!this.count(pair.key as Node)) return;
    const at = this.source.nodeLocation(pair.key as Node);
    if (parent === undefined) this.builder.group(name, at);
    else this.builder.addChild(parent, name, at);
    const node = this.resolve(value);
    if (node === null || (isScalar(node) && node.value === null)) return;
    if (!isMap(node)) {
      this.builder.error(
        `group \`${name}\` must be a map with hosts, children or vars`,
        this.source.nodeLocation(node),
        'write `hosts:`, `children:` or `vars:` under the group name',
      );
      return;
    }
    for (const item of node.items) {
      const key = this.name(item, 'key');
      if (key === undefined) continue;
      const inner = this.resolve(item.value);
      if (key === 'hosts') this.hosts(name, inner, [...path, key]);
      else if (key === 'vars') this.groupVars(name, inner, [...path, key]);
      else if (key === 'children') this.children(name, inner, [...path, key]);
      else {
        const hint = didYouMean(key, GROUP_KEYS);
        this.builder.error(
          `unknown key \`${key}\` in group \`${name}\` (a group has only hosts, children and vars)`,
          this.source.nodeLocation(item.key as Node),
          hint ?? `if \`${key}\` is a group, put it under \`children:\`; if it is a variable, put it under \`vars:\``,
        );
      }
    }
  }

  private hosts(group: string, node: Node | null, path: YamlPath): void {
    if (node === null || (isScalar(node) && node.value === null)) return;
    if (isScalar(node) && typeof node.value === 'string') {
      // As Ansible: `hosts: node1` is `hosts: {node1: }`.
      this.addHosts(group, node.value, node, null, path);
      return;
    }
    if (!isMap(node)) {
      const fix = isSeq(node)
        ? 'hosts is a map, not a list: write each host as `name:` on its own line'
        : 'write each host as `name:` on its own line';
      this.builder.error(
        `hosts of group \`${group}\` must be a map of host names`,
        this.source.nodeLocation(node),
        fix,
      );
      return;
    }
    for (const pair of node.items) {
      const pattern = this.name(pair, 'host');
      if (pattern !== undefined) this.addHosts(group, pattern, pair.key as Node, this.resolve(pair.value), path);
    }
  }

  private addHosts(group: string, pattern: string, at: Node, value: Node | null, path: YamlPath): void {
    if (!this.count(at)) return;
    const location = this.source.nodeLocation(at);
    let entry;
    try {
      entry = expandHostEntry(pattern);
    } catch (error) {
      this.builder.error((error as Error).message, location);
      return;
    }
    // The host's vars are read once for the whole entry (a range may name thousands of hosts).
    const vars = this.varsOf(value, [...path, pattern], `vars of host \`${pattern}\``);
    for (const hostName of entry.names) {
      const host = this.builder.addHostWithPort(group, hostName, entry.port, location);
      for (const v of vars) this.builder.setVar(host.vars, v.key, v.value, v.origin);
    }
  }

  private groupVars(group: string, node: Node | null, path: YamlPath): void {
    for (const v of this.varsOf(node, path, `vars of group \`${group}\``))
      this.builder.setGroupVar(group, v.key, v.value, v.origin);
  }

  /** The `name: value` pairs of a vars map, as values with their origin. */
  private varsOf(
    node: Node | null,
    path: YamlPath,
    what: string,
  ): { key: string; value: unknown; origin: ValueOrigin }[] {
    if (node === null || (isScalar(node) && node.value === null)) return [];
    if (isScalar(node) && typeof node.value === 'string' && what.startsWith('vars of group')) {
      // As Ansible: `vars: x` is `vars: {x: }`.
      return [{ key: node.value, value: null, origin: { file: this.source.file, yamlPath: path } }];
    }
    if (!isMap(node)) {
      this.builder.error(
        `${what} must be a map of name: value`,
        this.source.nodeLocation(node),
        'write one `name: value` per line, indented under it',
      );
      return [];
    }
    const vars = [];
    for (const pair of node.items) {
      const key = this.name(pair, 'variable');
      if (key === undefined) continue;
      const value = this.source.toValue(pair.value as Node | null, this.builder.problems);
      vars.push({ key, value, origin: { file: this.source.file, yamlPath: [...path, key] } });
    }
    return vars;
  }

  private children(parent: string, node: Node | null, path: YamlPath): void {
    if (node === null || (isScalar(node) && node.value === null)) return;
    if (isScalar(node) && typeof node.value === 'string') {
      // As Ansible: `children: web` is `children: {web: }`.
      this.builder.addChild(parent, node.value, this.source.nodeLocation(node));
      return;
    }
    if (!isMap(node)) {
      this.builder.error(
        `children of group \`${parent}\` must be a map of group names`,
        this.source.nodeLocation(node),
        'write each child group as `name:` on its own line',
      );
      return;
    }
    for (const pair of node.items) {
      const name = this.name(pair, 'group');
      if (name !== undefined) this.group(name, pair.value as Node | null, [...path, name], parent, pair);
    }
  }
}
