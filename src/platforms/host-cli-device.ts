import type { Host } from '../core/inventory.js';
import type { Transport } from '../core/transport.js';
import { knownHostname, type CliDefinition } from './cli-definition.js';
import { CliDevice } from './cli-device.js';
import type { DriverContext } from './switch-driver.js';

/**
 * The host's CLI device for the run: one CLI session per connection, opened by the first step that needs it and
 * reused by the `switch_vlans` and `switch_ports` modules and every later step (the host's session keeps it, and the
 * engine closes it when the run ends). A device that became unusable (timeout, closed channel) is replaced. The
 * definition is built from the host's known hostname, with the step's command timeout.
 */
export function hostCliDevice(
  conn: Transport,
  ctx: Pick<DriverContext, 'host' | 'timeouts' | 'session'>,
  makeDefinition: (hostname: string) => CliDefinition,
): Promise<CliDevice> {
  return ctx.session.reuse(() =>
    CliDevice.open(conn, makeDefinition(knownHostname(ctx.host)), {
      commandTimeoutMs: ctx.timeouts.commandMs,
      become: becomesWithEnable(ctx.host),
    }),
  );
}

/**
 * Ansible's privilege escalation on a network device: `ansible_become: true` with `ansible_become_method: enable`
 * (the method may be left out: `enable` is the only one a switch CLI has).
 */
export function becomesWithEnable(host: Pick<Host, 'become' | 'vars'>): boolean {
  const method = host.vars['become_method'] ?? host.vars['ansible_become_method'];
  return host.become === true && (method === undefined || method === 'enable');
}
