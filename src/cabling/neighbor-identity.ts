import type { LldpNeighbor } from '../core/lldp.js';

/**
 * Who an LLDP neighbour is, in the inventory's terms. A system name matches a host when it is the host's name, or
 * the host's name with a domain (`node0.example.com`), in any case. A port matches a NIC by its Port ID (an
 * interface name), by its Port Description (where lldpd puts the name when the Port ID is a MAC), or by the NIC's
 * MAC when the inventory knows it.
 */

const MAC_HEX = /^(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}$|^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i;

function macKey(text: string | undefined): string | undefined {
  return text && MAC_HEX.test(text.trim()) ? text.replace(/[^0-9a-f]/gi, '').toLowerCase() : undefined;
}

/** True when the neighbour's system name is one of `names` (short or fully qualified, any case). */
export function isSystem(neighbor: LldpNeighbor, names: readonly string[]): boolean {
  const sys = neighbor.systemName?.trim().toLowerCase();
  if (!sys) return false;
  return names.some((n) => {
    const name = n.toLowerCase();
    return sys === name || sys.startsWith(`${name}.`) || name.startsWith(`${sys}.`);
  });
}

/** True when the neighbour's port is `nic` (by name, description, or the known MAC). */
export function isPort(neighbor: LldpNeighbor, nic: string, mac?: string): boolean {
  if (neighbor.portIdType !== 'mac' && neighbor.portId === nic) return true;
  if (neighbor.portDescription === nic) return true;
  const have = macKey(neighbor.portId);
  return have !== undefined && have === macKey(mac);
}

/** The neighbour's port name: its Port ID, or its description when the Port ID is a MAC. */
export function portName(neighbor: LldpNeighbor): string | undefined {
  if (neighbor.portIdType === 'mac' || macKey(neighbor.portId)) return neighbor.portDescription ?? neighbor.portId;
  return neighbor.portId ?? neighbor.portDescription;
}

/** `node2:enp4s0f0` (the name up to the first dot), for messages. */
export function neighborLabel(neighbor: LldpNeighbor): string {
  const system = neighbor.systemName?.split('.')[0] ?? (neighbor.chassisId ? `chassis ${neighbor.chassisId}` : '?');
  return `${system}:${portName(neighbor) ?? '?'}`;
}
