import { compareCabling, type CablingReport, type Heard } from '../cabling/compare-cabling.js';
import { gatherLldp, type HostLldp } from '../engine/gather-lldp.js';
import { normaliseInterfaceName } from '../platforms/interface-names.js';
import { colorWanted, palette } from '../report/colors.js';
import { EXIT } from './exit-codes.js';
import type { ConnectionFlags } from './connection-options.js';
import { openSiteConnections } from './site-connections.js';

export interface CheckFlags extends ConnectionFlags {
  readonly json?: boolean;
}

/** What `acp-play check cabling` does; check-command.ts imports this only when it runs (--help stays light). */
export async function checkCablingAction(
  dir: string,
  flags: CheckFlags,
  setExit: (code: number) => void,
): Promise<void> {
  const conns = await openSiteConnections(dir, flags, (_inv, site) => [
    ...site.switches.map((s) => s.host),
    ...site.nodes.map((n) => n.host),
  ]);
  try {
    const { site, platforms } = conns;
    const hosts = [...site.switches.map((s) => s.host), ...site.nodes.map((n) => n.host)];
    const read = await gatherLldp({ hosts, platforms, pool: conns.pool, runId: conns.runId });
    const canonical = (switchName: string, port: string): string => {
      const sw = site.switches.find((s) => s.name === switchName);
      const naming = sw && platforms.resolve(sw.platform)?.switch?.interfaceNames;
      return naming ? normaliseInterfaceName(naming, port) : port;
    };
    const heardOf = (names: readonly string[], unreachableIsWarning: boolean) =>
      new Map(
        names.flatMap((name): [string, Heard][] => {
          const r = read.get(name);
          if (!r || ('unreachable' in r && r.unreachable && unreachableIsWarning)) return [];
          return [[name, 'error' in r ? { error: r.error } : { neighbors: r.neighbors }]];
        }),
      );
    const report = compareCabling({
      site,
      canonical,
      switches: heardOf(
        site.switches.map((s) => s.name),
        false,
      ),
      nodes: heardOf(
        site.nodes.map((n) => n.name),
        true,
      ),
    });
    const notes = readNotes(read, new Set(site.nodes.map((n) => n.name)));
    if (flags.json) process.stdout.write(`${JSON.stringify({ ...report, notes }, null, 2)}\n`);
    else process.stdout.write(formatCabling(report, notes));
    setExit(report.findings.some((f) => f.severity === 'error') ? EXIT.failed : EXIT.ok);
  } finally {
    await conns.close();
  }
}

/** Parser warnings, and the nodes that could not be reached (their side is not checked). */
function readNotes(read: ReadonlyMap<string, HostLldp>, nodes: ReadonlySet<string>): string[] {
  const notes: string[] = [];
  for (const [host, r] of read) {
    if ('warnings' in r) notes.push(...r.warnings.map((w) => `${host}: ${w}`));
    else if (r.unreachable && nodes.has(host))
      notes.push(
        `${host}: not reached, so its side is not checked (before the install only the switch side can be): ${r.error}`,
      );
  }
  return notes;
}

function formatCabling(report: CablingReport, notes: readonly string[]): string {
  const color = palette(colorWanted(process.stdout));
  const lines: string[] = [];
  for (const f of report.findings.filter((x) => x.severity === 'error')) lines.push(color.red(`error: ${f.message}`));
  for (const f of report.findings.filter((x) => x.severity === 'warning'))
    lines.push(color.yellow(`warning: ${f.message}`));
  for (const n of notes) lines.push(color.yellow(`warning: ${n}`));
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const summary = `Cabling: ${report.confirmed} of ${report.links} cable(s) confirmed by LLDP, ${errors} error(s), ${report.findings.length - errors + notes.length} warning(s).`;
  lines.push(errors > 0 ? color.red(summary) : color.green(summary));
  return `${lines.join('\n')}\n`;
}
