import type { Problem } from '../core/errors.js';
import type { PlatformCatalog } from '../core/platform.js';
import { checkDescription, checkInterfaceName, checkPortName, checkVlanName } from './safe-names.js';
import type { SiteLocator } from './site-locator.js';
import type { Site, SwitchModel, SwitchPort } from '../core/site.js';
import { formatVlanSet, VLAN_MAX, VLAN_MIN } from './vlan-set.js';

/**
 * Per-switch checks: safe names, VLANs a port uses are defined on the switch, native VLAN allowed, `faces` unique
 * (port-channel members included).
 */
export function validateSwitches(site: Site, locator: SiteLocator, platforms: PlatformCatalog): Problem[] {
  const problems: Problem[] = [];
  const facedBy = new Map<string, string>();
  for (const sw of site.switches) {
    const error = (location: ReturnType<SiteLocator['at']>, message: string, fix: string) =>
      problems.push({ severity: 'error', location, message, fix });
    const defined = new Set(sw.vlans.map((v) => v.id));
    // Site VLANs are checked once, where the site defines them; only the switch's own ones are checked here.
    for (const vlan of sw.vlans.filter((v) => !site.vlans.some((s) => s.id === v.id && s.name === v.name))) {
      const at = locator.at(sw.host, 'switch', ['vlans']);
      if (vlan.id < VLAN_MIN || vlan.id > VLAN_MAX)
        error(
          at,
          `VLAN id ${vlan.id} on ${sw.name} is outside ${VLAN_MIN}-${VLAN_MAX}`,
          'use a VLAN id from 1 to 4094',
        );
      const bad = checkVlanName(vlan.name);
      if (bad)
        error(
          at,
          `VLAN ${vlan.id} name ${JSON.stringify(vlan.name)} on ${sw.name} is not safe to send to a switch`,
          bad,
        );
    }
    for (const port of [...sw.ports, ...(sw.members ?? [])]) {
      const at = (field?: string) => locator.port(sw.host, port.name, field);
      const label = `${sw.name} ${port.name}`;
      const badName = checkPortName(port.name);
      if (badName)
        error(at(), `port name ${JSON.stringify(port.name)} on ${sw.name} is not a safe switch port name`, badName);
      if (port.description !== undefined) {
        const bad = checkDescription(port.description);
        if (bad)
          error(at('description'), `description of ${label} has characters the switch CLI could read as syntax`, bad);
      }
      if ('mode' in port) {
        checkPortVlans(sw, port, defined, at, error);
        const refusal = platforms.resolve(sw.platform)?.refusePort?.(port);
        if (refusal)
          error(at(port.mode === 'trunk' ? 'allowed_vlans' : 'mode'), `${sw.name}: ${refusal.message}`, refusal.fix);
      }
      if (port.faces) {
        const badNic = checkInterfaceName(port.faces.nic);
        if (badNic) error(at('faces'), `faces of ${label} names the NIC ${JSON.stringify(port.faces.nic)}`, badNic);
        const key = `${port.faces.node}:${port.faces.nic}`;
        const first = facedBy.get(key);
        if (first)
          error(
            at('faces'),
            `${label} faces ${key}, which ${first} already faces; one NIC has one cable`,
            `correct faces on one of the two ports`,
          );
        else facedBy.set(key, label);
      }
    }
  }
  return problems;
}

function checkPortVlans(
  sw: SwitchModel,
  port: SwitchPort,
  defined: ReadonlySet<number>,
  at: (field?: string) => ReturnType<SiteLocator['at']>,
  error: (location: ReturnType<SiteLocator['at']>, message: string, fix: string) => void,
): void {
  const label = `${sw.name} ${port.name}`;
  const undefinedFix = (ids: string) =>
    `add ${ids} to switch.vlans of ${sw.name}, or to site.vlans (a switch carries every site VLAN unless switch.vlans says otherwise)`;
  for (const [field, id] of [
    ['access_vlan', port.accessVlan],
    ['native_vlan', port.nativeVlan],
  ] as const) {
    if (id !== undefined && !defined.has(id))
      error(at(field), `${field} ${id} of ${label} is not a VLAN defined on ${sw.name}`, undefinedFix(`VLAN ${id}`));
  }
  const missing = (port.allowedVlans ?? []).filter((id) => !defined.has(id));
  if (missing.length > 0) {
    error(
      at('allowed_vlans'),
      `allowed_vlans of ${label} include VLAN${missing.length > 1 ? 's' : ''} ${formatVlanSet(missing)}, not defined on ${sw.name}`,
      undefinedFix(formatVlanSet(missing)),
    );
  }
  if (port.nativeVlan !== undefined && port.allowedVlans && !port.allowedVlans.includes(port.nativeVlan)) {
    error(
      at('native_vlan'),
      `native_vlan ${port.nativeVlan} of ${label} is not in its allowed_vlans ${formatVlanSet(port.allowedVlans)}`,
      `add ${port.nativeVlan} to allowed_vlans, or remove native_vlan`,
    );
  }
}
