/**
 * The report page's stylesheet, inlined: no fonts, images or other files are fetched. Marks: added green, removed
 * red (dashed, struck through), changed amber, unchanged grey.
 */
export const REPORT_STYLE = `
:root { --added: #1a7f37; --added-bg: #dafbe1; --removed: #cf222e; --removed-bg: #ffebe9;
  --changed: #9a6700; --changed-bg: #fff1b8; --same: #6e7781; --same-bg: #f6f8fa; --ink: #1f2328; }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--ink); margin: 24px; max-width: 1600px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
code, pre, svg text { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.meta { color: var(--same); margin: 0 0 12px; }
.legend span { display: inline-block; padding: 1px 8px; margin-right: 8px; border-radius: 4px; border: 1.5px solid; }
.picture { overflow-x: auto; border: 1px solid #d0d7de; border-radius: 8px; padding: 8px; background: #fff; }
svg.site { max-width: 100%; height: auto; }
svg .box { fill: var(--same-bg); stroke: var(--same); stroke-width: 1.5; }
svg .switch > .box, svg .node > .box { fill: #fbfcfd; stroke: #57606a; stroke-width: 2; }
svg .problem > .box { stroke: var(--removed); stroke-width: 3; }
svg .nic.trunk .box { stroke: #24292f; stroke-width: 2.5; }
svg .title { font-size: 13px; font-weight: 700; fill: var(--ink); }
svg .name { font-size: 11px; font-weight: 600; fill: var(--ink); }
svg .caption { font-size: 10px; fill: #57606a; }
svg .problem-text { font-size: 11px; fill: var(--removed); }
svg .chip-text { font-size: 10px; fill: var(--ink); }
svg .iface-text { font-size: 10px; fill: #57606a; }
svg .on-line { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg line, svg .wire { stroke: var(--same); stroke-width: 2; fill: none; }
svg circle { fill: var(--same); }
svg .vlan rect { fill: #fff; stroke: var(--same); }
.mark-added { --mark: var(--added); --mark-bg: var(--added-bg); }
.mark-removed { --mark: var(--removed); --mark-bg: var(--removed-bg); }
.mark-changed { --mark: var(--changed); --mark-bg: var(--changed-bg); }
svg .mark-added .box, svg .mark-removed .box, svg .mark-changed .box,
svg .vlan.mark-added rect, svg .vlan.mark-removed rect, svg .vlan.mark-changed rect {
  fill: var(--mark-bg); stroke: var(--mark); stroke-width: 2; }
svg .link.mark-added line, svg .link.mark-removed line, svg .link.mark-changed line,
svg .wire.mark-added, svg .wire.mark-removed, svg .wire.mark-changed { stroke: var(--mark); stroke-width: 3; }
svg .mark-removed .box, svg .mark-removed rect, svg .wire.mark-removed, svg .link.mark-removed line {
  stroke-dasharray: 5 3; }
svg .vlan.mark-removed text, svg .bridge.mark-removed .name { text-decoration: line-through; }
svg .vlan-iface.mark-added text { fill: var(--added); } svg .vlan-iface.mark-removed text { fill: var(--removed); }
svg .vlan-iface.mark-changed text { fill: var(--changed); }
.legend .mark-added, .legend .mark-removed, .legend .mark-changed { background: var(--mark-bg); border-color: var(--mark); }
.legend .mark-same { background: var(--same-bg); border-color: var(--same); }
table { border-collapse: collapse; margin: 6px 0; } th, td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: left; }
th { background: #f6f8fa; } tr.task td { background: #f6f8fa; font-weight: 600; }
tr.mark-added td:nth-child(2), tr.mark-removed td:nth-child(2), tr.mark-changed td:nth-child(2) {
  color: var(--mark); font-weight: 700; }
tr.mark-added, tr.mark-removed, tr.mark-changed { background: var(--mark-bg); }
.status { font-size: 13px; font-weight: 400; padding: 1px 8px; border-radius: 10px; background: #eaeef2; }
.status.failed { background: var(--removed-bg); color: var(--removed); }
.left-alone { color: #57606a; }
pre { background: #f6f8fa; padding: 8px; border-radius: 6px; overflow-x: auto; }
pre .add { color: var(--added); } pre .del { color: var(--removed); }
details { margin: 6px 0 0; } summary { cursor: pointer; }
`;
