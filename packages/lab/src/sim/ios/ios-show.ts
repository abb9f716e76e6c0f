import { isShutdown, portOperation } from '../model/port-operation.js';
import { comparePortNames, shortPortName } from '../model/port-names.js';
import { sortedVlans, type SimPort, type SimSwitchState } from '../model/switch-model.js';
import { formatVlanList } from '../model/vlan-list.js';
import { lldpEntries } from '../lldp-view.js';
import { vlanTable, vlanWithName } from '../show-tables.js';
import type { SimDevice } from '../sim-device.js';
import { IOS_PORT_RULES } from './ios-rules.js';

/** IOS-XE `show` output (Catalyst 9300, 17.9), laid out as in recorded output (ntc-templates, genieparser). */

export function iosVersion(device: SimDevice): string {
  return [
    'Cisco IOS XE Software, Version 17.09.04a',
    'Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE (fc3)',
    'Technical Support: http://www.cisco.com/techsupport',
    'Copyright (c) 1986-2023 by Cisco Systems, Inc.',
    'Compiled Fri 20-Oct-23 10:44 by mcpre',
    '',
    '',
    'ROM: IOS-XE ROMMON',
    'BOOTLDR: System Bootstrap, Version 17.9.1r, RELEASE SOFTWARE (P)',
    '',
    `${device.hostname} uptime is 1 day, 0 hours, 0 minutes`,
    'Uptime for this control processor is 1 day, 0 hours, 2 minutes',
    'System returned to ROM by Reload Command',
    'System image file is "flash:packages.conf"',
    'Last reload reason: Reload Command',
    '',
    'cisco C9300-48T (X86) processor with 1338934K/6147K bytes of memory.',
    'Processor board ID FOC00000001',
    '48 Gigabit Ethernet interfaces',
    '2048K bytes of non-volatile configuration memory.',
    '8388608K bytes of physical memory.',
    '',
    'Configuration register is 0x102',
    '',
  ].join('\n');
}

export function iosInventory(): string {
  return [
    'NAME: "c93xx Stack", DESCR: "c93xx Stack"',
    'PID: C9300-48T         , VID: V02  , SN: FOC00000001',
    '',
    'NAME: "Switch 1", DESCR: "C9300-48T"',
    'PID: C9300-48T         , VID: V02  , SN: FOC00000001',
    '',
  ].join('\n');
}

/** IOS wraps the Ports column to the terminal width (`terminal width 0`: no wrapping), as recorded outputs show. */
const vlanStyle = (termWidth: number) =>
  ({
    idWidth: 4,
    withTrunks: false,
    portsWidth: termWidth === 0 ? Infinity : Math.max(termWidth - 48, 8),
    status: (v: { suspended: boolean }) => (v.suspended ? 'suspended' : 'active'),
  }) as const;

const RESERVED = [
  [1002, 'fddi-default', 'fddi ', '101002', '-      -      -        -    -        0      0'],
  [1003, 'token-ring-default', 'tr   ', '101003', '-      -      -        -    srb      0      0'],
  [1004, 'fddinet-default', 'fdnet', '101004', '-      -      -        ieee -        0      0'],
  [1005, 'trnet-default', 'trnet', '101005', '-      -      -        ibm  -        0      0'],
] as const;

/** `show vlan brief`: access ports only (IOS lists no trunks), then the four reserved VLANs. */
export function iosVlanBrief(state: SimSwitchState, termWidth: number): string {
  return [
    '',
    ...vlanTable(state, IOS_PORT_RULES, vlanStyle(termWidth)),
    ...RESERVED.map((r) => `${r[0]} ${r[1].padEnd(32)} act/unsup`),
  ].join('\n');
}

/** `show vlan`: the brief table, the type table, then the RSPAN and private-VLAN tables. */
export function iosVlan(state: SimSwitchState, termWidth: number): string {
  const types = sortedVlans(state).map(
    (v) =>
      `${String(v.id).padEnd(4)} enet  ${String(100000 + v.id).padEnd(10)} 1500  -      -      -        -    -        0      0`,
  );
  return [
    iosVlanBrief(state, termWidth),
    '',
    'VLAN Type  SAID       MTU   Parent RingNo BridgeNo Stp  BrdgMode Trans1 Trans2',
    '---- ----- ---------- ----- ------ ------ -------- ---- -------- ------ ------',
    ...types,
    ...RESERVED.map((r) => `${r[0]} ${r[2]} ${r[3]}     1500  ${r[4]}`),
    '',
    'Remote SPAN VLANs',
    '------------------------------------------------------------------------------',
    '',
    '',
    'Primary Secondary Type              Ports',
    '------- --------- ----------------- ------------------------------------------',
    '',
  ].join('\n');
}

const ADMIN: Readonly<Record<string, string>> = { access: 'static access', trunk: 'trunk', 'dot1q-tunnel': 'tunnel' };

/** `show interfaces [X] switchport`. */
export function iosSwitchport(state: SimSwitchState, ports: readonly SimPort[]): string {
  const out: string[] = [];
  for (const port of ports.filter((p) => p.kind === 'ethernet' || p.kind === 'port-channel')) {
    out.push(`Name: ${shortPortName('cisco_ios', port.name)}`);
    if (!port.switchport) {
      out.push('Switchport: Disabled', '');
      continue;
    }
    const op = portOperation(state, port, IOS_PORT_RULES);
    const mode = port.mode ?? IOS_PORT_RULES.defaultMode;
    const enc = port.islCapable ? (port.encapsulation ?? 'negotiate') : 'dot1q';
    const operational =
      op.mode === 'suspended'
        ? 'down'
        : op.mode === 'trunk'
          ? 'trunk'
          : op.mode === 'tunnel'
            ? 'tunnel'
            : 'static access';
    out.push(
      'Switchport: Enabled',
      `Administrative Mode: ${ADMIN[mode] ?? mode}`,
      `Operational Mode: ${isShutdown(state, port, IOS_PORT_RULES) ? 'down' : operational}`,
      `Administrative Trunking Encapsulation: ${enc}`,
      `Operational Trunking Encapsulation: ${op.mode === 'trunk' ? (enc === 'isl' ? 'isl' : 'dot1q') : 'native'}`,
      `Negotiation of Trunking: ${mode.startsWith('dynamic') || mode === 'trunk' ? 'On' : 'Off'}`,
      `Access Mode VLAN: ${vlanWithName(state, port.accessVlan, 'Inactive')}`,
      `Trunking Native Mode VLAN: ${vlanWithName(state, port.nativeVlan, 'Inactive')}`,
      'Administrative Native VLAN tagging: enabled',
      'Voice VLAN: none',
      'Administrative private-vlan host-association: none',
      'Administrative private-vlan mapping: none',
      'Administrative private-vlan trunk native VLAN: none',
      'Administrative private-vlan trunk Native VLAN tagging: enabled',
      'Administrative private-vlan trunk encapsulation: dot1q',
      'Administrative private-vlan trunk normal VLANs: none',
      'Administrative private-vlan trunk associations: none',
      'Administrative private-vlan trunk mappings: none',
      'Operational private-vlan: none',
      `Trunking VLANs Enabled: ${port.allowed === 'all' ? 'ALL' : port.allowed.length === 0 ? 'NONE' : formatVlanList(port.allowed, 3)}`,
      'Pruning VLANs Enabled: 2-1001',
      'Capture Mode Disabled',
      'Capture VLANs Allowed: ALL',
      '',
      'Protected: false',
      'Unknown unicast blocked: disabled',
      'Unknown multicast blocked: disabled',
      'Appliance trust: none',
      '',
    );
  }
  return out.join('\n');
}

/** `show interfaces trunk` (genieparser's IOS-XE golden output has this layout). */
export function iosTrunk(state: SimSwitchState): string {
  const trunks = [...state.ports.values()]
    .filter(
      (p) =>
        !p.channelGroup &&
        !isShutdown(state, p, IOS_PORT_RULES) &&
        portOperation(state, p, IOS_PORT_RULES).mode === 'trunk',
    )
    .sort((a, b) => comparePortNames('cisco_ios', a.name, b.name));
  if (trunks.length === 0) return '';
  const col = (p: SimPort): string => shortPortName('cisco_ios', p.name).padEnd(12);
  const carried = (p: SimPort): string => {
    const op = portOperation(state, p, IOS_PORT_RULES);
    return (
      formatVlanList([...op.tagged, ...(op.untagged !== undefined ? [op.untagged] : [])], 3).replace(/,/g, ',') ||
      'none'
    );
  };
  return [
    '',
    'Port        Mode             Encapsulation  Status        Native vlan',
    ...trunks.map(
      (p) =>
        `${col(p)}${'on'.padEnd(17)}${(p.encapsulation === 'isl' ? 'isl' : '802.1q').padEnd(15)}${'trunking'.padEnd(14)}${p.nativeVlan}`,
    ),
    '',
    'Port        Vlans allowed on trunk',
    ...trunks.map((p) => `${col(p)}${p.allowed === 'all' ? '1-4094' : formatVlanList(p.allowed, 3) || 'none'}`),
    '',
    'Port        Vlans allowed and active in management domain',
    ...trunks.map((p) => `${col(p)}${carried(p)}`),
    '',
    'Port        Vlans in spanning tree forwarding state and not pruned',
    ...trunks.map((p) => `${col(p)}${carried(p)}`),
    '',
  ].join('\n');
}

/** `show etherchannel summary`. */
export function iosEtherchannel(state: SimSwitchState): string {
  const channels = [...state.ports.values()]
    .filter((p) => p.kind === 'port-channel')
    .sort((a, b) => comparePortNames('cisco_ios', a.name, b.name));
  const out = [
    'Flags:  D - down        P - bundled in port-channel',
    '        I - stand-alone s - suspended',
    '        H - Hot-standby (LACP only)',
    '        R - Layer3      S - Layer2',
    '        U - in use      f - failed to allocate aggregator',
    '',
    '        M - not in use, minimum links not met',
    '        u - unsuitable for bundling',
    '        w - waiting to be aggregated',
    '        d - default port',
    '',
    '        A - formed by Auto LAG',
    '',
    '',
    `Number of channel-groups in use: ${channels.length}`,
    `Number of aggregators:           ${channels.length}`,
    '',
    'Group  Port-channel  Protocol    Ports',
    '------+-------------+-----------+-----------------------------------------------',
  ];
  for (const pc of channels) {
    const id = Number(/\d+$/.exec(pc.name)![0]);
    const members = [...state.ports.values()].filter((p) => p.channelGroup?.id === id);
    const lacp = members.some((m) => m.channelGroup!.mode !== 'on');
    const flags = members.map((m) => {
      const suspended = portOperation(state, m, IOS_PORT_RULES).mode === 'suspended';
      return `${shortPortName('cisco_ios', m.name)}(${suspended ? 's' : 'P'})`.padEnd(15);
    });
    const head = `${String(id).padEnd(7)}${`Po${id}(${pc.switchport ? 'S' : 'R'}${members.length > 0 ? 'U' : 'D'})`.padEnd(16)}${(lacp ? 'LACP' : '-').padEnd(10)}`;
    out.push(`${head}${flags.join('')}`.trimEnd());
  }
  return out.join('\n');
}

const CAPS = [
  'Capability codes:',
  '    (R) Router, (B) Bridge, (T) Telephone, (C) DOCSIS Cable Device',
  '    (W) WLAN Access Point, (P) Repeater, (S) Station, (O) Other',
];

const up = (device: SimDevice) => (p: string) =>
  !isShutdown(device.running, device.running.ports.get(p)!, IOS_PORT_RULES);

/** `show lldp neighbors` (device ids cut to 20 characters, as IOS does). */
export function iosLldp(device: SimDevice): string {
  const entries = lldpEntries(device, 'cisco_ios', up(device));
  return [
    ...CAPS,
    '',
    'Device ID           Local Intf     Hold-time  Capability      Port ID',
    ...entries.map(
      (e) =>
        `${e.neighbor.systemName.slice(0, 20).padEnd(20)}${shortPortName('cisco_ios', e.localPort).padEnd(15)}${'120'.padEnd(11)}${'B,R'.padEnd(16)}${e.neighbor.portId}`,
    ),
    '',
    `Total entries displayed: ${entries.length}`,
    '',
  ].join('\n');
}

export function iosLldpDetail(device: SimDevice): string {
  const out: string[] = [];
  const entries = lldpEntries(device, 'cisco_ios', up(device));
  for (const e of entries) {
    out.push(
      '------------------------------------------------',
      `Local Intf: ${shortPortName('cisco_ios', e.localPort)}`,
      `Chassis id: ${e.chassisId}`,
      `Port id: ${e.neighbor.portId}`,
      `Port Description: ${e.neighbor.portDescription ?? e.neighbor.portId}`,
      `System Name: ${e.neighbor.systemName}`,
      '',
      'System Description: ',
      e.systemDescription,
      '',
      'Time remaining: 91 seconds',
      'System Capabilities: B,R,S',
      'Enabled Capabilities: B,R',
      'Management Addresses - not advertised',
      'Auto Negotiation - not supported',
      'Physical media capabilities - not advertised',
      'Media Attachment Unit type - not advertised',
      'Vlan ID: - not advertised',
      '',
    );
  }
  out.push('', `Total entries displayed: ${entries.length}`, '');
  return out.join('\n');
}
