import type { Problem, SourceLocation } from '../core/errors.js';
import { combineVar, type VarLayer } from './combine-vars.js';
import { hostLimits } from './host-limits.js';
import type { ValueOrigin } from '../core/inventory.js';

/** A group as declared by an inventory file, before inheritance is resolved. */
export interface DeclaredGroup {
  readonly name: string;
  readonly children: string[];
  readonly parents: string[];
  readonly hosts: string[];
  /** The inventory file's own vars for this group. */
  readonly vars: VarLayer;
  /** Where each child was attached, for cycle errors. */
  readonly childAt: Map<string, SourceLocation>;
  /** Where the group was first declared. */
  declaredAt?: SourceLocation;
  /** `ansible_group_priority` as the inventory file set it (never a var, as in Ansible). */
  priority?: { readonly value: unknown; readonly origin: ValueOrigin };
}

/** A host as declared by an inventory file (first mention wins the position). */
export interface DeclaredHost {
  readonly name: string;
  readonly vars: VarLayer;
  readonly declaredAt?: SourceLocation;
}

/**
 * The mutable model both inventory parsers (YAML and INI) fill in. Groups `all` and `ungrouped` always exist,
 * as in Ansible. Problems are collected, never thrown, so one run reports all of them.
 */
export class InventoryBuilder {
  readonly groups = new Map<string, DeclaredGroup>();
  readonly hosts = new Map<string, DeclaredHost>();
  readonly problems: Problem[] = [];
  /** Each group's hosts as a set, so adding a host is constant time (a range may add thousands). */
  private readonly members = new Map<string, Set<string>>();
  private readonly maxHosts = hostLimits().perInventory;
  private refusedHost?: DeclaredHost;

  constructor() {
    this.group('all');
    this.addChild('all', 'ungrouped');
  }

  /** The group named `name`, created on first use. */
  group(name: string, at?: SourceLocation): DeclaredGroup {
    let group = this.groups.get(name);
    if (!group) {
      group = { name, children: [], parents: [], hosts: [], vars: new Map(), childAt: new Map() };
      this.groups.set(name, group);
    }
    if (!group.declaredAt && at) group.declaredAt = at;
    return group;
  }

  addChild(parent: string, child: string, at?: SourceLocation): void {
    const parentGroup = this.group(parent);
    const childGroup = this.group(child, at);
    if (!parentGroup.children.includes(child)) parentGroup.children.push(child);
    if (!childGroup.parents.includes(parent)) childGroup.parents.push(parent);
    if (at && !parentGroup.childAt.has(child)) parentGroup.childAt.set(child, at);
  }

  /**
   * Adds `name` to `group` (creating the host on first mention) and returns it. Past the per-inventory host limit
   * the host is not added: one error says so, and a detached host is returned so the caller's vars go nowhere.
   */
  addHost(group: string, name: string, at?: SourceLocation): DeclaredHost {
    let host = this.hosts.get(name);
    if (!host) {
      if (this.hosts.size >= this.maxHosts) return this.refuseHost(at);
      host = { name, vars: new Map(), ...(at ? { declaredAt: at } : {}) };
      this.hosts.set(name, host);
    }
    const target = this.group(group);
    let members = this.members.get(group);
    if (!members) {
      members = new Set(target.hosts);
      this.members.set(group, members);
    }
    if (!members.has(name)) {
      members.add(name);
      target.hosts.push(name);
    }
    return host;
  }

  private refuseHost(at: SourceLocation | undefined): DeclaredHost {
    if (!this.refusedHost) {
      const { inventoryVariable } = hostLimits();
      this.error(
        `the inventory names more than ${this.maxHosts} hosts (limit ${this.maxHosts}; ${inventoryVariable} raises it)`,
        at,
        'check the host ranges, or raise the limit if the inventory really is this large',
      );
      this.refusedHost = { name: '', vars: new Map() };
    }
    return this.refusedHost;
  }

  setVar(vars: VarLayer, key: string, value: unknown, origin: ValueOrigin): void {
    combineVar(vars, key, value, origin);
  }

  /**
   * Sets a variable of group `name` from an inventory file. `ansible_group_priority` is the group's priority there,
   * not a variable (Ansible's Group.set_variable).
   */
  setGroupVar(name: string, key: string, value: unknown, origin: ValueOrigin): void {
    const group = this.group(name);
    if (key === 'ansible_group_priority') group.priority = { value, origin };
    else combineVar(group.vars, key, value, origin);
  }

  /**
   * Adds `name` to `group` like {@link addHost}, and gives it `port` as `ansible_port` when this is the host's first
   * mention (as Ansible does: a later `host:port` does not change it).
   */
  addHostWithPort(group: string, name: string, port: number | undefined, at: SourceLocation): DeclaredHost {
    const isNew = !this.hosts.has(name);
    const host = this.addHost(group, name, at);
    if (isNew && port !== undefined) this.setVar(host.vars, 'ansible_port', port, at);
    return host;
  }

  error(message: string, location?: SourceLocation, fix?: string): void {
    this.problems.push({ severity: 'error', message, ...(location ? { location } : {}), ...(fix ? { fix } : {}) });
  }

  warn(message: string, location?: SourceLocation, fix?: string): void {
    this.problems.push({ severity: 'warning', message, ...(location ? { location } : {}), ...(fix ? { fix } : {}) });
  }
}
