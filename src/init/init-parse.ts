import ipaddr from 'ipaddr.js';
import { isIpv4, netContains, parseIpv4Net, type Ipv4Net } from '../inventory/ipv4-net.js';
import type { InitVlan } from './init-answers.js';

/** A parsed answer, or why the text is not one (said to the user as it is). */
export type Parsed<T> = { readonly value: T } | { readonly error: string };

export const ok = <T>(value: T): Parsed<T> => ({ value });
export const bad = (error: string): Parsed<never> => ({ error });

/** `a, b,c` -> ['a', 'b', 'c']; empty items kept as '' (a node whose value is still to fill in). */
export function splitList(text: string): string[] {
  return text.trim() === '' ? [] : text.split(',').map((s) => s.trim());
}

/** The `n`-th address of a subnet (1 = the first host). */
export function nthHost(subnet: string, n: number): string {
  const net = parseIpv4Net(subnet);
  if (typeof net === 'string') throw new Error(`not a subnet: ${subnet}`);
  const base = net.address.toByteArray().reduce((sum, byte) => sum * 256 + byte, 0);
  const value = base + n;
  return ipaddr.fromByteArray([value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255]).toString();
}

/** The VLAN `id` of the table, parsed; an error when the table has no such VLAN. */
export function vlanNet(vlans: readonly InitVlan[], id: number): Ipv4Net {
  const vlan = vlans.find((v) => v.id === id);
  const net = vlan && parseIpv4Net(vlan.subnet);
  if (!net || typeof net === 'string') throw new Error(`no subnet for VLAN ${id}`);
  return net;
}

/** One IPv4 address per node, each inside `net`, none twice and none equal to `reserved`. */
export function parseNodeAddresses(
  text: string,
  nodes: readonly string[],
  net: Ipv4Net | undefined,
  reserved: readonly string[] = [],
): Parsed<string[]> {
  const items = splitList(text);
  if (items.length !== nodes.length)
    return bad(`give ${nodes.length} addresses, one per node (${nodes.join(', ')}), separated by commas`);
  for (const [i, ip] of items.entries()) {
    if (!isIpv4(ip)) return bad(`${JSON.stringify(ip)} (${nodes[i]}) is not an IPv4 address`);
    if (net && !netContains(net, ip)) return bad(`${ip} (${nodes[i]}) is outside ${net.text}`);
    if (items.indexOf(ip) !== i) return bad(`${ip} is given twice`);
    if (reserved.includes(ip)) return bad(`${ip} is already the gateway or a VIP`);
  }
  return ok(items);
}

/** `ID:NAME:SUBNET[:vm]` items; the gateway is the subnet's first host, as in the pattern. */
export function parseVlanTable(text: string, pattern: readonly InitVlan[]): Parsed<InitVlan[]> {
  if (text.trim() === '' || text.trim() === 'pattern') return ok([...pattern]);
  const vlans: InitVlan[] = [];
  for (const item of splitList(text)) {
    const [id, name, subnet, vm, ...rest] = item.split(':');
    const number = Number(id);
    if (!Number.isInteger(number) || number < 1 || number > 4094 || !name || !subnet || rest.length > 0)
      return bad(`${JSON.stringify(item)} is not ID:NAME:SUBNET or ID:NAME:SUBNET:vm (e.g. 2003:vm1:172.16.4.0/24:vm)`);
    if (vm !== undefined && vm !== 'vm') return bad(`${JSON.stringify(item)}: the fourth part can only be vm`);
    const net = parseIpv4Net(subnet);
    if (typeof net === 'string') return bad(`subnet ${subnet} of VLAN ${id}: ${net}`);
    if (vlans.some((v) => v.id === number)) return bad(`VLAN ${id} is given twice`);
    vlans.push({ id: number, name, subnet, gateway: nthHost(subnet, 1), vm: vm === 'vm' });
  }
  if (!vlans.some((v) => v.vm)) return bad('mark at least one VLAN as a VM network (ID:NAME:SUBNET:vm)');
  return ok(vlans);
}
