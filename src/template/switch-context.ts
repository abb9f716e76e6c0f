import { ConfigError, type Problem } from '../errors.js';
import type { SwitchPlatform } from '../inventory/inventory-types.js';
import type { SwitchModel, SwitchPort } from '../inventory/site-model.js';

/** One switch port as the switch templates see it (optional values are null, never missing). */
export interface SwitchPortContext {
  readonly name: string;
  readonly description: string | null;
  readonly enabled: boolean;
  readonly mode: 'access' | 'trunk';
  readonly accessVlan: number | null;
  readonly nativeVlan: number | null;
  /** Trunk allowed set: `all` (no allowed-vlan line: the device default), `none`, or `list` (allowedVlans). */
  readonly allowed: 'all' | 'none' | 'list';
  readonly allowedVlans: readonly number[];
}

/** Context of `switch/<platform>/*.njk`. */
export interface SwitchContext {
  readonly switch: string;
  readonly platform: SwitchPlatform;
  /** VLAN definitions, ascending by id. */
  readonly vlans: readonly { readonly id: number; readonly name: string }[];
  readonly vlanIds: readonly number[];
  readonly ports: readonly SwitchPortContext[];
  /** Port names in inventory order (Cumulus `bridge-ports`). */
  readonly portNames: readonly string[];
}

/** The template a switch platform renders with. */
export function switchTemplateId(platform: SwitchPlatform): string {
  return platform === 'cumulus' ? 'switch/cumulus/interfaces.njk' : `switch/${platform}/running-config.njk`;
}

/**
 * Builds a switch's template context. Text that lands on a CLI line (names, descriptions) must be one printable
 * line: a newline in a description would otherwise become a command of its own.
 */
export function buildSwitchContext(sw: SwitchModel): SwitchContext {
  // validate-switches reports all of these where they were written; this is for a site built without validation.
  const origin = Object.hasOwn(sw.host.origins, 'switch') ? sw.host.origins['switch'] : undefined;
  const location = { file: origin?.file ?? sw.host.name, line: origin?.line ?? 1, col: origin?.col ?? 1 };
  const problems: Problem[] = [];
  const check = (what: string, text: string | undefined): void => {
    if (text !== undefined && /[\u0000-\u001f\u007f]/.test(text)) {
      problems.push({
        severity: 'error',
        location,
        message: `switch ${sw.name}: ${what} ${JSON.stringify(text)} has a line break or control character`,
        fix: 'write it on one line',
      });
    }
  };
  const vlans = [...sw.vlans].sort((a, b) => a.id - b.id).map((v) => ({ id: v.id, name: v.name }));
  for (const v of vlans) check(`VLAN ${v.id} name`, v.name);
  const ports = sw.ports.map((port) => {
    check(`port name`, port.name);
    check(`port ${port.name} description`, port.description);
    if (port.mode === 'access' && port.accessVlan === undefined) {
      problems.push({
        severity: 'error',
        location,
        message: `switch ${sw.name}: access port ${port.name} has no access VLAN`,
        fix: 'set access_vlan',
      });
    }
    if (sw.platform === 'cumulus' && port.mode === 'trunk' && port.allowedVlans?.length === 0) {
      problems.push({
        severity: 'error',
        location,
        message: `switch ${sw.name}: port ${port.name} is a trunk allowing no VLANs, which ifupdown2 cannot express`,
        fix: 'give it allowed_vlans, or make it an access port',
      });
    }
    return portContext(port);
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    switch: sw.name,
    platform: sw.platform,
    vlans,
    vlanIds: vlans.map((v) => v.id),
    ports,
    portNames: ports.map((p) => p.name),
  };
}

function portContext(port: SwitchPort): SwitchPortContext {
  const trunk = port.mode === 'trunk';
  const list = trunk ? port.allowedVlans : undefined;
  return {
    name: port.name,
    description: port.description ?? null,
    enabled: port.enabled,
    mode: port.mode,
    accessVlan: port.mode === 'access' ? (port.accessVlan ?? null) : null,
    nativeVlan: trunk ? (port.nativeVlan ?? null) : null,
    allowed: list === undefined ? 'all' : list.length === 0 ? 'none' : 'list',
    allowedVlans: list ? [...list].sort((a, b) => a - b) : [],
  };
}
