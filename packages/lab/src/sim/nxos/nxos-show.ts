import { isShutdown, portOperation } from '../model/port-operation.js';
import { comparePortNames, shortPortName } from '../model/port-names.js';
import { defaultVlanName, sortedVlans, type SimPort, type SimSwitchState } from '../model/switch-model.js';
import { formatVlanList } from '../model/vlan-list.js';
import { lldpEntries } from '../lldp-view.js';
import { vlanMembers, vlanTable, vlanWithName } from '../show-tables.js';
import type { SimDevice } from '../sim-device.js';
import { NXOS_PORT_RULES } from './nxos-rules.js';

/** NX-OS `show` output, laid out as in recorded Nexus output (ntc-templates' cisco_nxos tests). */

export function nxosVersion(hostname: string): string {
  return [
    'Cisco Nexus Operating System (NX-OS) Software',
    'TAC support: http://www.cisco.com/tac',
    'Copyright (C) 2002-2021, Cisco and/or its affiliates.',
    'All rights reserved.',
    '',
    'Software',
    '  BIOS: version 05.44',
    '  NXOS: version 9.3(8)',
    '  BIOS compile time:  04/15/2020',
    '  NXOS image file is: bootflash:///nxos.9.3.8.bin',
    '  NXOS compile time:  8/18/2021 15:00:00 [08/18/2021 23:53:49]',
    '',
    '',
    'Hardware',
    '  cisco Nexus9000 C93180YC-EX chassis',
    '  Intel(R) Xeon(R) CPU  @ 1.80GHz with 24569356 kB of memory.',
    '  Processor Board ID FDO00000001',
    '',
    `  Device name: ${hostname}`,
    '  bootflash:   53298520 kB',
    'Kernel uptime is 1 day(s), 0 hour(s), 0 minute(s), 0 second(s)',
    '',
  ].join('\n');
}

export function nxosInventory(): string {
  return [
    'NAME: "Chassis",  DESCR: "Nexus9000 C93180YC-EX chassis"',
    'PID: N9K-C93180YC-EX     ,  VID: V02 ,  SN: FDO00000001',
    '',
    'NAME: "Slot 1",  DESCR: "48x10/25G + 6x40/100G Ethernet Module"',
    'PID: N9K-C93180YC-EX     ,  VID: V02 ,  SN: FDO00000001',
    '',
  ].join('\n');
}

const VLAN_STYLE = {
  idWidth: 4,
  withTrunks: true,
  portsWidth: 31,
  status: (v: { suspended: boolean }) => (v.suspended ? 'suspended' : 'active'),
} as const;

export function nxosVlanBrief(state: SimSwitchState): string {
  return ['', ...vlanTable(state, NXOS_PORT_RULES, VLAN_STYLE), ''].join('\n');
}

export function nxosVlan(state: SimSwitchState): string {
  const types = sortedVlans(state).map((v) => `${String(v.id).padEnd(4)} enet         CE`);
  return [
    '',
    ...vlanTable(state, NXOS_PORT_RULES, VLAN_STYLE),
    '',
    'VLAN Type         Vlan-mode',
    '---- -----        ----------',
    ...types,
    '',
    'Remote SPAN VLANs',
    '-'.repeat(79),
    '',
    'Primary  Secondary  Type             Ports',
    '-------  ---------  ---------------  -------------------------------------------',
    '',
  ].join('\n');
}

/** NX-API style JSON: a table with one row is an object, not a list (as NX-OS prints it). */
function rows<T>(list: T[]): T | T[] {
  return list.length === 1 ? list[0]! : list;
}

export function nxosVlanJson(state: SimSwitchState, brief: boolean): unknown {
  const vlans = sortedVlans(state);
  const row = (v: (typeof vlans)[number]) => {
    const ports = vlanMembers(state, NXOS_PORT_RULES, v.id, true);
    return {
      'vlanshowbr-vlanid': String(v.id),
      'vlanshowbr-vlanid-utf': String(v.id),
      'vlanshowbr-vlanname': v.name ?? defaultVlanName(v.id),
      'vlanshowbr-vlanstate': v.suspended ? 'suspend' : 'active',
      'vlanshowbr-shutstate': 'noshutdown',
      ...(ports.length > 0 ? { 'vlanshowplist-ifidx': ports.map(longName).join(',') } : {}),
    };
  };
  if (brief) return { TABLE_vlanbriefxbrief: { ROW_vlanbriefxbrief: rows(vlans.map(row)) } };
  return {
    TABLE_vlanbrief: { ROW_vlanbrief: rows(vlans.map(row)) },
    TABLE_mtuinfo: {
      ROW_mtuinfo: rows(
        vlans.map((v) => ({
          'vlanshowinfo-vlanid': String(v.id),
          'vlanshowinfo-media-type': 'enet',
          'vlanshowinfo-vlanmode': 'ce-vlan',
        })),
      ),
    },
  };
}

function longName(short: string): string {
  return short.replace(/^Eth/, 'Ethernet').replace(/^Po/, 'port-channel');
}

/** `show interface X switchport`, for each port given. */
export function nxosSwitchport(state: SimSwitchState, ports: readonly SimPort[]): string {
  const out: string[] = [];
  for (const port of ports) {
    if (!port.switchport) continue;
    const op = portOperation(state, port, NXOS_PORT_RULES);
    const s = op.settings;
    out.push(
      `Name: ${port.name}`,
      '  Switchport: Enabled',
      '  Switchport Monitor: Not enabled',
      '  Switchport Isolated : Not enabled',
      '  Switchport Block Multicast: Not enabled',
      '  Switchport Block Unicast: Not enabled',
      `  Operational Mode: ${s.mode ?? 'access'}`,
      `  Access Mode VLAN: ${vlanWithName(state, s.accessVlan, 'Vlan not created')}`,
      `  Trunking Native Mode VLAN: ${vlanWithName(state, s.nativeVlan, 'Vlan not created')}`,
      `  Trunking VLANs Allowed: ${s.allowed === 'all' ? '1-4094' : s.allowed.length === 0 ? 'none' : formatVlanList(s.allowed)}`,
      '  Voice VLAN: none',
      '  Extended Trust State : not trusted [COS = 0]',
      '  Administrative private-vlan primary host-association: none',
      '  Administrative private-vlan secondary host-association: none',
      '  Administrative private-vlan primary mapping: none',
      '  Administrative private-vlan secondary mapping: none',
      '  Administrative private-vlan trunk native VLAN: none',
      '  Administrative private-vlan trunk encapsulation: dot1q',
      '  Administrative private-vlan trunk normal VLANs: none',
      '  Administrative private-vlan trunk private VLANs: none',
      '  Operational private-vlan: none',
    );
  }
  return out.join('\n');
}

/** `show interface trunk`: every switchport in trunk mode. */
export function nxosTrunk(state: SimSwitchState): string {
  const rule = '-'.repeat(80);
  const trunks = [...state.ports.values()]
    .filter((p) => p.switchport && (portOperation(state, p, NXOS_PORT_RULES).settings.mode ?? 'access') === 'trunk')
    .sort((a, b) => comparePortNames('cisco_nxos', a.name, b.name));
  const short = (p: SimPort): string => shortPortName('cisco_nxos', p.name).padEnd(14);
  const status = (p: SimPort): string =>
    portOperation(state, p, NXOS_PORT_RULES).mode === 'suspended'
      ? 'suspended'
      : isShutdown(state, p, NXOS_PORT_RULES)
        ? 'trnk-bndl'
        : 'trunking';
  const channel = (p: SimPort): string => (p.channelGroup ? `Po${p.channelGroup.id}` : '--');
  const ops = trunks.map((p) => ({ p, op: portOperation(state, p, NXOS_PORT_RULES) }));
  return [
    '',
    rule,
    'Port          Native  Status        Port',
    '              Vlan                  Channel',
    rule,
    ...ops.map(
      ({ p, op }) => `${short(p)}${String(op.settings.nativeVlan).padEnd(8)}${status(p).padEnd(14)}${channel(p)}`,
    ),
    '',
    rule,
    'Port          Vlans Allowed on Trunk',
    rule,
    ...ops.map(
      ({ p, op }) =>
        `${short(p)}${op.settings.allowed === 'all' ? '1-4094' : formatVlanList(op.settings.allowed) || 'none'}`,
    ),
    '',
    rule,
    'Port          STP Forwarding',
    rule,
    ...ops.map(
      ({ p, op }) => `${short(p)}${formatVlanList([...op.tagged, ...(op.untagged ? [op.untagged] : [])]) || 'none'}`,
    ),
    '',
  ].join('\n');
}

const CAPS = [
  'Capability codes:',
  '  (R) Router, (B) Bridge, (T) Telephone, (C) DOCSIS Cable Device',
  '  (W) WLAN Access Point, (P) Repeater, (S) Station, (O) Other',
];

/** `show lldp neighbors`: long device ids go on their own line, as NX-OS does. */
export function nxosLldp(device: SimDevice): string {
  const entries = lldpEntries(
    device,
    'cisco_nxos',
    (p) => !isShutdown(device.running, device.running.ports.get(p)!, NXOS_PORT_RULES),
  );
  const out = [...CAPS, 'Device ID            Local Intf      Hold-time  Capability  Port ID  '];
  for (const e of entries) {
    const rest = `${shortPortName('cisco_nxos', e.localPort).padEnd(16)}120        BR          ${e.neighbor.portId}`;
    if (e.neighbor.systemName.length > 20) out.push(e.neighbor.systemName, `${' '.repeat(21)}${rest}`);
    else out.push(`${e.neighbor.systemName.padEnd(21)}${rest}`);
  }
  out.push(`Total entries displayed: ${entries.length}`);
  return out.join('\n');
}

export function nxosLldpDetail(device: SimDevice): string {
  const entries = lldpEntries(
    device,
    'cisco_nxos',
    (p) => !isShutdown(device.running, device.running.ports.get(p)!, NXOS_PORT_RULES),
  );
  const out = [...CAPS, 'Device ID            Local Intf      Hold-time  Capability  Port ID  ', ''];
  for (const e of entries) {
    out.push(
      `Chassis id: ${e.chassisId}`,
      `Port id: ${e.neighbor.portId}`,
      `Local Port id: ${shortPortName('cisco_nxos', e.localPort)}`,
      `Port Description: ${e.neighbor.portDescription ?? e.neighbor.portId}`,
      `System Name: ${e.neighbor.systemName}`,
      `System Description: ${e.systemDescription}`,
      'Time remaining: 93 seconds',
      'System Capabilities: B, R',
      'Enabled Capabilities: B, R',
      'Management Address: not advertised',
      'Vlan ID: not advertised',
      '',
    );
  }
  out.push(`Total entries displayed: ${entries.length}`);
  return out.join('\n');
}

/** `show port-channel summary`. */
export function nxosPortChannelSummary(state: SimSwitchState): string {
  const channels = [...state.ports.values()].filter((p) => p.kind === 'port-channel');
  const out = [
    'Flags:  D - Down        P - Up in port-channel (members)',
    '        I - Individual  H - Hot-standby (LACP only)',
    '        s - Suspended   r - Module-removed',
    '        b - BFD Session Wait',
    '        S - Switched    R - Routed',
    '        U - Up (port-channel)',
    '        p - Up in delay-lacp mode (member)',
    '        M - Not in use. Min-links not met',
    '-'.repeat(80),
    'Group Port-       Type     Protocol  Member Ports',
    '      Channel',
    '-'.repeat(80),
  ];
  for (const pc of channels.sort((a, b) => comparePortNames('cisco_nxos', a.name, b.name))) {
    const id = Number(/\d+$/.exec(pc.name)![0]);
    const members = [...state.ports.values()].filter((p) => p.channelGroup?.id === id);
    const lacp = members.some((m) => m.channelGroup!.mode !== 'on');
    const flags = members.map((m) => {
      const mode = portOperation(state, m, NXOS_PORT_RULES).mode;
      return `${shortPortName('cisco_nxos', m.name)}(${mode === 'suspended' ? 's' : 'P'})`;
    });
    const layer = pc.switchport ? 'S' : 'R';
    out.push(
      `${String(id).padEnd(6)}Po${id}(${layer}${members.length > 0 ? 'U' : 'D'})`.padEnd(18) +
        `Eth      ${(lacp ? 'LACP' : 'NONE').padEnd(10)}${flags.join('    ')}`,
    );
  }
  return out.join('\n');
}
