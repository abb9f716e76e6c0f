import type { SourceLocation } from '../core/errors.js';
import type { PortChannelMember, SwitchPort } from '../core/site.js';

type Raw = Record<string, unknown>;
type Report = (location: SourceLocation | undefined, message: string, fix: string) => void;

/** The keys that are a port's switchport settings: on a port-channel member they belong to the port-channel. */
const SWITCHPORT_KEYS = ['mode', 'access_vlan', 'native_vlan', 'allowed_vlans', 'policy'] as const;

/** `faces: NODE:NIC`, reported at the key when it is not that shape. */
export function readFaces(
  spec: Raw,
  at: (field?: string) => SourceLocation | undefined,
  label: string,
  error: Report,
): SwitchPort['faces'] {
  if (typeof spec.faces !== 'string') return undefined;
  const match = /^([^:\s]+):([^:\s]+)$/.exec(spec.faces.trim());
  if (match) return { node: match[1]!, nic: match[2]! };
  error(
    at('faces'),
    `faces of ${label} is ${JSON.stringify(spec.faces)}, not NODE:NIC`,
    'write the node and its NIC, e.g. faces: node0:enp4s0f0',
  );
  return undefined;
}

/**
 * A `switch.ports` entry with `channel_group: N`: a port-channel member. A member takes its switchport settings
 * from its port-channel (NX-OS and IOS copy them onto it and suspend a member that differs; EOS ignores a member's
 * own), so each switchport key on it is an input error, located at the key; description, enabled and faces stay.
 */
export function buildMember(
  name: string,
  spec: Raw,
  at: (field?: string) => SourceLocation | undefined,
  label: string,
  error: Report,
): PortChannelMember | undefined {
  const group = spec.channel_group;
  if (typeof group !== 'number' || !Number.isInteger(group) || group < 1 || group > 4096) {
    error(
      at('channel_group'),
      `channel_group of ${label} is ${JSON.stringify(group)}`,
      'write the number N of its channel-group N',
    );
    return undefined;
  }
  const misplaced = SWITCHPORT_KEYS.filter((key) => spec[key] !== undefined);
  for (const key of misplaced)
    error(
      at(key),
      `${label} is a member of channel-group ${group} and also sets ${key}; a member takes its switchport settings from its port-channel, so acp-play never configures them on the member`,
      `move ${misplaced.join(', ')} to the port-channel of channel-group ${group} (its own entry under switch.ports, e.g. port-channel${group} on NX-OS, Port-Channel${group} on EOS, Port-channel${group} on IOS); keep only description, enabled and faces on ${name}`,
    );
  const faces = readFaces(spec, at, label, error);
  return {
    name,
    channelGroup: group,
    ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
    enabled: spec.enabled !== false,
    ...(faces ? { faces } : {}),
  };
}
