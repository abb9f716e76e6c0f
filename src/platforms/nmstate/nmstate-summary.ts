import { isNmstateObject, type NmstateInterface, type NmstateValue } from './nmstate-state.js';

/**
 * One line per interface for a change board, instead of a YAML before/after: what the interface is
 * (`linux-bridge, STP off, port enp4s0f0.2003`, `vlan 2003 on enp4s0f0`). The full YAML stays in the change's diff.
 */
export function summarizeInterface(iface: NmstateInterface): string {
  const parts = [...kindOf(iface), ...addressesOf(iface)];
  const mtu = iface['mtu'];
  if (typeof mtu === 'number' || typeof mtu === 'string') parts.push(`MTU ${mtu}`);
  if (iface.state === 'down') parts.push('down');
  return parts.join(', ');
}

/** `linux-bridge: port +enp4s0f0.2004, description`: the type and what differs. */
export function summarizeUpdate(iface: NmstateInterface, differences: readonly string[]): string {
  const what = [...new Set(differences.map(readablePath))].join(', ');
  return `${iface.type ?? 'interface'}: ${what}`;
}

/** `linux-bridge, removed (…why)`. */
export function summarizeRemoval(iface: NmstateInterface, why: string): string {
  return `${iface.type ?? 'interface'}, removed (${why})`;
}

function kindOf(iface: NmstateInterface): string[] {
  const type = iface.type ?? 'interface';
  const vlan = objectAt(iface, 'vlan');
  if (type === 'vlan' && vlan) return [`vlan ${String(vlan['id'] ?? '?')} on ${String(vlan['base-iface'] ?? '?')}`];
  const bridge = objectAt(iface, 'bridge');
  if (type === 'linux-bridge' && bridge) {
    const stp = objectAt(objectAt(bridge, 'options') ?? {}, 'stp')?.['enabled'];
    const ports = Array.isArray(bridge['port']) ? (bridge['port'] as readonly NmstateValue[]) : [];
    const names = ports.flatMap((p) => (isNmstateObject(p) && typeof p['name'] === 'string' ? [p['name']] : []));
    const portText = names.length === 0 ? 'no ports' : `port${names.length > 1 ? 's' : ''} ${names.join(' ')}`;
    return [type, ...(stp === undefined ? [] : [`STP ${stp === true ? 'on' : 'off'}`]), portText];
  }
  return [type];
}

function addressesOf(iface: NmstateInterface): string[] {
  return (['ipv4', 'ipv6'] as const).flatMap((family) => {
    const ip = objectAt(iface, family);
    if (!ip || ip['enabled'] !== true) return [];
    if (ip['dhcp'] === true || ip['autoconf'] === true) return [`${family} dynamic`];
    const list = Array.isArray(ip['address']) ? (ip['address'] as readonly NmstateValue[]) : [];
    return list.flatMap((a) =>
      isNmstateObject(a) && typeof a['ip'] === 'string' ? [`${a['ip']}/${String(a['prefix-length'] ?? '?')}`] : [],
    );
  });
}

/** `bridge.port[enp4s0f0.2004]` -> `bridge port enp4s0f0.2004`; `bridge.options.stp.enabled` -> `stp enabled`. */
function readablePath(path: string): string {
  const port = /^bridge\.port\[([^\]]+)\]/.exec(path);
  if (port) return `bridge port ${port[1]}`;
  const parts = path.replace(/\[[^\]]*\]/g, '').split('.');
  return parts.slice(-2).join(' ');
}

function objectAt(value: NmstateValue | undefined, key: string): Readonly<Record<string, NmstateValue>> | undefined {
  if (!isNmstateObject(value)) return undefined;
  const inner = value[key];
  return isNmstateObject(inner) ? (inner as Readonly<Record<string, NmstateValue>>) : undefined;
}
