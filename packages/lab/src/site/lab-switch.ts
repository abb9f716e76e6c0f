import type { LldpNeighbor, SimOptions, SimPlatformId } from '../sim/sim-types.js';
import { nodePorts, portName } from './site-lab-inventory.js';

/** The environment variable that hands the enable secret to the lab's background process. */
export const ENABLE_SECRET_ENV = 'ACP_PLAY_LAB_ENABLE_SECRET';

/** How the lab's switch behaves beyond the site (fault and fidelity settings of `lab up` / `lab sim`). */
export interface LabSwitchSettings {
  /** Offer only diffie-hellman-group14-sha1 and an ssh-rsa host key, like an old switch. */
  readonly sshLegacy?: boolean;
  /** Accept the rollback commands and do nothing (fault tests). */
  readonly ignoreRollback?: boolean;
  /** The login's privilege: 15 (default) lands at `switch1#`, 1 at `switch1>` (then `enable`). */
  readonly privilege?: 1 | 15;
  /** `enable` asks for this secret. */
  readonly enableSecret?: string;
  /** The environment variable the secret came from: the lab's inventory reads it there (`become_password_env`). */
  readonly enableSecretEnv?: string;
  /** IOS: ISL-capable ports (trunk mode needs `switchport trunk encapsulation dot1q` first). */
  readonly islCapable?: boolean;
  /** Fault injection: commands matching one of these regular expressions (source text) are refused. */
  readonly rejectCommands?: readonly string[];
  /** Cabling faults: switch port -> what LLDP hears there instead of the site's wiring. */
  readonly miswire?: Readonly<Record<string, LldpNeighbor>>;
}

/**
 * The lab switch's boot configuration: 48 unconfigured front-panel ports, LLDP on (NX-OS `feature lldp`, IOS `lldp
 * run`), IOS's `archive` path (the revert timer needs it; a switch managed this way has it configured once), and on
 * NX-OS `system default switchport` and `no system default switchport shutdown`: ports start Layer 2 and up, as on
 * an access switch prepared for a site, because a shut port hears no LLDP and the cabling check must hear the nodes
 * before the first change, as on EOS and IOS. acp-play's NX-OS driver learns either default from the switch and
 * sends `no shutdown` where it is needed; the driver contract tests run both.
 */
export function labSwitchConfig(platform: SimPlatformId): string {
  const ports = Array.from({ length: 48 }, (_, i) => `interface ${portName(platform, i + 1)}`);
  switch (platform) {
    case 'cisco_nxos':
      return [
        'hostname switch1',
        'feature lldp',
        'system default switchport',
        'no system default switchport shutdown',
        ...ports,
        'interface mgmt0',
        '',
      ].join('\n');
    case 'arista_eos':
      return ['hostname switch1', ...ports, 'interface Management1', ''].join('\n');
    case 'cisco_ios':
      return ['hostname switch1', 'archive', ' path flash:acp-play', 'lldp run', ...ports, 'end', ''].join('\n');
  }
}

/** One cable of the lab: a port of switch1 and the node NIC on its other end. */
export interface LabCable {
  readonly port: string;
  readonly node: string;
  readonly nic: string;
}

/** The default lab's cabling, as inventories/site1 (and `acp-play init`) lays it out: trunk, cluster, storage NIC. */
export function labCables(platform: SimPlatformId, nodes: readonly string[]): LabCable[] {
  return nodes.flatMap((node, i) => {
    const p = nodePorts(platform, i);
    return [
      { port: p.trunk, node, nic: 'enp4s0f0' },
      { port: p.cluster, node, nic: 'eno1' },
      { port: p.storage, node, nic: 'enp4s0f1' },
    ];
  });
}

/**
 * The cables with the miswirings moved: `PORT=NODE:NIC` puts NODE:NIC's cable into PORT, so PORT hears that NIC,
 * the port the cable came from hears nothing, and the NIC that was in PORT is left unplugged (a cable moved to the
 * wrong port, the classic day-0 fault).
 */
export function miswiredCables(
  cables: readonly LabCable[],
  miswire: Readonly<Record<string, LldpNeighbor>> = {},
): LabCable[] {
  let out = [...cables];
  for (const [port, n] of Object.entries(miswire)) {
    out = out.filter((c) => c.port !== port && !(c.node === n.systemName && c.nic === n.portId));
    out.push({ port, node: n.systemName, nic: n.portId });
  }
  return out;
}

/** What LLDP hears on each switch port of the lab's cabling, with miswirings applied. */
export function labLldpNeighbors(
  platform: SimPlatformId,
  nodes: readonly string[],
  miswire: Readonly<Record<string, LldpNeighbor>> = {},
  cables: readonly LabCable[] = labCables(platform, nodes),
): Record<string, LldpNeighbor> {
  return Object.fromEntries(
    miswiredCables(cables, miswire).map((c) => [c.port, { systemName: c.node, portId: c.nic }]),
  );
}

/** What each node's NICs hear over LLDP: switch1 and the port its cable is in (the other end of the same cables). */
export function labNodeLldp(
  platform: SimPlatformId,
  nodes: readonly string[],
  miswire: Readonly<Record<string, LldpNeighbor>> = {},
  cables: readonly LabCable[] = labCables(platform, nodes),
): Record<string, Record<string, { systemName: string; portId: string }>> {
  const heard: Record<string, Record<string, { systemName: string; portId: string }>> = {};
  for (const node of nodes) heard[node] = {};
  for (const c of miswiredCables(cables, miswire))
    if (heard[c.node]) heard[c.node]![c.nic] = { systemName: 'switch1', portId: c.port };
  return heard;
}

/**
 * switch1's host variables for its login: with an enable secret, Ansible's become settings reading the secret from
 * the environment variable `lab up` was given (`--enable-secret-env VAR`), so `plan inventories/lab` works as it is.
 */
export function labSwitchLoginVars(settings: LabSwitchSettings): string[] {
  if (settings.enableSecretEnv === undefined) return [];
  return ['ansible_become: true', 'ansible_become_method: enable', `become_password_env: ${settings.enableSecretEnv}`];
}

/** The simulator options of the lab switch: boot config, LLDP from the wiring, and the settings. */
export function labSwitchOptions(
  platform: SimPlatformId,
  nodes: readonly string[],
  settings: LabSwitchSettings,
): Pick<
  SimOptions,
  'config' | 'lldpNeighbors' | 'sshLegacy' | 'ignoreRollback' | 'islCapable' | 'enableSecret' | 'rejectCommands'
> {
  return {
    ...(settings.rejectCommands ? { rejectCommands: settings.rejectCommands.map((re) => new RegExp(re)) } : {}),
    config: labSwitchConfig(platform),
    lldpNeighbors: labLldpNeighbors(platform, nodes, settings.miswire),
    ...(settings.sshLegacy ? { sshLegacy: true } : {}),
    ...(settings.ignoreRollback ? { ignoreRollback: true } : {}),
    ...(settings.islCapable ? { islCapable: true } : {}),
    ...(settings.enableSecret !== undefined ? { enableSecret: settings.enableSecret } : {}),
  };
}

/**
 * Parses `--miswire SWITCH:PORT=NODE:NIC` (`switch1:Ethernet1/7=node2:enp4s0f0`): LLDP on PORT then reports NIC of
 * NODE. Returns the port (as written) and the neighbour, or a reason.
 */
export function parseMiswire(text: string): { port: string; neighbor: LldpNeighbor } | { error: string } {
  const m = /^([^:=\s]+):([^=\s]+)=([^:=\s]+):(\S+)$/.exec(text.trim());
  if (!m) return { error: `--miswire ${text}: expected SWITCH:PORT=NODE:NIC, e.g. switch1:Ethernet1/7=node2:enp4s0f0` };
  if (m[1] !== 'switch1') return { error: `--miswire ${text}: the lab has one switch, switch1` };
  return { port: m[2]!, neighbor: { systemName: m[3]!, portId: m[4]! } };
}
