import type { SwitchCurrent } from '../switch-driver.js';
import type { PortState } from '../switch-state.js';
import { parseBridgeVlanJson } from './cumulus-bridge-json.js';
import { parseEni, type EniDocument } from './cumulus-eni.js';
import { cumulusStateFromEni, findVlanAwareBridges } from './cumulus-parse.js';

/** What a Cumulus switch is gathered from: the interfaces file and the kernel's `bridge -j vlan show`. */
export interface CumulusSources {
  readonly interfacesText: string;
  readonly bridgeVlanJson: string;
}

/**
 * The gathered state of a Cumulus switch, from both sources:
 * - VLAN definitions: the VLAN-aware bridge's `bridge-vids` in the file. The kernel has no VLAN table: a VLAN shows
 *   in `bridge vlan show` only on ports that carry it (ifupdown2 puts the bridge's `bridge-vids` on its ports, not on
 *   the bridge device itself), so the file is the only place a VLAN can be "defined".
 * - Port membership (mode, access VLAN, PVID, allowed set without the PVID): the kernel, so a file written but never
 *   applied (or applied only in part) shows up as drift. Descriptions (`alias`) and `link-down` come from the file.
 * - A bridge port the file lists but the kernel does not have is left out (the plan then wants it again), with a
 *   warning: ifreload could not enslave it (a missing or misspelt port).
 * The parsed file comes back as the document the plan rewrites.
 */
export function cumulusState(sources: CumulusSources, warnings: string[] = []): SwitchCurrent<EniDocument> {
  const doc = parseEni(sources.interfacesText);
  const state = cumulusStateFromEni(doc, { warnings });
  const bridges = findVlanAwareBridges(doc);
  const members = new Set(bridges.flatMap((b) => b.ports));
  const kernel = parseBridgeVlanJson(sources.bridgeVlanJson || '[]', {
    bridges: ['bridge', 'br_default', ...bridges.map((b) => b.name)],
  });
  for (const name of members) {
    const fromFile = state.interfaces.get(name);
    const fromKernel = kernel.interfaces.get(name);
    if (!fromFile) continue;
    if (!fromKernel) {
      warnings.push(
        `${name} is in bridge-ports of the interfaces file but not in the kernel's bridge (does the port exist?)`,
      );
      state.interfaces.delete(name);
      continue;
    }
    state.interfaces.set(name, mergePort(fromFile, fromKernel));
  }
  if (sources.interfacesText.split('\n').some((l) => /^\s*source(-directory)?\s/.test(l))) {
    warnings.push('the interfaces file sources other files; acp-play reads and rewrites only this file');
  }
  return { state, document: doc };
}

/** The file's port (description, link-down, whether it inherits `bridge-vids`) with the kernel's VLAN membership. */
function mergePort(fromFile: PortState, fromKernel: PortState): PortState {
  const merged: PortState = {
    name: fromFile.name,
    shutdown: fromFile.shutdown,
    allowedVlans: [...fromKernel.allowedVlans],
    // The kernel's membership is explicit; and a plan must read the same before and after switch_vlans pins a port
    // that followed the bridge's list (cumulus-render.ts), or the ports step would differ from the reviewed plan.
    allowedIsDefault: false,
    ...(fromFile.description !== undefined ? { description: fromFile.description } : {}),
  };
  // One untagged PVID and nothing else reads as access in the kernel; a trunk carrying only its native VLAN looks
  // the same, so the file's mode decides between the two.
  if (fromKernel.mode === 'access' && fromFile.mode === 'trunk') {
    merged.mode = 'trunk';
    merged.nativeVlan = fromKernel.accessVlan!;
  } else {
    merged.mode = fromKernel.mode!;
    if (fromKernel.accessVlan !== undefined) merged.accessVlan = fromKernel.accessVlan;
    if (fromKernel.nativeVlan !== undefined) merged.nativeVlan = fromKernel.nativeVlan;
  }
  // The kernel lists the PVID as a member of every trunk (VLAN 1 by default); it is the native VLAN, not part of the
  // allowed list, unless the file names it there.
  const native = merged.nativeVlan;
  if (merged.mode === 'trunk' && native !== undefined && !fromFile.allowedVlans.includes(native)) {
    merged.allowedVlans = merged.allowedVlans.filter((id) => id !== native);
  }
  return merged;
}
