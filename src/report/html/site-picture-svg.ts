import {
  BOX_W,
  BRIDGE_H,
  MARGIN,
  NIC_H,
  NODE_H,
  PORT_H,
  SLOT,
  SWITCH_H,
  layoutSite,
  type PlacedNode,
  type PlacedPort,
  type PlacedSwitch,
} from './site-picture-layout.js';
import type { Mark, PictureVlan, SitePicture } from './site-picture-model.js';
import { escapeHtml, svgText } from './svg-text.js';

/**
 * The site picture as inline SVG: switches with their VLAN definitions and ports, the cables to the nodes' NICs
 * labelled with the VLANs they carry, and each node's bridges under its trunk NIC. Every element carries its mark as
 * a CSS class (`mark-added`, `mark-removed`, `mark-changed`, `mark-same`) and data attributes naming it; the colours
 * are in the page's stylesheet. No scripts, fonts or images.
 */
export function renderSitePicture(picture: SitePicture): string {
  const layout = layoutSite(picture);
  const parts = [
    ...layout.switches.map((s) => switchBox(s, layout.width)),
    ...layout.ports.map(link),
    ...layout.ports.map(portBox),
    ...layout.nodes.map(nodeBox),
  ];
  const label = `Site picture: ${picture.switches.length} switch(es), ${picture.nodes.length} node(s)`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="site" viewBox="0 0 ${layout.width} ${layout.height}" ` +
    `width="${layout.width}" height="${layout.height}" role="img" aria-label="${escapeHtml(label)}">\n` +
    `${parts.join('\n')}\n</svg>`
  );
}

const CHIP_W = 34;
const CHIP_H = 16;
const CHIPS_PER_ROW = 3;
const MAX_CHIPS = 9;

function vlanChip(v: PictureVlan, x: number, y: number): string {
  const name = v.name ? ` ${v.name}` : '';
  return (
    `<g class="vlan mark-${v.mark}" data-vlan="${v.id}"><title>VLAN ${v.id}${escapeHtml(name)} (${v.mark})</title>` +
    `<rect x="${x}" y="${y}" width="${CHIP_W}" height="${CHIP_H}" rx="3"/>` +
    `${svgText(x + CHIP_W / 2, y + 12, String(v.id), { cls: 'chip-text', size: 10 })}</g>`
  );
}

function switchBox({ sw, y }: PlacedSwitch, width: number): string {
  const cls = `switch${sw.problem ? ' problem' : ''}`;
  const out = [
    `<g class="${cls}" data-switch="${escapeHtml(sw.name)}">`,
    `<rect class="box" x="${MARGIN}" y="${y}" width="${width - 2 * MARGIN}" height="${SWITCH_H}" rx="8"/>`,
    svgText(MARGIN + 12, y + 19, `${sw.name} · ${sw.platform}`, { cls: 'title', anchor: 'start', size: 13 }),
  ];
  if (sw.problem)
    out.push(svgText(MARGIN + 12, y + 38, sw.problem, { cls: 'problem-text', anchor: 'start', width: width - 80 }));
  else {
    out.push(svgText(MARGIN + 12, y + 39, 'VLANs', { cls: 'caption', anchor: 'start', size: 10 }));
    const room = Math.max(1, Math.floor((width - 2 * MARGIN - 130) / (CHIP_W + 4)));
    const shown = sw.vlans.length > room ? sw.vlans.slice(0, room - 1) : sw.vlans;
    shown.forEach((v, i) => out.push(vlanChip(v, MARGIN + 56 + i * (CHIP_W + 4), y + 27)));
    if (shown.length < sw.vlans.length) {
      const more = `+${sw.vlans.length - shown.length} more`;
      out.push(svgText(MARGIN + 60 + shown.length * (CHIP_W + 4), y + 39, more, { cls: 'caption', anchor: 'start' }));
    }
  }
  out.push('</g>');
  return out.join('');
}

function link(p: PlacedPort): string {
  const { port } = p;
  const top = p.y + PORT_H;
  const out = [
    `<g class="link mark-${port.mark}" data-link="${escapeHtml(port.name)}">`,
    `<line x1="${p.x}" y1="${top}" x2="${p.linkTo.x}" y2="${p.linkTo.y}"/>`,
  ];
  out.push(svgText(p.x, top + 18, port.mode, { cls: 'caption on-line', size: 10 }));
  out.push(...linkChips(port.vlans, p.x, top + 24));
  if (!p.linkTo.nic) {
    // A port cabled to no node (an uplink): the cable ends where its description says it goes.
    out.push(`<circle cx="${p.linkTo.x}" cy="${p.linkTo.y}" r="4"/>`);
    const to = `to ${port.description ?? 'no node'}`;
    out.push(svgText(p.linkTo.x, p.linkTo.y + 18, to, { cls: 'caption', size: 10, width: SLOT - 6 }));
  }
  out.push('</g>');
  return out.join('');
}

function linkChips(vlans: readonly PictureVlan[], cx: number, y: number): string[] {
  if (vlans.length > MAX_CHIPS) {
    const removed = vlans.filter((v) => v.mark === 'removed').length;
    const added = vlans.filter((v) => v.mark === 'added').length;
    const text = `${vlans.length - removed} VLANs${added ? ` +${added}` : ''}${removed ? ` -${removed}` : ''}`;
    return [svgText(cx, y + 12, text, { cls: 'caption on-line', size: 10, width: SLOT - 6 })];
  }
  const rowWidth = (n: number): number => n * CHIP_W + (n - 1) * 4;
  return vlans.map((v, i) => {
    const row = Math.floor(i / CHIPS_PER_ROW);
    const inRow = Math.min(CHIPS_PER_ROW, vlans.length - row * CHIPS_PER_ROW);
    const x = cx - rowWidth(inRow) / 2 + (i % CHIPS_PER_ROW) * (CHIP_W + 4);
    return vlanChip(v, x, y + row * (CHIP_H + 4));
  });
}

function portBox(p: PlacedPort): string {
  const { port } = p;
  const x = p.x - BOX_W / 2;
  const tip = port.change ? `<title>${escapeHtml(`${port.name}: ${port.change}`)}</title>` : '';
  return (
    `<g class="port mark-${port.mark}" data-port="${escapeHtml(port.name)}">${tip}` +
    `<rect class="box" x="${x}" y="${p.y}" width="${BOX_W}" height="${PORT_H}" rx="4"/>` +
    svgText(p.x, p.y + 14, port.name, { cls: 'name', width: BOX_W - 6 }) +
    svgText(p.x, p.y + 27, port.description ?? '', { cls: 'caption', size: 9, width: BOX_W - 6 }) +
    '</g>'
  );
}

function nodeBox(n: PlacedNode): string {
  const { node } = n;
  const trunk = n.nics.find((nic) => nic.trunk)!;
  const out = [
    `<g class="node${node.problem ? ' problem' : ''}" data-node="${escapeHtml(node.name)}">`,
    `<rect class="box" x="${n.x}" y="${n.y}" width="${n.width}" height="${NODE_H}" rx="8"/>`,
  ];
  for (const b of n.bridges) {
    // The VLAN interfaces fan out from the trunk NIC, one straight wire per bridge, so none paints over another.
    const mark: Mark = b.bridge.port?.mark ?? b.bridge.mark;
    out.push(`<path class="wire mark-${mark}" d="M${trunk.x},${trunk.y + NIC_H} L${b.x},${b.y}"/>`);
  }
  for (const nic of n.nics) {
    out.push(
      `<g class="nic${nic.trunk ? ' trunk' : ''}" data-nic="${escapeHtml(nic.name)}">` +
        `<rect class="box" x="${nic.x - BOX_W / 2}" y="${nic.y}" width="${BOX_W}" height="${NIC_H}" rx="4"/>` +
        svgText(nic.x, nic.y + 17, nic.name, { cls: 'name', width: BOX_W - 6 }) +
        '</g>',
    );
  }
  for (const b of n.bridges) {
    const { bridge } = b;
    // The bridge's port, the VLAN interface on the trunk NIC, is its second line, marked on its own.
    const port = bridge.port
      ? `<g class="vlan-iface mark-${bridge.port.mark}" data-iface="${escapeHtml(bridge.port.name)}">` +
        svgText(b.x, b.y + 34, bridge.port.name, { cls: 'iface-text', size: 10, width: BOX_W - 6 }) +
        '</g>'
      : '';
    out.push(
      `<g class="bridge mark-${bridge.mark}" data-bridge="${escapeHtml(bridge.name)}">` +
        (bridge.vlan !== undefined ? `<title>VLAN ${bridge.vlan}</title>` : '') +
        `<rect class="box" x="${b.x - BOX_W / 2}" y="${b.y}" width="${BOX_W}" height="${BRIDGE_H}" rx="6"/>` +
        svgText(b.x, b.y + 18, bridge.name, { cls: 'name', width: BOX_W - 6 }) +
        port +
        '</g>',
    );
  }
  const title = `${node.name} · ${node.platform}`;
  out.push(svgText(n.x + 10, n.y + NODE_H - 10, title, { cls: 'title', anchor: 'start', size: 13 }));
  if (node.problem)
    out.push(
      svgText(n.x + 10, n.y + NODE_H - 28, node.problem, { cls: 'problem-text', anchor: 'start', width: n.width - 20 }),
    );
  out.push('</g>');
  return out.join('');
}
