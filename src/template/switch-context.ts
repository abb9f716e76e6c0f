import { ConfigError, type Problem } from '../core/errors.js';
import type { PlatformInfo } from '../core/platform.js';
import type { SwitchModel, SwitchPort } from '../core/site.js';

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
  /** The platform id. */
  readonly platform: string;
  /** VLAN definitions, ascending by id. */
  readonly vlans: readonly { readonly id: number; readonly name: string }[];
  readonly vlanIds: readonly number[];
  readonly ports: readonly SwitchPortContext[];
  /** Port names in inventory order (Cumulus `bridge-ports`). */
  readonly portNames: readonly string[];
}

/**
 * Builds a switch's template context. Text that lands on a CLI line (names, descriptions) must be one printable
 * line: a newline in a description would otherwise become a command of its own. A port the platform cannot express
 * is an error too.
 */
export function buildSwitchContext(sw: SwitchModel, platform: Pick<PlatformInfo, 'refusePort'> = {}): SwitchContext {
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
    const refusal = platform.refusePort?.(port);
    if (refusal)
      problems.push({
        severity: 'error',
        location,
        message: `switch ${sw.name}: ${refusal.message}`,
        fix: refusal.fix,
      });
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
