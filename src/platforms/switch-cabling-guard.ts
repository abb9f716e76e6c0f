import type { Change, Held } from '../core/change.js';
import type { Site, SwitchModel } from '../core/site.js';
import type { Transport } from '../core/transport.js';
import { compareCabling, heldPorts, type Heard } from '../cabling/compare-cabling.js';
import { expectedLinks, type CanonicalPort } from '../cabling/expected-links.js';
import type { LldpSpec } from './lldp-spec.js';
import type { DriverContext } from './switch-driver.js';
import type { PlannedSwitch } from './switch-plan.js';

/*
 * The cabling guard of `switch_ports`: before the first change to a port that faces a node, the switch's LLDP
 * neighbours are read (one show command on the session the task already has) and compared with the inventory. A
 * plan that changes no such port reads nothing. Ports whose neighbour is another device are held: their changes
 * leave the plan, the rest proceeds, and the task fails so the run exits 1. A port that hears nothing, a platform
 * without LLDP, or LLDP that cannot be read is only a note: the guard stops known-wrong cabling, it does not
 * require LLDP.
 */

/** The switch's ports the inventory says face a node NIC (or another named device): `faces` and node uplinks. */
export function portsFacingNodes(site: Site, model: SwitchModel, canonical: CanonicalPort): Set<string> {
  return new Set(
    expectedLinks(site, canonical)
      .filter((l) => l.switch === model.name)
      .map((l) => l.port),
  );
}

/** True when `changes` touch a port the inventory says faces a node (or another named device). */
export function touchesFacingPort(changes: readonly Change[], facing: ReadonlySet<string>): boolean {
  return changes.some((c) => facing.has(c.resource));
}

/** Reads the switch's neighbours; a failure is returned as the reason, not thrown. */
export async function readHeard(lldp: LldpSpec, conn: Transport, ctx: DriverContext): Promise<Heard> {
  try {
    const warnings: string[] = [];
    const neighbors = lldp.parse(await lldp.read(conn, ctx), warnings);
    for (const w of warnings) ctx.note(`cabling: ${w}`);
    return { neighbors };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The plan without the changes to miswired ports, and those changes' reasons; notes the warnings. */
export function holdMiswired(
  site: Site,
  model: SwitchModel,
  heard: Heard,
  canonical: CanonicalPort,
  planned: PlannedSwitch,
  note?: (text: string) => void,
): { planned: PlannedSwitch; held: Held[] } {
  if ('error' in heard) {
    note?.(`cabling not checked: LLDP could not be read: ${heard.error}`);
    return { planned, held: [] };
  }
  const report = compareCabling({ site, canonical, switches: new Map([[model.name, heard]]), nodes: new Map() });
  const changing = new Set(planned.changes.map((c) => c.resource));
  for (const f of report.findings)
    if (f.severity === 'warning' && [...changing].some((p) => f.message.startsWith(`${model.name} ${p} `)))
      note?.(`cabling: ${f.message}`);
  const ports = heldPorts(report).get(model.name) ?? new Map<string, string[]>();
  const held = planned.changes
    .filter((c) => ports.has(c.resource))
    .map((c) => ({ resource: c.resource, reason: ports.get(c.resource)!.join('; ') }));
  if (held.length === 0) return { planned, held };
  const isHeld = (name: string) => ports.has(name);
  return {
    planned: {
      changes: planned.changes.filter((c) => !isHeld(c.resource)),
      inSync: planned.inSync,
      target: { ...planned.target, ports: planned.target.ports.filter((p) => !isHeld(p.name)) },
    },
    held,
  };
}
