import type { PictureBridge, PictureNode, PicturePort, PictureSwitch, SitePicture } from './site-picture-model.js';

/**
 * Where everything of the site picture goes, in SVG user units. One column per cabled node NIC (and per switch port
 * that faces no node), so every port sits straight above the NIC it is cabled to and every link is a vertical line;
 * switches are rows across the top, nodes boxes in a row below, each node's bridges under its NICs.
 */

export const SLOT = 116;
export const MARGIN = 20;
export const BOX_W = 104;
export const SWITCH_H = 96;
export const PORT_H = 34;
export const LINK_H = 104;
export const NIC_H = 26;
export const BRIDGE_H = 44;
export const NODE_H = 168;
const NODE_GAP = 16;
const SWITCH_GAP = 20;

export interface PlacedPort {
  readonly port: PicturePort;
  readonly switchIndex: number;
  /** Column centre. */
  readonly x: number;
  /** Top of the port box. */
  readonly y: number;
  /** Where its link ends: the top of the NIC box it faces, or the node row for a port facing no node. */
  readonly linkTo: { readonly x: number; readonly y: number; readonly nic?: string };
}

export interface PlacedNic {
  readonly name: string;
  readonly trunk: boolean;
  readonly x: number;
  readonly y: number;
}

export interface PlacedBridge {
  readonly bridge: PictureBridge;
  readonly x: number;
  readonly y: number;
}

export interface PlacedNode {
  readonly node: PictureNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly nics: readonly PlacedNic[];
  readonly bridges: readonly PlacedBridge[];
}

export interface PlacedSwitch {
  readonly sw: PictureSwitch;
  readonly y: number;
}

export interface SiteLayout {
  readonly width: number;
  readonly height: number;
  readonly switches: readonly PlacedSwitch[];
  readonly ports: readonly PlacedPort[];
  readonly nodes: readonly PlacedNode[];
}

/** Lays the picture out. Pure: the same picture always gives the same layout. */
export function layoutSite(picture: SitePicture): SiteLayout {
  const switchesBottom = MARGIN + picture.switches.length * (SWITCH_H + SWITCH_GAP) - SWITCH_GAP;
  const nodeY = switchesBottom + LINK_H;
  const nicX = new Map<string, number>();
  const nodes: PlacedNode[] = [];
  let x = MARGIN;
  for (const node of picture.nodes) {
    const nicNames = nicsOf(node, picture.switches);
    const width = Math.max(nicNames.length, node.bridges.length, 1) * SLOT;
    const nics = nicNames.map((name, i): PlacedNic => {
      const cx = x + SLOT * (i + 0.5);
      nicX.set(`${node.name}\n${name}`, cx);
      return { name, trunk: name === node.trunkNic, x: cx, y: nodeY + 12 };
    });
    const bridges = node.bridges.map((bridge, i): PlacedBridge => ({ bridge, x: x + SLOT * (i + 0.5), y: nodeY + 84 }));
    nodes.push({ node, x, y: nodeY, width, nics, bridges });
    x += width + NODE_GAP;
  }
  const nodesEnd = x;
  const ports: PlacedPort[] = [];
  picture.switches.forEach((sw, k) => {
    const y = MARGIN + k * (SWITCH_H + SWITCH_GAP) + SWITCH_H - PORT_H - 6;
    for (const port of sw.ports) {
      const key = port.faces ? `${port.faces.node}\n${port.faces.nic}` : undefined;
      const at = key === undefined ? undefined : nicX.get(key);
      if (at !== undefined) {
        ports.push({ port, switchIndex: k, x: at, y, linkTo: { x: at, y: nodeY + 12, nic: port.faces!.nic } });
      } else {
        const cx = x + SLOT / 2;
        x += SLOT;
        ports.push({ port, switchIndex: k, x: cx, y, linkTo: { x: cx, y: nodeY + 12 } });
      }
    }
  });
  const right = picture.nodes.length > 0 && x === nodesEnd ? x - NODE_GAP : x;
  const width = Math.max(right + MARGIN, 480);
  const switches = picture.switches.map((sw, k): PlacedSwitch => ({ sw, y: MARGIN + k * (SWITCH_H + SWITCH_GAP) }));
  return { width, height: nodeY + NODE_H + MARGIN, switches, ports, nodes };
}

/** A node's NICs in the picture: the trunk NIC first, then every other NIC a switch port is cabled to. */
function nicsOf(node: PictureNode, switches: readonly PictureSwitch[]): string[] {
  const faced = switches.flatMap((sw) =>
    sw.ports.flatMap((p) => (p.faces?.node === node.name && p.faces.nic !== node.trunkNic ? [p.faces.nic] : [])),
  );
  return [node.trunkNic, ...new Set(faced)];
}
