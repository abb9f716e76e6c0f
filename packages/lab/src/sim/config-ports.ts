import type { ConfigRules } from './config-rules.js';
import { portChannelName } from './model/port-names.js';
import { l2Signature, type SimPort, type SimSwitchState } from './model/switch-model.js';
import { everyVlan, parseVlanList } from './model/vlan-list.js';
import { SimCommandError, type CommandContext } from './sim-cli-types.js';
import { tokenize } from './sim-grammar.js';

/** Throws the platform's invalid-input error with the caret under token `token` of the typed line. */
export function invalidAt(ctx: CommandContext, token: number): never {
  const col = tokenize(ctx.line)[token]?.col ?? ctx.line.length;
  throw new SimCommandError(ctx.platform.invalid(ctx.line, col, token, ctx.promptLength));
}

/** The Layer 2 settings copied between a port-channel and its members. */
function copyL2(from: SimPort, to: SimPort): void {
  to.switchport = from.switchport;
  to.accessVlan = from.accessVlan;
  to.nativeVlan = from.nativeVlan;
  to.allowed = from.allowed;
  if (from.mode === undefined) delete to.mode;
  else to.mode = from.mode;
}

/** NX-OS / IOS: a port-channel's Layer 2 settings are written onto each member. */
export function propagateToMembers(state: SimSwitchState, rules: ConfigRules, channel: SimPort): void {
  if (rules.ports.memberConfig !== 'inherit' || channel.kind !== 'port-channel') return;
  const id = Number(/\d+$/.exec(channel.name)![0]);
  for (const port of state.ports.values()) if (port.channelGroup?.id === id) copyL2(channel, port);
}

/** A VLAN list argument of `switchport trunk allowed vlan`, applied to the port's current list. */
export function applyAllowed(
  port: SimPort,
  verb: 'set' | 'add' | 'remove' | 'except' | 'all' | 'none',
  text = '',
): void {
  const ids = text === '' ? [] : (parseVlanList(text) ?? []);
  const current = port.allowed === 'all' ? everyVlan() : [...port.allowed];
  let next: number[];
  switch (verb) {
    case 'all':
      port.allowed = 'all';
      return;
    case 'none':
      next = [];
      break;
    case 'set':
      next = ids;
      break;
    case 'add':
      if (port.allowed === 'all') return;
      next = [...new Set([...current, ...ids])];
      break;
    case 'remove':
      next = current.filter((id) => !ids.includes(id));
      break;
    case 'except':
      next = everyVlan().filter((id) => !ids.includes(id));
      break;
  }
  next.sort((a, b) => a - b);
  port.allowed = next.length === 4094 ? 'all' : next;
}

/** `channel-group N mode M`: joins (and, if need be, creates) port-channel N, the way the platform does. */
export function joinChannel(
  ctx: CommandContext,
  state: SimSwitchState,
  rules: ConfigRules,
  port: SimPort,
  id: number,
  mode: 'active' | 'passive' | 'on',
): string | undefined {
  const name = portChannelName(ctx.platform.id, id);
  let channel = state.ports.get(name);
  let notice: string | undefined;
  if (!channel) {
    channel = { ...port, name, kind: 'port-channel', islCapable: false, channelGroup: undefined } as SimPort;
    delete channel.channelGroup;
    delete channel.description;
    delete channel.shutdown;
    if (rules.ports.memberConfig === 'ignore') {
      // EOS creates a default Layer 2 port-channel; the member's own lines stay on the member.
      channel = {
        name,
        kind: 'port-channel',
        islCapable: false,
        switchport: true,
        accessVlan: 1,
        nativeVlan: 1,
        allowed: 'all',
      };
    }
    state.ports.set(name, channel);
    notice = rules.creatingChannel?.(name);
  } else if (rules.channelIncompatible && l2Signature(channel) !== l2Signature(port)) {
    throw new SimCommandError(rules.channelIncompatible(firstDifference(channel, port)));
  } else if (rules.ports.memberConfig === 'inherit') copyL2(channel, port);
  port.channelGroup = { id, mode };
  return notice;
}

function firstDifference(a: SimPort, b: SimPort): string {
  if (a.switchport !== b.switchport) return 'Ethernet Layer';
  if ((a.mode ?? '') !== (b.mode ?? '')) return 'port mode';
  if (a.accessVlan !== b.accessVlan) return 'Access VLAN';
  if (a.nativeVlan !== b.nativeVlan) return 'Trunk native VLAN';
  return 'Allowed VLAN list';
}
