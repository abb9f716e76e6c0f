/**
 * How a switch platform names its interfaces: canonical type names in match order (an abbreviation, case-insensitive,
 * becomes the first entry it is a prefix of, so `Gi` -> GigabitEthernet), and short forms that are not plain prefixes.
 * A platform whose names are kernel names (Cumulus `swp1`) lists none, and names are kept as written.
 */
export interface InterfaceNaming {
  readonly types: readonly string[];
  readonly aliases?: Readonly<Record<string, string>>;
  /** The n-th front-panel port of a typical switch (`Ethernet1/3`, `GigabitEthernet1/0/3`, `swp3`), for new sites. */
  frontPanel(n: number): string;
}

/**
 * `Eth1/3` -> `Ethernet1/3` (NX-OS), `et1` -> `Ethernet1` (EOS), `Gi0/1` -> `GigabitEthernet0/1` (IOS),
 * case-insensitive; spaces between type and number are dropped. An unknown type is returned as written.
 */
export function normaliseInterfaceName(naming: InterfaceNaming, name: string): string {
  const trimmed = name.trim();
  const m = /^([A-Za-z][A-Za-z-]*)\s*(\d.*)?$/.exec(trimmed);
  if (!m) return trimmed;
  const prefix = m[1]!.toLowerCase();
  const rest = m[2] ?? '';
  const alias = naming.aliases?.[prefix];
  if (alias) return alias + rest;
  const type = naming.types.find((t) => t.toLowerCase().startsWith(prefix));
  return type ? type + rest : trimmed;
}
