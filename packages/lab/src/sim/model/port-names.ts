import type { PortKind, SimPlatformId } from './switch-model.js';

/**
 * Interface names as each device spells and abbreviates them: the CLI takes any unique prefix of the type
 * (`eth1/3`, `Et3`, `gi1/0/3`, `po10`), with or without a space before the number, and stores the canonical name.
 */

interface NameType {
  readonly canonical: string;
  readonly kind: PortKind;
  /** Short form used in tables (`Eth1/3`, `Et3`, `Gi1/0/3`). */
  readonly short: string;
}

const TYPES: Readonly<Record<SimPlatformId, readonly NameType[]>> = {
  cisco_nxos: [
    { canonical: 'Ethernet', kind: 'ethernet', short: 'Eth' },
    { canonical: 'port-channel', kind: 'port-channel', short: 'Po' },
    { canonical: 'mgmt', kind: 'management', short: 'mgmt' },
    { canonical: 'loopback', kind: 'loopback', short: 'Lo' },
    { canonical: 'Vlan', kind: 'svi', short: 'Vlan' },
  ],
  arista_eos: [
    { canonical: 'Ethernet', kind: 'ethernet', short: 'Et' },
    { canonical: 'Port-Channel', kind: 'port-channel', short: 'Po' },
    { canonical: 'Management', kind: 'management', short: 'Ma' },
    { canonical: 'Loopback', kind: 'loopback', short: 'Lo' },
    { canonical: 'Vlan', kind: 'svi', short: 'Vl' },
  ],
  cisco_ios: [
    { canonical: 'GigabitEthernet', kind: 'ethernet', short: 'Gi' },
    { canonical: 'FastEthernet', kind: 'ethernet', short: 'Fa' },
    { canonical: 'TenGigabitEthernet', kind: 'ethernet', short: 'Te' },
    { canonical: 'TwentyFiveGigE', kind: 'ethernet', short: 'Twe' },
    { canonical: 'FortyGigabitEthernet', kind: 'ethernet', short: 'Fo' },
    { canonical: 'HundredGigE', kind: 'ethernet', short: 'Hu' },
    { canonical: 'TwoGigabitEthernet', kind: 'ethernet', short: 'Tw' },
    { canonical: 'FiveGigabitEthernet', kind: 'ethernet', short: 'Fi' },
    { canonical: 'Ethernet', kind: 'ethernet', short: 'Et' },
    { canonical: 'Port-channel', kind: 'port-channel', short: 'Po' },
    { canonical: 'Loopback', kind: 'loopback', short: 'Lo' },
    { canonical: 'Vlan', kind: 'svi', short: 'Vl' },
  ],
};

/** `eth 1/3` -> `Ethernet1/3`; undefined when the type is unknown or the number is malformed. */
export function canonicalPortName(platform: SimPlatformId, text: string): string | undefined {
  const m = /^([A-Za-z][A-Za-z-]*)\s*(\d+(?:\/\d+)*(?:\.\d+)?)$/.exec(text.trim());
  if (!m) return undefined;
  const prefix = m[1]!.toLowerCase();
  const matches = TYPES[platform].filter(
    (t) => t.canonical.toLowerCase().startsWith(prefix) || t.short.toLowerCase() === prefix,
  );
  const exact = matches.find((t) => t.short.toLowerCase() === prefix);
  const type = exact ?? (matches.length >= 1 ? matches[0] : undefined);
  return type ? `${type.canonical}${m[2]}` : undefined;
}

/** The kind of a canonical name. */
export function portKind(platform: SimPlatformId, name: string): PortKind | undefined {
  return TYPES[platform].find((t) => name.startsWith(t.canonical) && /^\d/.test(name.slice(t.canonical.length)))?.kind;
}

/** The short form a device prints in tables: `Eth1/3`, `Et3`, `Gi1/0/3`, `Po10`. */
export function shortPortName(platform: SimPlatformId, name: string): string {
  const type = TYPES[platform].find((t) => name.startsWith(t.canonical));
  return type ? `${type.short}${name.slice(type.canonical.length)}` : name;
}

/** The canonical name of port-channel `id`. */
export function portChannelName(platform: SimPlatformId, id: number): string {
  return `${TYPES[platform].find((t) => t.kind === 'port-channel')!.canonical}${id}`;
}

/** Sorts interface names the way devices list them: by type order, then numerically by each number. */
export function comparePortNames(platform: SimPlatformId, a: string, b: string): number {
  const rank = (n: string): number => TYPES[platform].findIndex((t) => n.startsWith(t.canonical));
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const nums = (n: string): number[] => (n.match(/\d+/g) ?? []).map(Number);
  const [x, y] = [nums(a), nums(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}
