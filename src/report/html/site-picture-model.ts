import type { Change } from '../../core/change.js';
import type { HostPlan, RunPlan } from '../../core/run.js';
import type { NodeModel, Site, SwitchModel, SwitchPort } from '../../core/site.js';

/** How an element of the picture is painted: what the plan does to it. */
export type Mark = 'added' | 'removed' | 'changed' | 'same';

/** A VLAN on a link or a switch, with what the plan does to it. */
export interface PictureVlan {
  readonly id: number;
  readonly name?: string;
  readonly mark: Mark;
}

export interface PicturePort {
  readonly name: string;
  readonly description?: string;
  readonly mark: Mark;
  /** Trunk: the allowed set after the plan, plus the VLANs it removes; access: the one VLAN. */
  readonly mode: 'access' | 'trunk';
  readonly vlans: readonly PictureVlan[];
  /** The change in one line, when the port changes. */
  readonly change?: string;
  /** The node NIC on the other end of the cable. */
  readonly faces?: { readonly node: string; readonly nic: string };
}

export interface PictureSwitch {
  readonly name: string;
  readonly platform: string;
  /** Not planned: failed or unreachable, with the reason. */
  readonly problem?: string;
  readonly vlans: readonly PictureVlan[];
  readonly ports: readonly PicturePort[];
}

export interface PictureBridge {
  readonly name: string;
  readonly vlan?: number;
  readonly mark: Mark;
  /** The VLAN interface on the trunk NIC that is the bridge's port. */
  readonly port?: { readonly name: string; readonly mark: Mark };
}

export interface PictureNode {
  readonly name: string;
  readonly platform: string;
  readonly problem?: string;
  readonly trunkNic: string;
  readonly bridges: readonly PictureBridge[];
}

/** What the HTML report draws: the site's switches, ports, nodes and bridges, each marked by the plan. */
export interface SitePicture {
  readonly switches: readonly PictureSwitch[];
  readonly nodes: readonly PictureNode[];
}

/** Options of {@link buildSitePicture}. */
export interface PictureOptions {
  /** The canonical name of a switch port (`Eth1/3` -> `Ethernet1/3`), as the plan's changes name it. */
  readonly portName?: (switchName: string, port: string) => string;
}

const MARK_OF: Readonly<Record<Change['action'], Mark>> = { create: 'added', delete: 'removed', update: 'changed' };

/** Builds the picture from the site model (what should be) and the plan (what changes, and what goes). */
export function buildSitePicture(site: Site, plan: RunPlan, opts: PictureOptions = {}): SitePicture {
  const hosts = new Map(plan.hosts.map((h) => [h.host, h]));
  return {
    switches: site.switches.map((sw) => switchPicture(sw, hosts.get(sw.name), opts)),
    nodes: site.nodes.map((node) => nodePicture(node, hosts.get(node.name))),
  };
}

function changesOf(host: HostPlan | undefined): Map<string, Change> {
  return new Map((host?.tasks ?? []).flatMap((t) => t.changes.map((c): [string, Change] => [c.resource, c])));
}

function problemOf(host: HostPlan | undefined): string | undefined {
  if (!host) return 'not planned (left out by --limit or --tags)';
  if (host.status === 'not-planned') return 'not planned (the plan was interrupted)';
  return host.status === 'failed' || host.status === 'unreachable' ? `${host.status}: ${host.error ?? ''}` : undefined;
}

function switchPicture(sw: SwitchModel, host: HostPlan | undefined, opts: PictureOptions): PictureSwitch {
  const changes = changesOf(host);
  const markOf = (resource: string): Mark => {
    const c = changes.get(resource);
    return c ? MARK_OF[c.action] : 'same';
  };
  const vlans: PictureVlan[] = sw.vlans.map((v) => ({ id: v.id, name: v.name, mark: markOf(`vlan ${v.id}`) }));
  for (const c of changes.values()) {
    const m = c.action === 'delete' ? /^vlan (\d+)$/.exec(c.resource) : null;
    if (m) vlans.push({ id: Number(m[1]), mark: 'removed' });
  }
  vlans.sort((a, b) => a.id - b.id);
  const problem = problemOf(host);
  return {
    name: sw.name,
    platform: sw.platform,
    ...(problem ? { problem } : {}),
    vlans,
    ports: sw.ports.map((p) => portPicture(p, changes.get(opts.portName?.(sw.name, p.name) ?? p.name))),
  };
}

function portPicture(port: SwitchPort, change: Change | undefined): PicturePort {
  const added = new Set(change?.vlans?.added ?? []);
  const removed = change?.vlans?.removed ?? [];
  const ids = port.mode === 'access' ? [port.accessVlan ?? 1] : [...(port.allowedVlans ?? [])];
  const vlans: PictureVlan[] = [
    ...ids.map((id): PictureVlan => ({ id, mark: added.has(id) ? 'added' : 'same' })),
    ...removed.map((id): PictureVlan => ({ id, mark: 'removed' })),
  ].sort((a, b) => a.id - b.id);
  return {
    name: port.name,
    ...(port.description !== undefined ? { description: port.description } : {}),
    mark: change ? MARK_OF[change.action] : 'same',
    mode: port.mode,
    vlans,
    ...(change ? { change: change.diff.split('\n').join('; ') } : {}),
    ...(port.faces ? { faces: port.faces } : {}),
  };
}

function nodePicture(node: NodeModel, host: HostPlan | undefined): PictureNode {
  const changes = changesOf(host);
  const markOf = (resource: string): Mark => {
    const c = changes.get(resource);
    return c ? MARK_OF[c.action] : 'same';
  };
  const bridges: PictureBridge[] = node.bridges.map((b) => ({
    name: b.bridge,
    vlan: b.vlan,
    mark: markOf(b.bridge),
    port: { name: b.interface, mark: markOf(b.interface) },
  }));
  // What the plan removes is not in the model: removed VLAN interfaces join the removed bridge with the same VLAN id.
  const removed = [...changes.values()].filter((c) => c.action === 'delete').map((c) => c.resource);
  const vlanOf = (name: string): number | undefined => {
    const m = /(\d+)$/.exec(name);
    return m ? Number(m[1]) : undefined;
  };
  const removedPorts = removed.filter((r) => r.startsWith(`${node.trunkNic}.`));
  const paired = new Set<string>();
  for (const name of removed.filter((r) => !removedPorts.includes(r))) {
    const vlan = vlanOf(name);
    const port = removedPorts.find((p) => vlanOf(p) === vlan);
    if (port) paired.add(port);
    bridges.push({
      name,
      ...(vlan !== undefined ? { vlan } : {}),
      mark: 'removed',
      ...(port ? { port: { name: port, mark: 'removed' as const } } : {}),
    });
  }
  for (const name of removedPorts.filter((p) => !paired.has(p))) {
    const vlan = vlanOf(name);
    bridges.push({ name, ...(vlan !== undefined ? { vlan } : {}), mark: 'removed' });
  }
  const problem = problemOf(host);
  return {
    name: node.name,
    platform: node.platform,
    ...(problem ? { problem } : {}),
    trunkNic: node.trunkNic,
    bridges,
  };
}
