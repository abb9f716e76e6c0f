import { compressRanges, formatVlanSet } from '../../inventory/vlan-set.js';
import type { PortDelta } from '../switch-port-plan.js';
import type { DocumentTarget, RenderedDocument } from '../switch-spec.js';
import { formatEni, parseEni, stanzasNamed, type EniDocument, type EniStanza } from './cumulus-eni.js';
import { findVlanAwareBridges } from './cumulus-parse.js';

/** Default name for a VLAN-aware bridge created when the file has none (Cumulus 4+ calls it `br_default`). */
const NEW_BRIDGE = 'br_default';

/**
 * The desired interfaces file, and a note per bridge port that the file pins to its current VLANs (see
 * inheritingPorts): on Cumulus a port without its own `bridge-vids` follows the bridge's list, so the file written
 * for a VLAN definition change touches those port stanzas too, and the plan must show it.
 */
export function renderCumulusDocument(current: EniDocument, target: DocumentTarget): RenderedDocument {
  const notes = inheritingPorts(current, target.vlanIds)
    .filter((p) => p.vids.length > 0)
    .map(
      (p) =>
        `${p.name} follows the bridge's bridge-vids: pinned to bridge-vids ${formatVlanSet(p.vids)} (what it carries now)`,
    );
  return { text: renderCumulusInterfaces(current, target), notes };
}

/**
 * Renders the desired `/etc/network/interfaces` for a Cumulus switch: the current file with the planned port deltas
 * and VLAN set applied, printed in a regular layout. Stanzas the plan does not touch keep their options; the file
 * is the unit the driver writes (then `ifreload -a`), so the Changes for Cumulus carry no commands.
 */
export function renderCumulusInterfaces(current: EniDocument, input: DocumentTarget): string {
  const doc = parseEni(formatEni(current)); // a private copy
  const bridgeName = findVlanAwareBridges(doc)[0]?.name ?? addBridge(doc);
  const bridge = stanzasNamed(doc, bridgeName)[0]!;
  const own = new Set(
    input.ports.filter((d) => d.allowedTarget !== undefined || d.accessVlan !== undefined).map((d) => d.name),
  );
  for (const pin of inheritingPorts(doc, input.vlanIds)) {
    if (own.has(pin.name) || pin.vids.length === 0) continue;
    if (stanzasNamed(doc, pin.name).length === 0)
      doc.items.push({ kind: 'iface', name: pin.name, auto: true, options: [] });
    setOption(doc, pin.name, 'bridge-vids', compressRanges(pin.vids).join(' '));
  }
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

/**
 * The bridge members that follow the bridge's `bridge-vids` (no `bridge-vids` or `bridge-access` of their own), with
 * the VLANs they carry now, when the bridge's list is about to change to `vlanIds`; else none. Such a port would start
 * (or stop) carrying a VLAN just because the VLAN was defined (or removed), so the render writes its current set on
 * the port first: changing the switch's VLAN definitions never changes what a port carries.
 */
export function inheritingPorts(doc: EniDocument, vlanIds: readonly number[]): { name: string; vids: number[] }[] {
  const bridge = findVlanAwareBridges(doc)[0];
  if (!bridge || sameIds(bridge.vids, vlanIds)) return [];
  return bridge.ports
    .filter(
      (name) =>
        !stanzasNamed(doc, name).some((s) =>
          s.options.some((o) => o.key === 'bridge-vids' || o.key === 'bridge-access'),
        ),
    )
    .map((name) => ({ name, vids: [...bridge.vids] }));
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && [...a].sort((x, y) => x - y).every((id, i) => id === [...b].sort((x, y) => x - y)[i]);
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
