import { isShutdown, portOperation } from '../model/port-operation.js';
import { comparePortNames, shortPortName } from '../model/port-names.js';
import { defaultVlanName, sortedVlans, type SimPort, type SimSwitchState } from '../model/switch-model.js';
import { formatVlanList } from '../model/vlan-list.js';
import { lldpEntries } from '../lldp-view.js';
import { vlanMembers, vlanTable, vlanWithName } from '../show-tables.js';
import type { SimDevice } from '../sim-device.js';
import { EOS_PORT_RULES } from './eos-rules.js';

/** EOS `show` output, laid out as in recorded EOS output (ntc-templates' arista_eos tests) and eAPI's JSON. */

export function eosVersion(device: SimDevice): string {
  return [
    'Arista vEOS-lab',
    'Hardware version: ',
    `Serial number: SIM-${device.hostname}`,
    'Hardware MAC address: 5254.0000.0001',
    'System MAC address: 5254.0000.0001',
    '',
    'Software image version: 4.30.1F',
    'Architecture: x86_64',
    'Internal build version: 4.30.1F-32308478.4301F',
    'Internal build ID: 2b8bb3d6-8e47-4d8e-b0b1-1ab2f2e9a7a4',
    'Image format version: 1.0',
    'Image optimization: None',
    '',
    'Uptime: 1 day, 0 hours and 0 minutes',
    'Total memory: 4002316 kB',
    'Free memory: 2578036 kB',
    '',
  ].join('\n');
}

export function eosVersionJson(device: SimDevice): unknown {
  return {
    mfgName: 'Arista',
    modelName: 'vEOS-lab',
    hardwareRevision: '',
    serialNumber: `SIM-${device.hostname}`,
    systemMacAddress: '52:54:00:00:00:01',
    hwMacAddress: '52:54:00:00:00:01',
    configMacAddress: '00:00:00:00:00:00',
    version: '4.30.1F',
    architecture: 'x86_64',
    internalVersion: '4.30.1F-32308478.4301F',
    internalBuildId: '2b8bb3d6-8e47-4d8e-b0b1-1ab2f2e9a7a4',
    imageFormatVersion: '1.0',
    imageOptimization: 'None',
    bootupTimestamp: 1704067200.0,
    uptime: 86400.0,
    memTotal: 4002316,
    memFree: 2578036,
    isIntlVersion: false,
  };
}

const VLAN_STYLE = {
  idWidth: 5,
  withTrunks: true,
  portsWidth: 31,
  status: (v: { suspended: boolean }) => (v.suspended ? 'suspended' : 'active'),
} as const;

export function eosVlan(state: SimSwitchState): string {
  return [...vlanTable(state, EOS_PORT_RULES, VLAN_STYLE), ''].join('\n');
}

export function eosVlanJson(state: SimSwitchState): unknown {
  const vlans: Record<string, unknown> = {};
  for (const v of sortedVlans(state)) {
    const ports = vlanMembers(state, EOS_PORT_RULES, v.id, true).map((p) =>
      p.replace(/^Et/, 'Ethernet').replace(/^Po/, 'Port-Channel'),
    );
    vlans[String(v.id)] = {
      name: v.name ?? defaultVlanName(v.id),
      dynamic: false,
      status: v.suspended ? 'suspended' : 'active',
      interfaces: Object.fromEntries(ports.map((p) => [p, { privatePromoted: false, blocked: null }])),
    };
  }
  return { vlans, sourceDetail: '' };
}

const modeWord = (mode: string): string =>
  mode === 'trunk' ? 'trunk' : mode === 'dot1q-tunnel' ? 'dot1q-tunnel' : 'static access';

/** `show interfaces [X] switchport`. */
export function eosSwitchport(state: SimSwitchState, ports: readonly SimPort[]): string {
  const out: string[] = [];
  for (const port of ports.filter((p) => p.switchport && (p.kind === 'ethernet' || p.kind === 'port-channel'))) {
    const op = portOperation(state, port, EOS_PORT_RULES);
    const s = op.settings;
    const admin = modeWord(port.mode ?? 'access');
    out.push(
      `Name: ${shortPortName('arista_eos', port.name)}`,
      'Switchport: Enabled',
      `Administrative Mode: ${admin}`,
      `Operational Mode: ${port.channelGroup ? `${admin} (member of Po${port.channelGroup.id})` : modeWord(s.mode ?? 'access')}`,
      'MAC Address Learning: enabled',
      'Dot1q ethertype/TPID: 0x8100 (active)',
      'Dot1q Vlan Tag Required (Administrative/Operational): No/No',
      `Access Mode VLAN: ${vlanWithName(state, s.accessVlan, 'inactive')}`,
      `Trunking Native Mode VLAN: ${vlanWithName(state, s.nativeVlan, 'inactive')}`,
      'Administrative Native VLAN tagging: disabled',
      `Trunking VLANs Enabled: ${s.allowed === 'all' ? 'ALL' : s.allowed.length === 0 ? 'NONE' : formatVlanList(s.allowed)}`,
      'Static Trunk Groups: ',
      'Dynamic Trunk Groups: ',
      'Source interface filtering: enabled',
      '',
    );
  }
  return out.join('\n');
}

/** `show interfaces trunk`. */
export function eosTrunk(state: SimSwitchState): string {
  const trunks = [...state.ports.values()]
    .filter((p) => !p.channelGroup && portOperation(state, p, EOS_PORT_RULES).mode === 'trunk')
    .sort((a, b) => comparePortNames('arista_eos', a.name, b.name));
  const col = (p: SimPort): string => shortPortName('arista_eos', p.name).padEnd(14);
  const carried = (p: SimPort): string => {
    const op = portOperation(state, p, EOS_PORT_RULES);
    return formatVlanList([...op.tagged, ...(op.untagged !== undefined ? [op.untagged] : [])]) || 'None';
  };
  return [
    'Port          Mode         Status          Native vlan',
    ...trunks.map(
      (p) =>
        `${col(p)}trunk        ${(isShutdown(state, p, EOS_PORT_RULES) ? 'not-trunking' : 'trunking').padEnd(16)}${p.nativeVlan}`,
    ),
    '',
    'Port          Vlans allowed',
    ...trunks.map((p) => `${col(p)}${p.allowed === 'all' ? 'All' : formatVlanList(p.allowed) || 'None'}`),
    '',
    'Port          Vlans allowed and active in management domain',
    ...trunks.map((p) => `${col(p)}${carried(p)}`),
    '',
    'Port          Vlans in spanning tree forwarding state',
    ...trunks.map((p) => `${col(p)}${carried(p)}`),
    '',
  ].join('\n');
}

const up = (device: SimDevice) => (p: string) =>
  !isShutdown(device.running, device.running.ports.get(p)!, EOS_PORT_RULES);

/** `show lldp neighbors`. */
export function eosLldp(device: SimDevice): string {
  const entries = lldpEntries(device, 'arista_eos', up(device));
  return [
    'Last table change time   : 0:00:42 ago',
    `Number of table inserts  : ${entries.length}`,
    'Number of table deletes  : 0',
    'Number of table drops    : 0',
    'Number of table age-outs : 0',
    '',
    'Port       Neighbor Device ID             Neighbor Port ID           TTL',
    ...entries.map(
      (e) =>
        `${shortPortName('arista_eos', e.localPort).padEnd(11)}${e.neighbor.systemName.padEnd(31)}${e.neighbor.portId.padEnd(27)}120`,
    ),
    '',
  ].join('\n');
}

/** `show lldp neighbors detail`. */
export function eosLldpDetail(device: SimDevice): string {
  const out: string[] = [];
  for (const e of lldpEntries(device, 'arista_eos', up(device))) {
    out.push(
      `Interface ${e.localPort} detected 1 LLDP neighbors:`,
      '',
      `  Neighbor ${e.chassisId}/"${e.neighbor.portId}", age 12 seconds`,
      '  Discovered 0:01:11 ago; Last changed 0:01:11 ago',
      '  - Chassis ID type: MAC address (4)',
      `    Chassis ID     : ${e.chassisId}`,
      '  - Port ID type: Interface name (5)',
      `    Port ID     : "${e.neighbor.portId}"`,
      '  - Time To Live: 120 seconds',
      `  - Port Description: "${e.neighbor.portDescription ?? e.neighbor.portId}"`,
      `  - System Name: "${e.neighbor.systemName}"`,
      `  - System Description: "${e.systemDescription}"`,
      '  - System Capabilities : Bridge, Router, Station',
      '    Enabled Capabilities: Bridge, Router',
      '',
    );
  }
  return out.join('\n');
}
