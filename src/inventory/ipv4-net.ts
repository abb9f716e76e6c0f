import ipaddr from 'ipaddr.js';

/** IPv4 addresses and networks for the day-0 checks (the cluster links are IPv4, as in the pattern). */

/** A parsed IPv4 network, e.g. 172.16.2.0/23. */
export interface Ipv4Net {
  readonly address: ipaddr.IPv4;
  readonly prefix: number;
  /** As written. */
  readonly text: string;
}

/** True for dotted-quad IPv4 text (no shorthand such as `10.1`). */
export function isIpv4(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text);
}

/** An IPv4 CIDR, or why it is not one (a sentence usable as the fix). */
export function parseIpv4Net(text: string): Ipv4Net | string {
  if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(text))
    return 'write an IPv4 network address and prefix length, e.g. 172.16.2.0/23';
  const [address, prefix] = ipaddr.IPv4.parseCIDR(text);
  const network = ipaddr.IPv4.networkAddressFromCIDR(text).toString();
  if (network !== address.toString()) return `it has host bits set: write ${network}/${prefix}`;
  return { address, prefix, text };
}

export function netContains(net: Ipv4Net, ip: string): boolean {
  return isIpv4(ip) && ipaddr.IPv4.parse(ip).match(net.address, net.prefix);
}

export function netsOverlap(a: Ipv4Net, b: Ipv4Net): boolean {
  // The shorter prefix contains the other's network address exactly when the two overlap.
  return a.prefix <= b.prefix ? b.address.match(a.address, a.prefix) : a.address.match(b.address, b.prefix);
}

/** The network or broadcast address of `net` (neither can be given to a host), or undefined. */
export function reservedAddressKind(net: Ipv4Net, ip: string): 'network' | 'broadcast' | undefined {
  if (net.prefix >= 31) return undefined;
  if (ip === net.address.toString()) return 'network';
  return ip === ipaddr.IPv4.broadcastAddressFromCIDR(net.text).toString() ? 'broadcast' : undefined;
}
