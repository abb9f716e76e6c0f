import { userInfo } from 'node:os';
import { stringify } from 'yaml';
import type { Host } from '../../core/inventory.js';
import type { PlatformTemplate } from '../../core/platform.js';
import type { NodeModel, Site } from '../../core/site.js';
import { buildNodeStateContext } from '../../template/node-state-context.js';
import { renderYaml } from '../../template/render-yaml.js';
import type { NmstateArgs } from '../../playbook/module-args.js';
import { parseProbes, type Probe } from './nmstate-probes.js';
import { toNmstateState, type NmstateInterface, type NmstateState } from './nmstate-state.js';

/**
 * How acp-play marks the interfaces it owns on a node: the nmstate interface `description`, which nmstate 2.2
 * stores in the NetworkManager profile (user data `nmstate.interface.description`) and reports back in
 * `nmstatectl show` (checked against the real nmstatectl 2.2.62 in test/lab/nmstate-driver.test.ts). The mark lives
 * with the interface itself, so it survives a lost state file, a reinstall of acp-play and a run from another
 * machine; a prune removes only interfaces whose description starts with it. It is added here rather than in
 * the template so that a user's template override cannot drop it.
 */
export const MANAGED_MARK = 'acp-play:managed';

/** Everything the nmstate module needs for one node, rendered before any connection. */
export interface NmstateDesired {
  readonly node: string;
  /** The desired state as applied (the template's output plus the ownership marks). */
  readonly state: NmstateState;
  /** The document uploaded to the node. */
  readonly text: string;
  /** Interfaces acp-play creates and owns on this node (VLAN interfaces and their bridges). */
  readonly managed: readonly string[];
  /** Interfaces `show` must report: every named one and their base interfaces (the trunk NIC). */
  readonly watched: readonly string[];
  /** The node's trunk NIC and any other base of its VLAN interfaces: where unmarked leftovers are looked for. */
  readonly trunkNics: readonly string[];
  /** Remove marked interfaces the inventory no longer has (default; task arg `prune: false` keeps them). */
  readonly prune: boolean;
  /** Commit-confirm window in seconds (`nmstatectl apply --no-commit --timeout`). */
  readonly timeoutS: number;
  readonly probes: readonly Probe[];
  /** Run nmstatectl through sudo: the login user is not root, or the inventory says `become: true`. */
  readonly become: boolean;
  /** The nmstatectl command on the node (host var `nmstatectl`, default `nmstatectl`). */
  readonly nmstatectl: string;
}

export const DEFAULT_TIMEOUT_S = 60;

/** The template of a node's desired state, and the extension `render` gives the file. */
export const NMSTATE_TEMPLATE: PlatformTemplate = { path: 'nmstate/node.yaml.njk', extension: 'nmstate.yaml' };

/** The node model of `host`, or undefined when the host is not a node of the site. */
export function findNode(host: Host, site: Site): NodeModel | undefined {
  return site.nodes.find((n) => n.name === host.name);
}

/** Renders the desired nmstate state of one node from templates/nmstate/node.yaml.njk and the task's args. */
export function renderNmstateDesired(node: NodeModel, site: Site, args: NmstateArgs, where: string): NmstateDesired {
  const context = buildNodeStateContext(node, site);
  const rendered = renderYaml(NMSTATE_TEMPLATE.path, context, ['interfaces']);
  const parsed = toNmstateState(rendered.data, `${NMSTATE_TEMPLATE.path} (${node.name})`);
  const managed = new Set(context.managedInterfaces);
  const interfaces = parsed.interfaces.map((iface): NmstateInterface =>
    managed.has(iface.name) ? markInterface(iface, site, node) : iface,
  );
  const state: NmstateState = { ...parsed, interfaces };
  // The playbook schema holds the timeout to 5-3600 seconds (module-args.ts).
  const timeoutS = args.timeout ?? DEFAULT_TIMEOUT_S;
  const become = nodeBecome(node.host);
  const base = interfaces.flatMap((i) => {
    const vlan = i['vlan'];
    const b =
      vlan && typeof vlan === 'object' && !Array.isArray(vlan)
        ? (vlan as Record<string, unknown>)['base-iface']
        : undefined;
    return typeof b === 'string' ? [b] : [];
  });
  return {
    node: node.name,
    state,
    text: `# nmstate desired state of ${node.name}, applied by acp-play\n${stringify(state, { lineWidth: 0 })}`,
    managed: [...managed],
    watched: [...new Set([...interfaces.map((i) => i.name), ...base])],
    trunkNics: [...new Set([node.trunkNic, ...base])],
    prune: args.prune !== false,
    timeoutS,
    probes: parseProbes(args.probes, site, where),
    become,
    nmstatectl: nmstatectlOf(node.host),
  };
}

/** Whether node commands run through sudo: the inventory's `become`, else whenever the login user is not root. */
export function nodeBecome(host: Host): boolean {
  return host.become ?? (host.user ?? userInfo().username) !== 'root';
}

/** The nmstatectl command on the node (host var `nmstatectl`, default `nmstatectl`). */
export function nmstatectlOf(host: Host): string {
  const v = host.vars['nmstatectl'];
  return typeof v === 'string' && v !== '' ? v : 'nmstatectl';
}

/** True when an interface reported by `show` carries acp-play's ownership mark. */
export function isMarked(iface: NmstateInterface): boolean {
  const d = iface['description'];
  return typeof d === 'string' && d.startsWith(MANAGED_MARK);
}

function markInterface(iface: NmstateInterface, site: Site, node: NodeModel): NmstateInterface {
  const bridge = node.bridges.find((b) => b.bridge === iface.name || b.interface === iface.name);
  const vlan = bridge ? site.vlans.find((v) => v.id === bridge.vlan) : undefined;
  const what = bridge ? ` VLAN ${bridge.vlan}${vlan ? ` ${vlan.name}` : ''}` : '';
  // description goes right after name/type so the rendered document reads naturally.
  const { name, type, ...rest } = iface;
  return {
    name,
    ...(type !== undefined ? { type } : {}),
    description: `${MANAGED_MARK}${what}`,
    ...rest,
  } as NmstateInterface;
}
