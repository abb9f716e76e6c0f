import type { LldpNeighbor, LldpPortIdType } from '../core/lldp.js';
import { normaliseInterfaceName, type InterfaceNaming } from './interface-names.js';

/**
 * Reading values out of the text of `show lldp neighbors detail`, shared by the CLI platforms' parsers: quotes are
 * dropped (EOS quotes names), and the device's words for a missing TLV become absent.
 */
export function lldpValue(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1).trim();
  if (v === '' || /^(?:-\s*)?not advertised$/i.test(v) || v === 'null') return undefined;
  return v;
}

const MAC = /^(?:[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})$/i;

/** True for a MAC in any of the usual spellings (`b8:ca:3a:6e:69:40`, `b8-ca-…`, `b8ca.3a6e.6940`). */
export function isMac(text: string): boolean {
  return MAC.test(text.trim());
}

/** `b8:ca:3a:6e:69:40` for any spelling of a MAC; other text as it is. */
export function canonicalMac(text: string): string {
  if (!isMac(text)) return text;
  const hex = text.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return hex.match(/../g)!.join(':');
}

/**
 * The Port ID subtype, where the device prints it (EOS: `Interface name (5)`, `MAC address (3)`) or, where it does
 * not (NX-OS, IOS), guessed from the value: a MAC, else a name.
 */
export function portIdType(value: string | undefined, printed?: string): LldpPortIdType | undefined {
  if (printed !== undefined) {
    if (/interface name|\(5\)/i.test(printed)) return 'ifname';
    if (/mac address|\(3\)/i.test(printed)) return 'mac';
    return 'other';
  }
  if (value === undefined) return undefined;
  if (isMac(value)) return 'mac';
  return /[a-z]/i.test(value) ? 'ifname' : 'other';
}

/** A neighbour with only the fields the device gave (absent TLVs stay absent, not `undefined`). */
export function neighborOf(
  localPort: string,
  fields: { readonly [K in Exclude<keyof LldpNeighbor, 'localPort'>]?: LldpNeighbor[K] | undefined },
): LldpNeighbor {
  const present = Object.entries(fields).filter(([, v]) => v !== undefined);
  return { localPort, ...Object.fromEntries(present) } as LldpNeighbor;
}

/**
 * Splits `Key: value` lines into one map per neighbour, a new one at each line whose key is `startKey` (keys lower
 * case; the first value of a key in a block wins). Lines without a key (continued descriptions, separators) are
 * skipped.
 */
export function keyedBlocks(text: string, startKey: string): Map<string, string>[] {
  const blocks: Map<string, string>[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z][A-Za-z ]*?)\s*:\s?(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    if (key === startKey) blocks.push(new Map());
    const block = blocks.at(-1);
    if (block && !block.has(key)) block.set(key, m[2]!);
  }
  return blocks;
}

/** Where a keyed `show lldp neighbors detail` layout puts things (NX-OS, IOS). */
export interface KeyedLldpLayout {
  /** The key that starts a neighbour's block (lower case). */
  readonly startKey: string;
  /** The key of the local port (lower case). */
  readonly localKey: string;
  readonly naming: InterfaceNaming;
}

/** The neighbours of a keyed layout; the Port ID subtype is guessed from the value (these devices do not print it). */
export function parseKeyedLldp(text: string, layout: KeyedLldpLayout, warnings: string[] = []): LldpNeighbor[] {
  return keyedBlocks(text, layout.startKey).flatMap((block) => {
    const local = lldpValue(block.get(layout.localKey));
    if (!local) {
      warnings.push(`a neighbour without its local port (chassis ${block.get('chassis id') ?? '?'})`);
      return [];
    }
    const portId = lldpValue(block.get('port id'));
    return [
      neighborOf(normaliseInterfaceName(layout.naming, local), {
        systemName: lldpValue(block.get('system name')),
        portId,
        portIdType: portIdType(portId),
        portDescription: lldpValue(block.get('port description')),
        chassisId: lldpValue(block.get('chassis id')),
      }),
    ];
  });
}
