import type { SourceLocation } from '../core/errors.js';
import type { Host, Inventory } from '../core/inventory.js';

type Path = readonly (string | number)[];

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function idOf(item: unknown): unknown {
  return item !== null && typeof item === 'object' && !Array.isArray(item)
    ? (item as Record<string, unknown>).id
    : item;
}

/**
 * Finds where a part of the site model was written, for error messages. The model carries no positions, so the
 * locator looks the element up again in the host variables it came from (by VLAN id, port name, ...).
 */
export class SiteLocator {
  constructor(
    private readonly inventory: Inventory,
    /** A host whose `site` variable is the one the model was built from. */
    private readonly siteHost?: Host,
  ) {}

  /** A path inside a host's top-level variable; undefined when the variable came from nowhere known. */
  at(host: Host | undefined, key: string, path: Path = []): SourceLocation | undefined {
    const origin = host && Object.hasOwn(host.origins, key) ? host.origins[key] : undefined;
    return origin ? this.inventory.locate(origin, path) : undefined;
  }

  /** Where the inventory file names the host: the place for a message about the host as a whole. */
  declared(host: Host): SourceLocation | undefined {
    return host.declaredAt;
  }

  /** The first of `keys` the host sets (an acp-play key or its Ansible alias). */
  firstKey(host: Host, keys: readonly string[]): string | undefined {
    return keys.find((k) => Object.hasOwn(host.vars, k) && host.vars[k] !== undefined);
  }

  site(path: Path = []): SourceLocation | undefined {
    return this.at(this.siteHost, 'site', path);
  }

  /** The `occurrence`-th VLAN item with this id in `site.vlans` (0 = first), or a field of it. */
  vlan(id: number, field?: string, occurrence = 0): SourceLocation | undefined {
    const items = asList((this.siteHost?.vars.site as Record<string, unknown> | undefined)?.vlans);
    let seen = -1;
    const index = items.findIndex((item) => idOf(item) === id && ++seen === occurrence);
    if (index < 0) return this.site(['vlans']);
    return this.site(field ? ['vlans', index, field] : ['vlans', index]);
  }

  /** An item of a node's `node.vlans` list by VLAN id, or the `node` key itself when the list is defaulted. */
  nodeVlan(host: Host, id: number, field?: string): SourceLocation | undefined {
    const items = asList((host.vars.node as Record<string, unknown> | undefined)?.vlans);
    const index = items.findIndex((item) => idOf(item) === id);
    if (index < 0) return this.at(host, 'node', items.length > 0 ? ['vlans'] : ['trunk_nic']);
    const isMap = typeof items[index] === 'object';
    return this.at(host, 'node', field && isMap ? ['vlans', index, field] : ['vlans', index]);
  }

  node(host: Host, path: Path = []): SourceLocation | undefined {
    return this.at(host, 'node', path);
  }

  /** A switch port (or one of its keys) in `switch.ports`. */
  port(host: Host, port: string, field?: string): SourceLocation | undefined {
    return this.at(host, 'switch', field ? ['ports', port, field] : ['ports', port]);
  }
}
