import { CommandError } from '../core/errors.js';
import type { Host } from '../core/inventory.js';
import type { LldpNeighbor } from '../core/lldp.js';
import type { Transport } from '../core/transport.js';
import type { CliDefinition } from './cli-definition.js';
import { hostCliDevice } from './host-cli-device.js';
import type { DriverContext } from './switch-driver.js';

/**
 * How a platform reads the LLDP neighbours its host hears: the cabling check (`acp-play check cabling`, and the
 * guard of `switch_ports` before it changes a port facing a node) and `acp-play import` use it. Each platform brings
 * its own; shared code only calls `read` and `parse`.
 */
export interface LldpSpec {
  /** What runs on the host, for messages (`show lldp neighbors detail`). */
  readonly command: string;
  /** Runs it (a CLI switch through the host's CLI session, a Linux host over exec) and returns its output. */
  read(conn: Transport, ctx: DriverContext): Promise<string>;
  /** The neighbours in that output; what cannot be read goes to `warnings`. */
  parse(text: string, warnings?: string[]): LldpNeighbor[];
}

/** A CLI switch's LLDP: one show command on the host's CLI session. */
export function cliLldp(
  makeDefinition: (hostname: string) => CliDefinition,
  command: string,
  parse: LldpSpec['parse'],
): LldpSpec {
  return {
    command,
    async read(conn, ctx) {
      const device = await hostCliDevice(conn, ctx, makeDefinition);
      return device.run(command, { timeoutMs: ctx.timeouts.commandMs });
    },
    parse,
  };
}

/** A Linux host's LLDP: one command over exec, through sudo when `become` says so (lldpctl needs root). */
export function execLldp(command: string, become: (host: Host) => boolean, parse: LldpSpec['parse']): LldpSpec {
  return {
    command,
    async read(conn, ctx) {
      const r = await conn.exec(command, { become: become(ctx.host), timeoutMs: ctx.timeouts.commandMs });
      if (r.exitCode !== 0) throw new CommandError(conn.host, command, r.exitCode, r.stderr || r.stdout);
      return r.stdout;
    },
    parse,
  };
}
