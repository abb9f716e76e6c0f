import { allVlans, formatVlanSet, parseVlanSet } from '../../../src/inventory/vlan-set.js';
import type { SwitchCommandEmitter } from '../../../src/platforms/switch-command-emitter.js';
import {
  defaultPortState,
  emptySwitchState,
  type ParseOptions,
  type SwitchState,
} from '../../../src/platforms/switch-state.js';

/**
 * fake_os, a switch OS made up for the tests: its configuration is one line per setting, and a config command is a
 * configuration line (`vlan 2003 name vm1`, `port eth3 allowed 2003-2004`), or `no vlan ID`. The parser reads
 * `show config`; the emitter writes the commands of a planned change.
 */
export function parseFakeOsConfig(text: string, opts: ParseOptions = {}): SwitchState {
  const state = emptySwitchState();
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const vlan = /^vlan (\d+) name (\S+)$/.exec(line);
    if (vlan) {
      state.vlans.set(Number(vlan[1]), { id: Number(vlan[1]), name: vlan[2]! });
      continue;
    }
    const setting = /^port (\S+) (mode|access|native|allowed|description|shutdown) (.+)$/.exec(line);
    if (!setting) {
      opts.warnings?.push(`line ${i + 1}: ignored "${line}"`);
      continue;
    }
    const [, name, key, value] = setting as unknown as [string, string, string, string];
    const port = state.interfaces.get(name) ?? defaultPortState(name);
    if (key === 'mode') port.mode = value;
    else if (key === 'access') port.accessVlan = Number(value);
    else if (key === 'native') port.nativeVlan = Number(value);
    else if (key === 'description') port.description = value;
    else if (key === 'shutdown') port.shutdown = value === 'yes';
    else {
      port.allowedVlans = value === 'none' ? [] : value === 'all' ? allVlans() : parseVlanSet(value);
      port.allowedIsDefault = false;
    }
    state.interfaces.set(name, port);
  }
  return state;
}

export const FAKE_OS_COMMANDS: SwitchCommandEmitter = {
  vlan: (id, name) => [`vlan ${id} name ${name ?? `vlan${id}`}`],
  removeVlan: (id) => [`no vlan ${id}`],
  port: (d) => [
    ...(d.mode !== undefined ? [`port ${d.name} mode ${d.mode}`] : []),
    ...(d.accessVlan !== undefined ? [`port ${d.name} access ${d.accessVlan}`] : []),
    ...(d.nativeVlan !== undefined ? [`port ${d.name} native ${d.nativeVlan}`] : []),
    ...(d.allowedTarget !== undefined ? [`port ${d.name} allowed ${formatVlanSet(d.allowedTarget) || 'none'}`] : []),
    ...(d.description !== undefined ? [`port ${d.name} description ${d.description}`] : []),
    ...(d.enabled !== undefined ? [`port ${d.name} shutdown ${d.enabled ? 'no' : 'yes'}`] : []),
  ],
};
