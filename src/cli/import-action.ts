import { basename, resolve } from 'node:path';
import { ConfigError, type Problem } from '../core/errors.js';
import type { Host, Inventory } from '../core/inventory.js';
import { describeSite } from '../import/describe-site.js';
import { gatherDevices } from '../import/gather-devices.js';
import { writeSiteFiles } from '../import/write-site-files.js';
import { loadInventory } from '../inventory/load-inventory.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { EXIT } from './exit-codes.js';
import type { ConnectionFlags } from './connection-options.js';
import { openConnections } from './site-connections.js';

export interface ImportFlags extends ConnectionFlags {
  readonly site?: string;
}

const SITE_KEYS = ['site', 'switch', 'node'] as const;

/** What `acp-play import` does; import-command.ts imports this only when it runs (--help stays light). */
export async function importAction(dir: string, flags: ImportFlags, setExit: (code: number) => void): Promise<void> {
  const platforms = defaultPlatforms();
  const inventory = await loadInventory(dir);
  const hosts = [...inventory.hosts.values()];
  refuseDescribedSite(inventory, hosts);
  const readable = hosts.filter((h) => {
    const spec = h.platform ? platforms.resolve(h.platform) : undefined;
    return spec?.switch !== undefined || spec?.id === 'nmstate';
  });
  const conns = openConnections(inventory, platforms, flags, readable);
  try {
    const gathered = await gatherDevices(readable, platforms, conns.pool, conns.runId);
    if (gathered.failed.length > 0) {
      for (const f of gathered.failed) process.stderr.write(`${f.host}: not read: ${f.error}\n`);
      process.stderr.write('Nothing written: every switch and node must be read to describe the site.\n');
      return setExit(EXIT.failed);
    }
    const name = flags.site ?? basename(resolve(dir));
    const imported = describeSite(name, gathered);
    // Hosts that are neither switches nor nmstate nodes carry nothing of the site description: said, not skipped.
    const others = hosts
      .filter((h) => !readable.includes(h))
      .map((h) => `${h.name}: platform ${h.platform ?? '(none)'}: not read (import reads switches and nmstate nodes)`);
    const notExpressed = [...others, ...imported.notExpressed];
    const files = writeSiteFiles(resolve(dir), imported, new Date().toISOString().slice(0, 10));
    const ports = [...imported.switches.values()].reduce((n, s) => n + Object.keys(s.ports).length, 0);
    const lines = [
      `Read ${gathered.switches.length} switch(es) and ${gathered.nodes.length} node(s) of site ${name}: ${imported.site.vlans.length} VLAN(s) (${imported.site.vlans.filter((v) => v.vm).length} bridged to VMs), ${ports} port(s), ${imported.nodes.size} node(s) described.`,
      `Wrote ${files.join(', ')}.`,
      ...(notExpressed.length > 0
        ? ['Not expressed (still on the devices, not in the inventory; plan leaves them alone or shows them):']
        : []),
      ...notExpressed.map((n) => `  - ${n}`),
      `Next: acp-play validate ${dir} && acp-play plan ${dir} --detailed-exitcode (0: the inventory matches the site)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    setExit(EXIT.ok);
  } finally {
    await conns.close();
  }
}

/** An inventory that already has `site`, `switch` or `node` keys is not imported over (exit 3, nothing read). */
function refuseDescribedSite(inventory: Inventory, hosts: readonly Host[]): void {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const host of hosts)
    for (const key of SITE_KEYS) {
      const origin = host.origins[key];
      if (host.vars[key] === undefined || !origin) continue;
      const location = inventory.locate(origin);
      const where = `${location.file}:${location.line}`;
      if (seen.has(where)) continue;
      seen.add(where);
      problems.push({
        severity: 'error',
        location,
        message: `${inventory.dir} already describes the site: ${host.name} has \`${key}\``,
        fix: 'import writes the description into an inventory of hosts and credentials only; use plan to compare, or remove the key',
      });
    }
  if (problems.length > 0) throw new ConfigError(problems);
}
