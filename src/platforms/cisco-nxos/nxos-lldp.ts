import type { LldpNeighbor } from '../../core/lldp.js';
import { cliLldp, type LldpSpec } from '../lldp-spec.js';
import { parseKeyedLldp } from '../lldp-text.js';
import { nxosDefinition } from './nxos-definition.js';
import { NXOS_INTERFACE_NAMES } from './nxos-interface-names.js';

/**
 * NX-OS `show lldp neighbors detail`: one block per neighbour, each starting `Chassis id:`, with `Local Port id:` in
 * the short form (`Eth1/7`; NX-OS 7 to 10). The Port ID subtype is not printed. The System Description may run over
 * several lines; only the keyed lines are read.
 */
export function parseNxosLldp(text: string, warnings: string[] = []): LldpNeighbor[] {
  return parseKeyedLldp(
    text,
    { startKey: 'chassis id', localKey: 'local port id', naming: NXOS_INTERFACE_NAMES },
    warnings,
  );
}

export const NXOS_LLDP: LldpSpec = cliLldp(nxosDefinition, 'show lldp neighbors detail', parseNxosLldp);
