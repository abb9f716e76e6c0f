import type { LldpNeighbor } from '../../core/lldp.js';
import { normaliseInterfaceName } from '../interface-names.js';
import { cliLldp, type LldpSpec } from '../lldp-spec.js';
import { keyedBlocks, lldpValue, neighborOf, portIdType } from '../lldp-text.js';
import { eosDefinition } from './eos-definition.js';
import { EOS_INTERFACE_NAMES } from './eos-interface-names.js';

/**
 * EOS `show lldp neighbors detail`: `Interface Ethernet1 detected N LLDP neighbors:`, then one `Neighbor …` block per
 * neighbour with `- Key: value` lines, names in double quotes, and the Port ID subtype printed (`Port ID type:
 * Interface name (5)`).
 */
export function parseEosLldp(text: string, warnings: string[] = []): LldpNeighbor[] {
  const out: LldpNeighbor[] = [];
  let local: string | undefined;
  const sections = text.split(/^(?=\s*Interface \S+ detected)|^(?=\s*Neighbor )/m);
  for (const section of sections) {
    const head = /^\s*Interface (\S+) detected/.exec(section);
    if (head) {
      local = normaliseInterfaceName(EOS_INTERFACE_NAMES, head[1]!);
      continue;
    }
    if (!/^\s*Neighbor /.test(section)) continue;
    if (!local) {
      warnings.push(`a neighbour before any "Interface … detected" line: ${section.split('\n')[0]!.trim()}`);
      continue;
    }
    const block = keyedBlocks(`start:\n${section.replace(/^\s*-\s*/gm, '')}`, 'start')[0]!;
    const portId = lldpValue(block.get('port id'));
    out.push(
      neighborOf(local, {
        systemName: lldpValue(block.get('system name')),
        portId,
        portIdType: portIdType(portId, block.get('port id type')),
        portDescription: lldpValue(block.get('port description')),
        chassisId: lldpValue(block.get('chassis id')),
      }),
    );
  }
  return out;
}

export const EOS_LLDP: LldpSpec = cliLldp(eosDefinition, 'show lldp neighbors detail', parseEosLldp);
