import { command, type Change, type InSync } from '../core/change.js';
import type { PortChannelMember } from '../core/site.js';
import type { SwitchCommandEmitter } from './switch-command-emitter.js';
import { normaliseInterfaceName, type InterfaceNaming } from './interface-names.js';
import { planOwnSettings, type PortDelta } from './switch-port-plan.js';
import { defaultPortState, type PortState, type SwitchState } from './switch-state.js';

/**
 * Port-channel members in the plan. A member's switchport settings are its port-channel's (NX-OS and IOS copy them
 * onto it and suspend a member whose own differ; EOS ignores a member's own lines), so the planner never
 * configures a member's switchport: it plans the port-channel, and on a member only what is the member's own
 * (description, shutdown). Membership itself is the switch's: acp-play checks it and does not change it.
 */

/** The platform's name of port-channel N (`port-channel10`, `Port-Channel10`, `Port-channel10`). */
export function portChannelName(naming: InterfaceNaming, group: number): string {
  return normaliseInterfaceName(naming, `po${group}`);
}

/** Why a port the inventory configures as a switchport cannot be planned: the device has it in a port-channel. */
export function memberOnDevice(name: string, have: PortState): string | undefined {
  if (have.memberOf === undefined) return undefined;
  const group = /(\d+)$/.exec(have.memberOf)?.[1] ?? 'N';
  return (
    `${name} is a member of ${have.memberOf} on the device (channel-group ${group}), so its switchport settings are ` +
    `${have.memberOf}'s: configure ${have.memberOf} in the inventory, and give ${name} channel_group: ${group} ` +
    '(with only its description, enabled and faces)'
  );
}

/**
 * Plans a member the inventory declares: fails (returns the reason) when the device does not have the port in that
 * port-channel; otherwise the member's own description and admin state, as for any port.
 */
export function planMember(
  want: PortChannelMember,
  have: PortState,
  naming: InterfaceNaming,
): { readonly refused: string } | { readonly delta: PortDelta | undefined } {
  const channel = portChannelName(naming, want.channelGroup);
  if (have.memberOf !== channel) {
    const now = have.memberOf ? `in ${have.memberOf}` : 'in no port-channel';
    return {
      refused:
        `${want.name} has channel_group: ${want.channelGroup} in the inventory, but on the device it is ${now}; ` +
        `acp-play does not configure port-channel membership: add it to ${channel} on the switch ` +
        `(channel-group ${want.channelGroup} mode active), or correct channel_group`,
    };
  }
  const diff: string[] = [];
  const delta: { -readonly [K in keyof PortDelta]?: PortDelta[K] } = { name: want.name, currentMode: have.mode };
  planOwnSettings(want, have, delta, diff);
  return { delta: diff.length === 0 ? undefined : { ...delta, name: want.name, diff } };
}

/** The members' changes and in-sync reasons, and the members that cannot be planned (with why). */
export function planMembers(
  members: readonly PortChannelMember[],
  current: SwitchState,
  naming: InterfaceNaming,
  emit: SwitchCommandEmitter | undefined,
): { changes: Change[]; inSync: InSync[]; refused: string[] } {
  const out = { changes: [] as Change[], inSync: [] as InSync[], refused: [] as string[] };
  for (const member of members) {
    const name = normaliseInterfaceName(naming, member.name);
    const have = current.interfaces.get(name) ?? defaultPortState(name);
    const planned = planMember({ ...member, name }, have, naming);
    if ('refused' in planned) out.refused.push(planned.refused);
    else if (!planned.delta)
      out.inSync.push({
        resource: name,
        reason: `${name} already matches (a member of ${have.memberOf}, which carries its switchport settings)`,
      });
    else
      out.changes.push({
        resource: name,
        action: 'update',
        diff: planned.delta.diff.join('\n'),
        commands: (emit?.port(planned.delta) ?? []).map((t) => command(t)),
      });
  }
  return out;
}
