import type { PortOperation, PortRules } from './port-rules.js';
import { portChannelName } from './port-names.js';
import { allowedIds, l2Signature, type SimPort, type SimSwitchState } from './switch-model.js';

/** The mode a switchport runs in: a Linux host speaks no DTP, so IOS `dynamic auto|desirable` ports run as access. */
export function operationalMode(port: SimPort, rules: PortRules): PortOperation['mode'] {
  if (!port.switchport) return 'routed';
  const mode = port.mode ?? rules.defaultMode;
  if (mode === 'trunk') return 'trunk';
  if (mode === 'dot1q-tunnel') return 'tunnel';
  return 'access';
}

/** A member's port-channel, when it exists. */
export function channelOf(state: SimSwitchState, port: SimPort, rules: PortRules): SimPort | undefined {
  return port.channelGroup ? state.ports.get(portChannelName(rules.platform, port.channelGroup.id)) : undefined;
}

/** NX-OS / IOS: a member is suspended when its Layer 2 settings differ from its port-channel's. */
export function isSuspendedMember(state: SimSwitchState, port: SimPort, rules: PortRules): boolean {
  const channel = channelOf(state, port, rules);
  return rules.memberConfig === 'inherit' && channel !== undefined && l2Signature(channel) !== l2Signature(port);
}

/** What the port forwards, from the device's configuration (VLANs that do not exist or are suspended carry nothing). */
export function portOperation(state: SimSwitchState, port: SimPort, rules: PortRules): PortOperation {
  if (isSuspendedMember(state, port, rules)) return { mode: 'suspended', tagged: [], settings: port };
  const settings = channelOf(state, port, rules) ?? port;
  const mode = operationalMode(settings, rules);
  const live = (id: number): boolean => state.vlans.has(id) && !state.vlans.get(id)!.suspended;
  if (mode === 'routed') return { mode, tagged: [], settings };
  if (mode === 'access' || mode === 'tunnel')
    return { mode, tagged: [], settings, ...(live(settings.accessVlan) ? { untagged: settings.accessVlan } : {}) };
  const allowed = allowedIds(settings.allowed).filter(live);
  const native = allowed.includes(settings.nativeVlan) ? settings.nativeVlan : undefined;
  return {
    mode,
    tagged: allowed.filter((id) => id !== native),
    settings,
    ...(native !== undefined ? { untagged: native } : {}),
  };
}

/** Effective admin state of a port. */
export function isShutdown(state: SimSwitchState, port: SimPort, rules: PortRules): boolean {
  return port.shutdown ?? rules.defaultShutdown(port, state);
}
