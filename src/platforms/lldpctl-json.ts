import type { LldpNeighbor, LldpPortIdType } from '../core/lldp.js';
import { neighborOf } from './lldp-text.js';

/**
 * lldpd's `lldpctl -f json` (lldpd 1.0, Debian 12 and Cumulus Linux), as recorded in test/fixtures/lldp. Its JSON
 * changes shape with the count: `lldp.interface` is an object keyed by interface name when one neighbour is heard and
 * a list of one-key objects when several are, and `lldp` is empty when none is. A chassis that advertises a name is
 * an object keyed by that name; one that does not holds `id` directly.
 */
export function parseLldpctlJson(value: unknown, warnings: string[] = []): LldpNeighbor[] {
  const lldp = objectAt(value, 'lldp');
  if (!lldp) {
    warnings.push('lldpctl: no "lldp" object in the output');
    return [];
  }
  const raw = lldp['interface'];
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.flatMap((item) => (isJsonObject(item) ? Object.entries(item) : []))
    : isJsonObject(raw)
      ? Object.entries(raw)
      : [];
  return entries.map(([localPort, entry]) => neighbor(localPort, isJsonObject(entry) ? entry : {}));
}

function neighbor(localPort: string, entry: Record<string, unknown>): LldpNeighbor {
  const chassisField = objectAt(entry, 'chassis') ?? {};
  const named = !isJsonObject(chassisField['id'])
    ? Object.entries(chassisField).find(([, v]) => isJsonObject(v))
    : undefined;
  const chassis = named ? (named[1] as Record<string, unknown>) : chassisField;
  const port = objectAt(entry, 'port') ?? {};
  const id = objectAt(port, 'id');
  return neighborOf(localPort, {
    systemName: named?.[0],
    portId: text(id?.['value']),
    portIdType: idType(text(id?.['type'])),
    portDescription: text(port['descr']),
    chassisId: text(objectAt(chassis, 'id')?.['value']),
  });
}

function idType(type: string | undefined): LldpPortIdType | undefined {
  if (type === undefined) return undefined;
  return type === 'ifname' ? 'ifname' : type === 'mac' ? 'mac' : 'other';
}

/** A JSON object (not an array, not null). */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectAt(v: unknown, key: string): Record<string, unknown> | undefined {
  if (!isJsonObject(v)) return undefined;
  const x = v[key];
  return isJsonObject(x) ? x : undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Parses the text of `lldpctl -f json`; text that is not JSON is a warning and no neighbours. */
export function parseLldpctlText(output: string, warnings: string[] = []): LldpNeighbor[] {
  try {
    return parseLldpctlJson(JSON.parse(output), warnings);
  } catch (error) {
    warnings.push(`lldpctl: output is not JSON (${(error as Error).message})`);
    return [];
  }
}
