import type { LldpNeighbor } from '../../core/lldp.js';
import { cliLldp, type LldpSpec } from '../lldp-spec.js';
import { parseKeyedLldp } from '../lldp-text.js';
import { iosDefinition } from './ios-definition.js';
import { IOS_INTERFACE_NAMES } from './ios-interface-names.js';

/**
 * IOS / IOS-XE `show lldp neighbors detail` (LLDP needs `lldp run`): blocks between dashed lines, each starting
 * `Local Intf: Gi1/0/2`. A missing TLV reads `System Name - not advertised` (no colon, so it stays absent). A Linux
 * host's lldpd sends its NIC's MAC as Port ID by default, and the NIC's name as Port Description.
 */
export function parseIosLldp(text: string, warnings: string[] = []): LldpNeighbor[] {
  return parseKeyedLldp(
    text,
    { startKey: 'local intf', localKey: 'local intf', naming: IOS_INTERFACE_NAMES },
    warnings,
  );
}

export const IOS_LLDP: LldpSpec = cliLldp(iosDefinition, 'show lldp neighbors detail', parseIosLldp);
