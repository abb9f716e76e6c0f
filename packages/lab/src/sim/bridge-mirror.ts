import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PortRules } from './model/port-rules.js';
import { isShutdown, portOperation } from './model/port-operation.js';
import { vlanRanges } from './model/vlan-list.js';
import type { SimSwitchState } from './model/switch-model.js';
import type { SimMirror } from './sim-types.js';

const execFileAsync = promisify(execFile);

/** A bridge port's VLAN membership: vid -> tagged, or the pvid (untagged). */
type Membership = Map<number, 'tagged' | 'pvid'>;

/** The port's state the mirror follows: membership and link state, or undefined for a port the config lacks. */
interface MirroredPort {
  readonly membership: Membership;
  readonly down: boolean;
}

/**
 * What a switch port forwards, as Linux bridge membership: the untagged VLAN (access VLAN, or an allowed native
 * VLAN) as pvid, the other carried VLANs tagged; VLANs that do not exist or are suspended carry nothing, as on the
 * devices. A port-channel member forwards what its port-channel does (nothing while suspended).
 */
export function mirroredPort(state: SimSwitchState, name: string, rules: PortRules): MirroredPort | undefined {
  const port = state.ports.get(name);
  if (!port) return undefined;
  const op = portOperation(state, port, rules);
  const membership: Membership = new Map(op.tagged.map((id) => [id, 'tagged' as const]));
  if (op.untagged !== undefined) membership.set(op.untagged, 'pvid');
  return { membership, down: isShutdown(state, port, rules) };
}

/** The commands that turn one bridge port from `before` into `after` (from a fresh bridge port when `before` is). */
export function mirrorPortCommands(
  iface: string,
  before: MirroredPort | 'fresh' | undefined,
  after: MirroredPort | undefined,
): string[][] {
  // A port just added to a Linux bridge carries VLAN 1 as pvid untagged (default_pvid).
  const old: Membership = before === 'fresh' ? new Map([[1, 'pvid']]) : (before?.membership ?? new Map());
  const next = after?.membership ?? new Map();
  const out: string[][] = [];
  const removed = [...old.keys()].filter((id) => !next.has(id));
  for (const range of vlanRanges(removed)) out.push(['bridge', 'vlan', 'del', 'dev', iface, 'vid', range]);
  const tagged = [...next].filter(([id, how]) => how === 'tagged' && old.get(id) !== 'tagged').map(([id]) => id);
  for (const range of vlanRanges(tagged)) out.push(['bridge', 'vlan', 'add', 'dev', iface, 'vid', range]);
  for (const [id, how] of next) {
    if (how === 'pvid' && old.get(id) !== 'pvid')
      out.push(['bridge', 'vlan', 'add', 'dev', iface, 'vid', String(id), 'pvid', 'untagged']);
  }
  const wasDown = before === 'fresh' ? undefined : (before?.down ?? false);
  const isDown = after?.down ?? false;
  if (wasDown !== isDown) out.push(['ip', 'link', 'set', iface, isDown ? 'down' : 'up']);
  return out;
}

/** Programs the mirror bridge after each running-config change, one command at a time, in order. */
export class BridgeMirror {
  private chain: Promise<void> = Promise.resolve();
  private readonly failures: string[] = [];
  private readonly run: (argv: string[]) => Promise<void>;

  constructor(
    private readonly mirror: SimMirror,
    private readonly rules: PortRules,
  ) {
    this.run = mirror.run ?? (async (argv) => void (await execFileAsync(argv[0]!, argv.slice(1))));
  }

  /** Brings every mirrored port from a fresh bridge port to `state`. */
  start(state: SimSwitchState): void {
    for (const [port, iface] of Object.entries(this.mirror.ports))
      this.enqueue(mirrorPortCommands(iface, 'fresh', mirroredPort(state, port, this.rules)));
  }

  sync(before: SimSwitchState, after: SimSwitchState): void {
    for (const [port, iface] of Object.entries(this.mirror.ports)) {
      const was = mirroredPort(before, port, this.rules);
      this.enqueue(mirrorPortCommands(iface, was, mirroredPort(after, port, this.rules)));
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
