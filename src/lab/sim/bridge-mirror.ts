import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { compressRanges } from '../../inventory/vlan-set.js';
import type { PortState, SwitchState } from '../../platforms/switch-state.js';
import type { SimMirror } from './sim-types.js';

const execFileAsync = promisify(execFile);

/** A bridge port's VLAN membership: vid -> tagged, or the pvid (untagged). */
type Membership = Map<number, 'tagged' | 'pvid'>;

/**
 * The VLANs a switch port forwards, as Linux bridge membership. Access: its VLAN (default 1) untagged as pvid.
 * Trunk: every allowed VLAN tagged, and the native VLAN (default 1) untagged as pvid when it is allowed (a Cisco
 * trunk carries native traffic only for an allowed native VLAN). Routed or unknown-mode ports forward nothing.
 */
export function portMembership(port: PortState | undefined): Membership {
  const m: Membership = new Map();
  if (!port) return m;
  if (port.mode === 'access') m.set(port.accessVlan ?? 1, 'pvid');
  if (port.mode === 'trunk') {
    for (const id of port.allowedVlans) m.set(id, 'tagged');
    const native = port.nativeVlan ?? 1;
    if (m.has(native)) m.set(native, 'pvid');
  }
  return m;
}

/** The commands that turn one port's membership and link state from `before` into `after`. */
export function mirrorPortCommands(
  iface: string,
  before: PortState | undefined,
  after: PortState | undefined,
  fromDefault = false,
): string[][] {
  // A port just added to a Linux bridge carries VLAN 1 as pvid untagged (default_pvid).
  const old = fromDefault ? new Map([[1, 'pvid' as const]]) : portMembership(before);
  const next = portMembership(after);
  const out: string[][] = [];
  const removed = [...old.keys()].filter((id) => !next.has(id));
  for (const range of compressRanges(removed)) out.push(['bridge', 'vlan', 'del', 'dev', iface, 'vid', range]);
  const tagged = [...next].filter(([id, how]) => how === 'tagged' && old.get(id) !== 'tagged').map(([id]) => id);
  for (const range of compressRanges(tagged)) out.push(['bridge', 'vlan', 'add', 'dev', iface, 'vid', range]);
  for (const [id, how] of next) {
    if (how === 'pvid' && old.get(id) !== 'pvid')
      out.push(['bridge', 'vlan', 'add', 'dev', iface, 'vid', String(id), 'pvid', 'untagged']);
  }
  const wasDown = fromDefault ? undefined : (before?.shutdown ?? false);
  const isDown = after?.shutdown ?? false;
  if (wasDown !== isDown) out.push(['ip', 'link', 'set', iface, isDown ? 'down' : 'up']);
  return out;
}

/** Programs the mirror bridge after each running-config change, one command at a time, in order. */
export class BridgeMirror {
  private chain: Promise<void> = Promise.resolve();
  private readonly failures: string[] = [];
  private readonly run: (argv: string[]) => Promise<void>;

  constructor(private readonly mirror: SimMirror) {
    this.run = mirror.run ?? (async (argv) => void (await execFileAsync(argv[0]!, argv.slice(1))));
  }

  /** Brings every mirrored port from a fresh bridge port to `state`. */
  start(state: SwitchState): void {
    for (const [port, iface] of Object.entries(this.mirror.ports))
      this.enqueue(mirrorPortCommands(iface, undefined, state.interfaces.get(port), true));
  }

  sync(before: SwitchState, after: SwitchState): void {
    for (const [port, iface] of Object.entries(this.mirror.ports)) {
      this.enqueue(mirrorPortCommands(iface, before.interfaces.get(port), after.interfaces.get(port)));
    }
  }

  errors(): readonly string[] {
    return this.failures;
  }

  idle(): Promise<void> {
    return this.chain;
  }

  private enqueue(commands: string[][]): void {
    for (const argv of commands) {
      this.chain = this.chain.then(() =>
        this.run(argv).catch(
          (err: unknown) =>
            void this.failures.push(`${argv.join(' ')}: ${err instanceof Error ? err.message : String(err)}`),
        ),
      );
    }
  }
}
