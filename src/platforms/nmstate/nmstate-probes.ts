import { ConfigError } from '../../core/errors.js';
import type { Site } from '../../core/site.js';
import { checkInterfaceName } from '../../inventory/safe-names.js';
import { shellQuote } from '../../transport/shell-quote.js';
import type { Transport } from '../../core/transport.js';

/**
 * A check run on the node, over a NEW connection, after `nmstatectl apply --no-commit` and before `commit`. Any
 * failure rolls the change back. The play chooses them (none are required):
 *   {ping: ADDRESS}          the node reaches ADDRESS (3 tries, 1 s apart)
 *   {ping_gateway: VLAN}     the same for the gateway of a site VLAN (site.vlans[].gateway)
 *   {interface_up: NAME}     /sys/class/net/NAME/operstate is up (3 tries, 1 s apart)
 *   {command: TEXT}          TEXT exits 0 (run by the login shell)
 */
export interface Probe {
  /** What the report says: `ping 172.16.4.1`, `interface bridge2003 up`. */
  readonly label: string;
  readonly command: string;
}

const TRIES = 3;

/** Parses the task's `probes` argument; a ConfigError (before any connection) when one is malformed. */
export function parseProbes(value: unknown, site: Site, where: string): Probe[] {
  if (value === undefined || value === null) return [];
  const bad = (i: number, message: string, fix: string): never => {
    throw new ConfigError({ severity: 'error', message: `${where}: probes[${i}] ${message}`, fix });
  };
  if (!Array.isArray(value)) return bad(0, 'must be a list', 'probes: [{ping: 172.16.4.1}]');
  return value.map((item: unknown, i): Probe => {
    const entries = item && typeof item === 'object' && !Array.isArray(item) ? Object.entries(item) : [];
    if (entries.length !== 1)
      return bad(
        i,
        'must have exactly one key: ping, ping_gateway, interface_up or command',
        'e.g. {interface_up: bridge2003}',
      );
    const [kind, arg] = entries[0]!;
    if (kind === 'ping' && typeof arg === 'string' && /^[0-9A-Fa-f:.]+$/.test(arg)) return ping(arg);
    if (kind === 'ping_gateway') {
      const vlan = site.vlans.find((v) => v.id === arg);
      if (!vlan?.gateway)
        return bad(
          i,
          `names VLAN ${String(arg)}, which has no gateway in site.vlans`,
          'give the VLAN a gateway, or use {ping: ADDRESS}',
        );
      return ping(vlan.gateway);
    }
    if (kind === 'interface_up' && typeof arg === 'string') {
      const problem = checkInterfaceName(arg);
      if (problem) return bad(i, `interface_up ${JSON.stringify(arg)}: ${problem}`, 'name a Linux interface');
      return interfaceUp(arg);
    }
    if (kind === 'command' && typeof arg === 'string' && arg.trim() !== '')
      return { label: `command ${arg}`, command: arg };
    return bad(
      i,
      `has an unknown key or a bad value (${kind}: ${JSON.stringify(arg)})`,
      'use {ping: ADDRESS}, {ping_gateway: VLAN}, {interface_up: NAME} or {command: TEXT}',
    );
  });
}

function ping(address: string): Probe {
  const a = shellQuote(address);
  return {
    label: `ping ${address}`,
    command: retry(`ping -n -c 1 -W 2 ${a} >/dev/null 2>&1`, `echo "no answer from ${address}"`),
  };
}

function interfaceUp(name: string): Probe {
  const f = shellQuote(`/sys/class/net/${name}/operstate`);
  // operstate "unknown" is what interfaces without carrier detection (dummy, some bridges) report while working.
  const test = `s=$(cat ${f} 2>/dev/null); [ "$s" = up ] || [ "$s" = unknown ]`;
  return { label: `interface ${name} up`, command: retry(test, `echo "${name} operstate: \${s:-missing}"`) };
}

function retry(test: string, onFail: string): string {
  return `i=0; while [ $i -lt ${TRIES} ]; do if ${test}; then exit 0; fi; i=$((i+1)); sleep 1; done; ${onFail}; exit 1`;
}

/** Runs the probes in order on `conn`; throws at the first failure, naming the probe and the node's words. */
export async function runProbes(conn: Transport, probes: readonly Probe[], timeoutMs: number): Promise<void> {
  for (const probe of probes) {
    const r = await conn.exec(probe.command, { timeoutMs });
    if (r.exitCode !== 0) {
      const said = (r.stdout + r.stderr).trim().split('\n').slice(-3).join(' / ');
      throw new Error(`probe failed: ${probe.label}${said ? `: ${said}` : ` (exit ${String(r.exitCode)})`}`);
    }
  }
}
