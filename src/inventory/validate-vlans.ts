import ipaddr from 'ipaddr.js';
import type { Problem } from '../core/errors.js';
import { checkDescription, checkK8sName, checkVlanName } from './safe-names.js';
import type { SiteLocator } from './site-locator.js';
import type { Site } from '../core/site.js';
import { SubnetIndex, type Cidr } from './subnet-index.js';
import { VLAN_MAX, VLAN_MIN } from './vlan-set.js';

/** Parses a CIDR whose address is the network address; otherwise reports and returns undefined. */
function parseSubnet(subnet: string, report: (message: string, fix: string) => void): Cidr | undefined {
  if (!ipaddr.isValidCIDR(subnet) || (!subnet.includes(':') && !ipaddr.IPv4.isValidCIDRFourPartDecimal(subnet))) {
    report(
      `subnet ${JSON.stringify(subnet)} is not a CIDR`,
      'write the network address and prefix length, e.g. 172.16.4.0/24',
    );
    return undefined;
  }
  const cidr = ipaddr.parseCIDR(subnet) as Cidr;
  const network =
    cidr[0].kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(subnet) : ipaddr.IPv6.networkAddressFromCIDR(subnet);
  if (network.toString() !== cidr[0].toString()) {
    report(`subnet ${subnet} has host bits set`, `write its network address: ${network.toString()}/${cidr[1]}`);
    return undefined;
  }
  return cidr;
}

/** Site VLAN checks: ids, uniqueness, names, subnets (valid, not overlapping), gateways, NAD names. */
export function validateVlans(site: Site, locator: SiteLocator): Problem[] {
  const problems: Problem[] = [];
  const error = (location: ReturnType<SiteLocator['site']>, message: string, fix: string) =>
    problems.push({ severity: 'error', location, message, fix });
  const seen = new Map<number, number>();
  const subnets = new SubnetIndex();
  for (const vlan of site.vlans) {
    const occurrence = seen.get(vlan.id) ?? 0;
    seen.set(vlan.id, occurrence + 1);
    const at = (field?: string) => locator.vlan(vlan.id, field, occurrence);
    if (vlan.id < VLAN_MIN || vlan.id > VLAN_MAX) {
      error(
        at('id'),
        `VLAN id ${vlan.id} is outside ${VLAN_MIN}-${VLAN_MAX}`,
        'use a VLAN id from 1 to 4094 (0 and 4095 are reserved)',
      );
    }
    if (occurrence > 0) {
      error(at('id'), `VLAN ${vlan.id} is defined twice in site.vlans`, 'define each VLAN id once');
      continue;
    }
    const badName = checkVlanName(vlan.name);
    if (badName)
      error(at('name'), `VLAN ${vlan.id} name ${JSON.stringify(vlan.name)} is not safe to send to a switch`, badName);
    if (vlan.description !== undefined) {
      const bad = checkDescription(vlan.description);
      if (bad)
        error(
          at('description'),
          `description of VLAN ${vlan.id} has characters a switch CLI could read as syntax`,
          bad,
        );
    }
    if (vlan.nad) {
      for (const field of ['name', 'namespace'] as const) {
        const bad = checkK8sName(vlan.nad[field]);
        if (bad)
          error(
            at('nad'),
            `NAD ${field} ${JSON.stringify(vlan.nad[field])} of VLAN ${vlan.id} is not a valid Kubernetes name`,
            bad,
          );
      }
    }
    const cidr =
      vlan.subnet === undefined
        ? undefined
        : parseSubnet(vlan.subnet, (m, f) => error(at('subnet'), `VLAN ${vlan.id}: ${m}`, f));
    if (cidr) {
      const clash = subnets.add(cidr, vlan.id, vlan.subnet!);
      if (clash)
        error(
          at('subnet'),
          `subnet ${vlan.subnet} of VLAN ${vlan.id} overlaps ${clash.text} of VLAN ${clash.id}`,
          'give each VLAN its own, non-overlapping subnet',
        );
    }
    if (vlan.gateway !== undefined)
      checkGateway(vlan.id, vlan.gateway, vlan.subnet, cidr, (m, f) => error(at('gateway'), m, f));
  }
  const nadNames = new Map<string, number>();
  for (const nad of site.nads) {
    const key = `${nad.namespace}/${nad.name}`;
    const other = nadNames.get(key);
    if (other !== undefined)
      error(
        locator.vlan(nad.vlan, 'nad'),
        `VLANs ${other} and ${nad.vlan} both get the NAD ${key}`,
        'give each VM VLAN its own nad.name',
      );
    nadNames.set(key, nad.vlan);
  }
  return problems;
}

function checkGateway(
  id: number,
  gateway: string,
  subnet: string | undefined,
  cidr: Cidr | undefined,
  report: (message: string, fix: string) => void,
): void {
  if (!ipaddr.IPv4.isValidFourPartDecimal(gateway) && !(gateway.includes(':') && ipaddr.IPv6.isValid(gateway))) {
    report(
      `gateway ${JSON.stringify(gateway)} of VLAN ${id} is not an IP address`,
      "write an address inside the VLAN's subnet, e.g. 172.16.4.1",
    );
    return;
  }
  if (subnet === undefined) {
    report(
      `VLAN ${id} has a gateway but no subnet`,
      'add the subnet the gateway belongs to, e.g. subnet: 172.16.4.0/24',
    );
    return;
  }
  if (!cidr) return;
  const address = ipaddr.parse(gateway);
  if (address.kind() !== cidr[0].kind() || !address.match(cidr as never)) {
    report(`gateway ${gateway} of VLAN ${id} is outside its subnet ${subnet}`, `use an address inside ${subnet}`);
    return;
  }
  if (address.kind() === 'ipv4' && cidr[1] < 31) {
    const broadcast = ipaddr.IPv4.broadcastAddressFromCIDR(subnet).toString();
    if (gateway === cidr[0].toString() || gateway === broadcast) {
      report(
        `gateway ${gateway} of VLAN ${id} is the ${gateway === broadcast ? 'broadcast' : 'network'} address of ${subnet}`,
        `use a host address inside ${subnet}, e.g. the first one`,
      );
    }
  }
}
