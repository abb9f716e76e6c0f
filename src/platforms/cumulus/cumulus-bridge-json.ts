import { defaultPortState, emptySwitchState, type SwitchState } from '../switch-state.js';

/**
 * Parses `bridge -j vlan show` (the kernel's VLAN membership per port) into a SwitchState: the PVID is the native
 * VLAN, every listed VLAN (PVID included) is allowed, and a port whose only VLAN is its untagged PVID is an access
 * port. Both the iproute2 5.x+ array format and the older object-keyed format are read. Entries named in `bridges`
 * (the bridge device itself) are skipped. Descriptions and admin state are not in this output.
 */
export function parseBridgeVlanJson(text: string, opts: { bridges?: readonly string[] } = {}): SwitchState {
  const bridges = new Set(opts.bridges ?? ['bridge', 'br_default']);
  const raw = JSON.parse(text) as unknown;
  const entries: [string, VlanEntry[]][] = Array.isArray(raw)
    ? (raw as { ifname: string; vlans?: VlanEntry[] }[]).map((e) => [e.ifname, e.vlans ?? []])
    : Object.entries(raw as Record<string, VlanEntry[]>);
  const state = emptySwitchState();
  for (const [name, vlans] of entries) {
    if (bridges.has(name)) continue;
    const port = defaultPortState(name);
    const ids: number[] = [];
    for (const v of vlans) {
      for (let id = v.vlan; id <= (v.vlanEnd ?? v.vlan); id++) ids.push(id);
      if (v.flags?.includes('PVID')) port.nativeVlan = v.vlan;
    }
    port.allowedVlans = [...new Set(ids)].sort((a, b) => a - b);
    port.allowedIsDefault = false;
    const onlyUntaggedPvid = vlans.length === 1 && !vlans[0]!.vlanEnd && vlans[0]!.flags?.includes('Egress Untagged');
    if (onlyUntaggedPvid && port.nativeVlan !== undefined) {
      port.mode = 'access';
      port.accessVlan = port.nativeVlan;
      delete port.nativeVlan;
    } else port.mode = 'trunk';
    for (const id of ids) state.vlans.set(id, { id });
    state.interfaces.set(name, port);
  }
  return state;
}

interface VlanEntry {
  vlan: number;
  vlanEnd?: number;
  flags?: string[];
}
