import { basename, resolve } from 'node:path';
import type { Problem } from '../core/errors.js';
import { buildCluster } from './build-day0.js';
import { buildNode } from './build-node.js';
import { buildSwitch } from './build-switch.js';
import type { Host, Inventory } from '../core/inventory.js';
import type { PlatformCatalog } from '../core/platform.js';
import { checkHostSchema } from './site-schema.js';
import { SiteLocator } from './site-locator.js';
import { wordList } from './word-list.js';
import type { Nad, NadSettings, NodeModel, Site, SwitchModel, Vlan } from '../core/site.js';
import { MAX_VLAN_ITEMS, tooManyVlanItems } from './vlan-set.js';

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// Most hosts share one site object (from group_vars/all): its text is computed once per object.
const canonicalTexts = new WeakMap<object, string>();

/** JSON with sorted keys, so two equal values compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return canonicalText(value);
  let text = canonicalTexts.get(value);
  if (text === undefined) {
    text = canonicalText(value);
    canonicalTexts.set(value, text);
  }
  return text;
}

function canonicalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** Removes repeats (a mistake in group_vars is seen by every host of the group). */
export function dedupeProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.severity}|${p.location?.file}:${p.location?.line}:${p.location?.col}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The host whose `site` value the model is built from, and the hosts that see another value. The reference is
 * the value group `all` defines (where the site belongs), else the value most hosts see.
 */
export function findSiteHost(inventory: Inventory): { chosen?: Host; differing: Host[] } {
  const counts = new Map<string, Host[]>();
  for (const h of inventory.hosts.values()) {
    if (h.vars.site === undefined) continue;
    const key = canonical(h.vars.site);
    const same = counts.get(key);
    if (same) same.push(h);
    else counts.set(key, [h]);
  }
  const allSite = inventory.groups.get('all')?.vars.site;
  const preferred = allSite === undefined ? undefined : canonical(allSite);
  const groups = [...counts.entries()]
    .sort(([ka, a], [kb, b]) => Number(kb === preferred) - Number(ka === preferred) || b.length - a.length)
    .map(([, g]) => g);
  return { chosen: groups[0]?.[0], differing: groups.slice(1).flat() };
}

function chooseSiteHost(inventory: Inventory, problems: Problem[]): Host | undefined {
  const { chosen, differing } = findSiteHost(inventory);
  for (const h of differing) {
    const origin = h.origins.site;
    problems.push({
      severity: 'error',
      location: origin ? inventory.locate(origin) : undefined,
      message: `${h.name} sees a different site variable than ${chosen!.name}; the site must be the same for every host`,
      fix: 'define site once, in group_vars/all, and do not override it (or part of it) in another group or in host_vars',
    });
  }
  return chosen;
}

function buildVlans(site: Raw): Vlan[] {
  const defaults: NadSettings = {
    namespace: 'default',
    cni: 'cnv-bridge',
    macspoofchk: true,
    labels: { 'app.kubernetes.io/managed-by': 'acp-play' },
    ...(isRecord(site.nad) ? (site.nad as Partial<NadSettings>) : {}),
  };
  const items = Array.isArray(site.vlans) ? site.vlans.slice(0, MAX_VLAN_ITEMS).filter(isRecord) : [];
  return items
    .filter((v) => typeof v.id === 'number' && Number.isInteger(v.id))
    .map((v) => {
      const id = v.id as number;
      const vm = v.vm === true;
      const text = (key: string) => (typeof v[key] === 'string' ? { [key]: v[key] as string } : {});
      return {
        id,
        name: typeof v.name === 'string' ? v.name : `vlan${id}`,
        ...text('subnet'),
        ...text('gateway'),
        ...text('description'),
        vm,
        ...(vm ? { nad: { name: `vlan${id}`, ...defaults, ...(isRecord(v.nad) ? (v.nad as Partial<Nad>) : {}) } } : {}),
      };
    });
}

/** One NAD per VM VLAN, on the bridge the nodes use for it. Nodes disagreeing on that bridge is an error. */
function buildNads(
  vlans: readonly Vlan[],
  nodes: readonly NodeModel[],
  locator: SiteLocator,
  problems: Problem[],
): Nad[] {
  const nads: Nad[] = [];
  for (const vlan of vlans) {
    if (!vlan.nad || nads.some((n) => n.vlan === vlan.id)) continue;
    const users = nodes.flatMap((n) =>
      n.bridges.filter((b) => b.vlan === vlan.id).map((b) => ({ node: n, bridge: b.bridge })),
    );
    const first = users[0];
    for (const other of users) {
      if (first && other.bridge !== first.bridge) {
        problems.push({
          severity: 'error',
          location: locator.nodeVlan(other.node.host, vlan.id, 'bridge'),
          message: `${other.node.name} bridges VLAN ${vlan.id} as ${other.bridge} but ${first.node.name} as ${first.bridge}; the one NAD ${vlan.nad.name} can name only one bridge`,
          fix: `use the same bridge name for VLAN ${vlan.id} on every node (default bridge${vlan.id})`,
        });
      }
    }
    const { name, namespace, cni, macspoofchk, labels } = vlan.nad;
    nads.push({
      name,
      namespace,
      cni,
      macspoofchk,
      labels,
      vlan: vlan.id,
      bridge: first?.bridge ?? `bridge${vlan.id}`,
    });
  }
  return nads;
}

/**
 * Builds the site model from a loaded inventory: schema problems of every host, then nodes, switches, VLANs and
 * NADs with their defaults. A host's platform (id or alias) is resolved in `platforms`, and its role there makes it
 * a node, a switch or another host. Cross-device checks are {@link validateSite}'s job.
 */
export function buildSite(inventory: Inventory, platforms: PlatformCatalog): { site: Site; problems: Problem[] } {
  const hosts = [...inventory.hosts.values()];
  const problems: Problem[] = hosts.flatMap((h) => checkHostSchema(h, inventory, platforms));
  const siteHost = chooseSiteHost(inventory, problems);
  const locator = new SiteLocator(inventory, siteHost);
  const rawSite = isRecord(siteHost?.vars.site) ? siteHost.vars.site : {};
  if (Array.isArray(rawSite.vlans) && rawSite.vlans.length > MAX_VLAN_ITEMS) {
    problems.push({
      severity: 'error',
      location: locator.site(['vlans', MAX_VLAN_ITEMS]),
      ...tooManyVlanItems('site.vlans', rawSite.vlans.length),
    });
  }
  const vlans = buildVlans(rawSite);
  const idsOf = (role: string) => platforms.all.filter((p) => p.role === role).map((p) => p.id);
  const nodePlatforms = idsOf('node');

  const nodeHosts: { host: Host; platform: string }[] = [];
  const switches: SwitchModel[] = [];
  const others: Host[] = [];
  for (const host of hosts) {
    const platform = host.platform === undefined ? undefined : platforms.resolve(host.platform);
    if (host.platform !== undefined && !platform) continue; // unknown platform: reported by the schema check
    const platformKey = locator.firstKey(host, ['platform', 'ansible_network_os']);
    const wrong = (message: string, fix: string) =>
      problems.push({
        severity: 'error',
        location:
          (platformKey ? locator.at(host, platformKey) : (locator.at(host, 'node') ?? locator.at(host, 'switch'))) ??
          locator.declared(host),
        message,
        fix,
      });
    const hasNode = host.vars.node !== undefined;
    const hasSwitch = host.vars.switch !== undefined;
    if (hasNode && hasSwitch) {
      wrong(
        `${host.name} has both a node and a switch variable`,
        `a host is either a node (node:, platform ${wordList(nodePlatforms, 'or')}) or a switch (switch:, a switch platform)`,
      );
    } else if (hasNode || platform?.role === 'node') {
      if (platform && platform.role !== 'node')
        wrong(
          `${host.name} has a node variable but platform ${platform.id}`,
          `a node's platform must be ${wordList(nodePlatforms, 'or')}`,
        );
      // A node that names no platform is a node of the first node platform.
      else nodeHosts.push({ host, platform: platform?.id ?? nodePlatforms[0]! });
    } else if (hasSwitch || platform?.role === 'switch') {
      if (platform?.role === 'switch') switches.push(buildSwitch(host, platform.id, vlans, locator, problems));
      else
        wrong(
          `${host.name} has a switch variable but ${platform ? `platform ${platform.id}` : 'no platform'}`,
          `set platform: ${wordList(idsOf('switch'), 'or')}`,
        );
    } else {
      others.push(host);
    }
  }
  const nodes = nodeHosts.flatMap((n) => buildNode(n.host, n.platform, vlans, locator, problems) ?? []);
  for (const model of [...nodes, ...switches]) {
    if (model.host.vars.site === undefined && siteHost) {
      problems.push({
        severity: 'error',
        location:
          locator.at(model.host, model.host.vars.node !== undefined ? 'node' : 'switch') ??
          locator.declared(model.host),
        message: `${model.name} does not see the site variable the other hosts see`,
        fix: 'define site in group_vars/all so that every host sees it',
      });
    }
  }
  if (!siteHost && nodes.length + switches.length > 0) {
    const allVars = inventory.files.find((f) => /[/\\]group_vars[/\\]all(\.ya?ml|\.json)?$/.test(f));
    problems.push({
      severity: 'error',
      location: { file: allVars ?? inventory.files[0] ?? inventory.dir, line: 1, col: 1 },
      message: `no host of ${inventory.dir} has a site variable, so there are no VLANs to configure`,
      fix: 'define site: {name: NAME, vlans: [...]} in group_vars/all.yaml',
    });
  }
  const nads = buildNads(vlans, nodes, locator, problems);
  const cluster = buildCluster(rawSite, nodes, vlans, locator, problems);
  const name = typeof rawSite.name === 'string' ? rawSite.name : basename(resolve(inventory.dir));
  return {
    site: { name, vlans, nodes, switches, nads, others, ...(cluster ? { cluster } : {}) },
    problems: dedupeProblems(problems),
  };
}
