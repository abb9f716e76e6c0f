import { isIpv4, netContains } from '../inventory/ipv4-net.js';
import { checkEnvName, checkK8sName } from '../inventory/safe-names.js';
import type { InitAnswers, SecretSourceAnswer } from './init-answers.js';
import { bad, ok, splitList, vlanNet, type Parsed } from './init-parse.js';

/**
 * How init reads the answers that need more than a pattern: node lists, VLAN roles, MACs, root devices, VIPs and
 * secret sources. Each returns the value or a sentence for the user.
 */

/** The answers so far (questions are asked in order). */
export type Answers = Partial<InitAnswers>;

/** An earlier answer; questions are asked in order, so a missing one is a bug. */
export function need<K extends keyof InitAnswers>(a: Answers, key: K): InitAnswers[K] {
  const value = a[key];
  if (value === undefined) throw new Error(`init: ${key} is read before it is answered`);
  return value as InitAnswers[K];
}

export const checked = (text: string, problem: string | undefined): Parsed<string> =>
  problem ? bad(problem) : ok(text);
const NODE_COUNTS = [1, 3, 4, 5];

export function parseNodes(text: string): Parsed<string[]> {
  const count = Number(text);
  const names = Number.isInteger(count) ? Array.from({ length: count }, (_, i) => `node${i}`) : splitList(text);
  if (!NODE_COUNTS.includes(names.length))
    return bad('an OpenShift cluster has 1 node, or 3 to 5 (every node is a control-plane node)');
  for (const name of names) {
    const problem = checkK8sName(name);
    if (problem) return bad(`node name ${JSON.stringify(name)}: ${problem}`);
  }
  return new Set(names).size === names.length ? ok(names) : bad('a node name is given twice');
}

export function parseSecretSource(text: string): Parsed<SecretSourceAnswer> {
  const match = /^(env|file):(.+)$/.exec(text.trim());
  if (!match) return bad('write env:VARIABLE or file:PATH (the secret itself never goes into the inventory)');
  const [, kind, value] = match as unknown as [string, 'env' | 'file', string];
  if (kind === 'env' && checkEnvName(value)) return bad(checkEnvName(value)!);
  return ok({ kind, value });
}

/** A VLAN of the table by id, not a VM VLAN, not one of `taken`. */
export function parseRoleVlan(text: string, a: Answers, role: string, taken: (number | null)[]): Parsed<number> {
  const id = Number(text);
  const vlan = need(a, 'vlans').find((v) => v.id === id);
  if (text.trim() === '' || !vlan) return bad(`give the id of the ${role} VLAN, one of the VLAN table's`);
  if (vlan.vm) return bad(`VLAN ${id} is a VM network; the ${role} VLAN is not trunked to the VMs`);
  if (taken.includes(id)) return bad(`VLAN ${id} already has another role`);
  return ok(id);
}

/** The VLAN with the pattern's id for this role, else the first one with the role's name. */
export function roleDefault(a: Answers, patternId: number, name: RegExp): string {
  const vlans = need(a, 'vlans').filter((v) => !v.vm);
  return String((vlans.find((v) => v.id === patternId) ?? vlans.find((v) => name.test(v.name)))?.id ?? '');
}

export function parseMacs(text: string, a: Answers): Parsed<(string | null)[]> {
  const nodes = need(a, 'nodes');
  const items = splitList(text);
  if (items.length === 0) return ok(nodes.map(() => null));
  if (items.length !== nodes.length)
    return bad(`give ${nodes.length} MACs in node order (${nodes.join(', ')}); leave one empty to fill in later`);
  const macs = items.map((m) => (m === '' ? null : m.toLowerCase()));
  for (const mac of macs) {
    if (mac === null) continue;
    if (!/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(mac)) return bad(`${mac} is not a MAC such as b8:ca:3a:6e:69:40`);
    if (parseInt(mac.slice(0, 2), 16) & 1) return bad(`${mac} is a multicast address, which no NIC has`);
    if (macs.indexOf(mac) !== macs.lastIndexOf(mac)) return bad(`${mac} is given twice`);
  }
  return ok(macs);
}

export function parseRootDevices(text: string, a: Answers): Parsed<(string | null)[]> {
  const nodes = need(a, 'nodes');
  const items = splitList(text);
  const devices = items.length === 1 ? nodes.map(() => items[0]!) : items;
  if (devices.length === 0) return ok(nodes.map(() => null));
  if (devices.length !== nodes.length) return bad(`give one path for every node, or ${nodes.length} in node order`);
  const bad1 = devices.find((d) => d !== '' && !d.startsWith('/dev/'));
  if (bad1 !== undefined)
    return bad(`${bad1} is not a device path such as /dev/disk/by-path/pci-0000:02:00.0-scsi-0:2:0:0`);
  return ok(devices.map((d) => (d === '' ? null : d)));
}

export function parseVip(text: string, a: Answers, other: string | null | undefined): Parsed<string | null> {
  if (text.trim() === '' || text.trim() === 'none') return ok(null);
  if (need(a, 'nodes').length === 1) return bad('a single-node cluster has no VIPs');
  const net = vlanNet(need(a, 'vlans'), need(a, 'clusterVlan'));
  if (!isIpv4(text) || !netContains(net, text))
    return bad(`give a free IPv4 address of the cluster subnet ${net.text}`);
  if (need(a, 'clusterAddresses').includes(text) || text === other) return bad(`${text} is already taken`);
  return ok(text);
}
