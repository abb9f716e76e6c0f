import { compressRanges } from '../../inventory/vlan-set.js';
import type { PortDelta } from '../switch-port-plan.js';
import { formatEni, parseEni, stanzasNamed, type EniDocument, type EniStanza } from './cumulus-eni.js';
import { findVlanAwareBridges } from './cumulus-parse.js';

/**
 * Renders the desired `/etc/network/interfaces` for a Cumulus switch: the current file with the planned port deltas
 * and VLAN set applied, printed in a regular layout. Stanzas the plan does not touch keep their options; the file
 * is the unit the driver writes (then `ifreload -a`), so the Changes for Cumulus carry no commands.
 */
export interface CumulusRenderInput {
  /** The bridge's final `bridge-vids` (defined VLANs). */
  readonly vlanIds: readonly number[];
  /** Port deltas from the planner (only ports that change). */
  readonly ports: readonly PortDelta[];
}

/** Default name for a VLAN-aware bridge created when the file has none (Cumulus 4+ calls it `br_default`). */
const NEW_BRIDGE = 'br_default';

export function renderCumulusInterfaces(current: EniDocument, input: CumulusRenderInput): string {
  const doc = parseEni(formatEni(current)); // a private copy
  const bridgeName = findVlanAwareBridges(doc)[0]?.name ?? addBridge(doc);
  const bridge = stanzasNamed(doc, bridgeName)[0]!;
  setOption(doc, bridgeName, 'bridge-vids', input.vlanIds.length ? compressRanges(input.vlanIds).join(' ') : undefined);
  const members = new Set(findVlanAwareBridges(doc).find((b) => b.name === bridgeName)?.ports ?? []);
  for (const delta of input.ports) {
    if (!members.has(delta.name)) {
      const line = [...bridge.options].reverse().find((o) => o.key === 'bridge-ports');
      if (line) line.value = `${line.value} ${delta.name}`.trim();
      else bridge.options.push({ key: 'bridge-ports', value: delta.name });
      members.add(delta.name);
    }
    applyPortDelta(doc, delta);
  }
  return formatEni(doc);
}

function applyPortDelta(doc: EniDocument, delta: PortDelta): void {
  if (stanzasNamed(doc, delta.name).length === 0) {
    doc.items.push({ kind: 'iface', name: delta.name, auto: true, options: [] });
  }
  const set = (key: string, value: string | undefined): void => setOption(doc, delta.name, key, value);
  if (delta.description !== undefined) set('alias', delta.description || undefined);
  if (delta.enabled !== undefined) set('link-down', delta.enabled ? undefined : 'yes');
  if (delta.mode === 'access' || delta.accessVlan !== undefined) {
    set('bridge-vids', undefined);
    set('bridge-pvid', undefined);
    if (delta.accessVlan !== undefined) set('bridge-access', String(delta.accessVlan));
  }
  if (delta.mode === 'trunk') set('bridge-access', undefined);
  if (delta.nativeVlan !== undefined) set('bridge-pvid', String(delta.nativeVlan));
  if (delta.allowedTarget !== undefined) set('bridge-vids', compressRanges(delta.allowedTarget).join(' ') || undefined);
}

function addBridge(doc: EniDocument): string {
  doc.items.push({
    kind: 'iface',
    name: NEW_BRIDGE,
    auto: true,
    options: [{ key: 'bridge-vlan-aware', value: 'yes' }],
  });
  return NEW_BRIDGE;
}

/** Sets `key` on the first stanza named `name` (removing it from later ones); `undefined` removes it. */
function setOption(doc: EniDocument, name: string, key: string, value: string | undefined): void {
  const stanzas: EniStanza[] = stanzasNamed(doc, name);
  let placed = false;
  for (const s of stanzas) {
    const next = [];
    for (const o of s.options) {
      if (o.key !== key) next.push(o);
      else if (!placed && value !== undefined) {
        next.push({ key, value });
        placed = true;
      }
    }
    s.options = next;
  }
  if (!placed && value !== undefined) stanzas[0]?.options.push({ key, value });
}
