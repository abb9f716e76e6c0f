import type ipaddr from 'ipaddr.js';

/** A parsed CIDR: the network address and the prefix length. */
export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** A subnet already seen, and the value it belongs to (a VLAN id). */
export interface SeenSubnet {
  readonly id: number;
  readonly text: string;
  readonly order: number;
}

/**
 * Finds, for each new subnet, the first one added before it that overlaps it, in time linear in the number of
 * subnets (two prefixes overlap exactly when one contains the other): every subnet is kept under its own key and
 * under the key of each shorter prefix that contains it.
 */
export class SubnetIndex {
  private readonly exact = new Map<string, SeenSubnet>();
  private readonly within = new Map<string, SeenSubnet>();
  private count = 0;

  /** The first earlier subnet that overlaps `cidr` (or undefined), then `cidr` is added. */
  add(cidr: Cidr, id: number, text: string): SeenSubnet | undefined {
    const bits = bitsOf(cidr);
    const length = cidr[1];
    let clash: SeenSubnet | undefined;
    const consider = (seen: SeenSubnet | undefined): void => {
      if (seen && (!clash || seen.order < clash.order)) clash = seen;
    };
    // An earlier subnet containing this one: one of its prefixes (this one's included).
    for (let l = 0; l <= length; l++) consider(this.exact.get(key(cidr, bits, l)));
    // An earlier subnet inside this one.
    consider(this.within.get(key(cidr, bits, length)));
    const seen = { id, text, order: this.count++ };
    const own = key(cidr, bits, length);
    if (!this.exact.has(own)) this.exact.set(own, seen);
    for (let l = 0; l < length; l++) {
      const outer = key(cidr, bits, l);
      if (!this.within.has(outer)) this.within.set(outer, seen);
    }
    return clash;
  }
}

function bitsOf(cidr: Cidr): string {
  return cidr[0]
    .toByteArray()
    .map((byte) => byte.toString(2).padStart(8, '0'))
    .join('');
}

function key(cidr: Cidr, bits: string, length: number): string {
  return `${cidr[0].kind()}/${bits.slice(0, length)}`;
}
