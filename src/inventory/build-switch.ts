import type { Problem } from '../core/errors.js';
import type { Host } from '../core/inventory.js';
import type { PortChannelMember, SwitchModel, SwitchPort, Vlan } from '../core/site.js';
import { buildMember, readFaces } from './build-port-member.js';
import type { SiteLocator } from './site-locator.js';
import { MAX_VLAN_ITEMS, parseVlanSet, tooManyVlanItems, VlanSetSyntaxError } from './vlan-set.js';

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses a VLAN set value, reporting bad text at `where`; undefined when it cannot be read. */
function readVlanSet(value: unknown, report: (message: string) => void): number[] | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && !Array.isArray(value)) return undefined;
  if (Array.isArray(value) && value.some((v) => typeof v !== 'string' && typeof v !== 'number')) return undefined;
  try {
    return parseVlanSet(value as string | number | (string | number)[]);
  } catch (error) {
    if (error instanceof VlanSetSyntaxError) report(error.message);
    else throw error;
    return undefined;
  }
}

/** Builds a switch from its `switch` variable: VLAN definitions (default: every site VLAN) and ports. */
export function buildSwitch(
  host: Host,
  platform: string,
  vlans: readonly Vlan[],
  locator: SiteLocator,
  problems: Problem[],
): SwitchModel {
  const raw = isRecord(host.vars.switch) ? host.vars.switch : {};
  const error = (location: ReturnType<SiteLocator['at']>, message: string, fix: string) =>
    problems.push({ severity: 'error', location, message, fix });
  const siteNames = new Map(vlans.map((v) => [v.id, v.name]));

  const defined = new Map<number, string>();
  if (raw.vlans === undefined) {
    for (const v of vlans) if (!defined.has(v.id)) defined.set(v.id, v.name);
  } else {
    const items = Array.isArray(raw.vlans) ? raw.vlans.slice(0, MAX_VLAN_ITEMS) : [raw.vlans];
    if (Array.isArray(raw.vlans) && raw.vlans.length > MAX_VLAN_ITEMS) {
      const { message, fix } = tooManyVlanItems(`switch.vlans of ${host.name}`, raw.vlans.length);
      error(locator.at(host, 'switch', ['vlans', MAX_VLAN_ITEMS]), message, fix);
    }
    items.forEach((item, i) => {
      const path = Array.isArray(raw.vlans) ? ['vlans', i] : ['vlans'];
      if (isRecord(item)) {
        if (typeof item.id === 'number' && typeof item.name === 'string') defined.set(item.id, item.name);
        return;
      }
      const ids = readVlanSet(item, (m) =>
        error(
          locator.at(host, 'switch', path),
          `switch.vlans of ${host.name}: ${m}`,
          'write VLAN ids or ranges such as 2000-2005',
        ),
      );
      for (const id of ids ?? []) {
        const name = siteNames.get(id);
        if (name !== undefined) defined.set(id, name);
        else
          error(
            locator.at(host, 'switch', path),
            `VLAN ${id} in switch.vlans of ${host.name} is not a site VLAN, so it has no name`,
            `add VLAN ${id} to site.vlans, or write it here as {id: ${id}, name: NAME}`,
          );
      }
    });
  }

  const ports: SwitchPort[] = [];
  const members: PortChannelMember[] = [];
  for (const [name, spec] of Object.entries(isRecord(raw.ports) ? raw.ports : {})) {
    if (!isRecord(spec)) continue;
    const at = (field?: string) => locator.port(host, name, field);
    const label = `${host.name} ${name}`;
    if (spec.channel_group !== undefined) {
      const member = buildMember(name, spec, at, label, error);
      if (member) members.push(member);
      continue;
    }
    if (spec.mode === undefined || spec.mode === null) {
      error(
        at(),
        `switch.ports.${name} is missing the required key mode`,
        `add mode: access or mode: trunk under switch.ports.${name} (or channel_group: N if it is a port-channel member)`,
      );
      continue;
    }
    if (spec.mode !== 'access' && spec.mode !== 'trunk') continue;
    if (spec.mode === 'access') {
      for (const field of ['allowed_vlans', 'native_vlan'] as const) {
        if (spec[field] !== undefined)
          error(
            at(field),
            `${label} is an access port but sets ${field}, which only a trunk has`,
            `remove ${field}, or set mode: trunk`,
          );
      }
      if (spec.access_vlan === undefined)
        error(
          at('mode'),
          `${label} is an access port without access_vlan`,
          'add access_vlan: ID (the one VLAN this port carries)',
        );
    } else {
      if (spec.access_vlan !== undefined)
        error(
          at('access_vlan'),
          `${label} is a trunk port but sets access_vlan, which only an access port has`,
          'remove access_vlan (a trunk carries allowed_vlans, and native_vlan untagged)',
        );
      if (spec.allowed_vlans === undefined)
        error(
          at('mode'),
          `${label} is a trunk without allowed_vlans; acp-play will not leave a trunk carrying every VLAN`,
          'add allowed_vlans: e.g. 2003-2005',
        );
    }
    const allowed =
      spec.mode === 'trunk' && spec.allowed_vlans !== undefined
        ? readVlanSet(spec.allowed_vlans, (m) =>
            error(at('allowed_vlans'), `allowed_vlans of ${label}: ${m}`, 'write VLAN ids or ranges such as 2003-2005'),
          )
        : undefined;
    const faces = readFaces(spec, at, label, error);
    ports.push({
      name,
      ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
      enabled: spec.enabled !== false,
      mode: spec.mode,
      ...(spec.mode === 'access' && typeof spec.access_vlan === 'number' ? { accessVlan: spec.access_vlan } : {}),
      ...(spec.mode === 'trunk' && typeof spec.native_vlan === 'number' ? { nativeVlan: spec.native_vlan } : {}),
      ...(allowed ? { allowedVlans: allowed } : {}),
      policy: spec.policy === 'merge' ? 'merge' : 'replace',
      ...(faces ? { faces } : {}),
    });
  }
  return {
    name: host.name,
    host,
    platform,
    vlans: [...defined].map(([id, name]) => ({ id, name })).sort((a, b) => a.id - b.id),
    ports,
    ...(members.length > 0 ? { members } : {}),
    save: raw.save === true,
  };
}
