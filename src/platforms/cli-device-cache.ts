import type { Transport } from '../core/transport.js';
import { knownHostname, type CliDefinition } from './cli-definition.js';
import { CliDevice, type CliDeviceOptions } from './cli-device.js';

/**
 * One CLI session per connection: the `switch_vlans` and `switch_ports` modules and every step of a run reuse the
 * shell channel of the host's one Transport. A device that became unusable (timeout, closed channel) is replaced.
 */
const devices = new WeakMap<Transport, Promise<CliDevice>>();

export async function cliDeviceFor(
  conn: Transport,
  definition: CliDefinition,
  opts: CliDeviceOptions = {},
): Promise<CliDevice> {
  const cached = devices.get(conn);
  if (cached) {
    const device = await cached.catch(() => undefined);
    if (device?.isUsable) return device;
  }
  const opening = CliDevice.open(conn, definition, opts);
  devices.set(conn, opening);
  return opening;
}

/** The host's CLI device, with the definition built from its known hostname and the step's command timeout. */
export function cliDeviceForHost(
  conn: Transport,
  ctx: { readonly host: Parameters<typeof knownHostname>[0]; readonly timeouts: { readonly commandMs: number } },
  makeDefinition: (hostname: string) => CliDefinition,
): Promise<CliDevice> {
  return cliDeviceFor(conn, makeDefinition(knownHostname(ctx.host)), { commandTimeoutMs: ctx.timeouts.commandMs });
}
