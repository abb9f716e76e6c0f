import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { withNodeState } from './node-state-file.js';
import { applyDesired } from './nmstate-sim-apply.js';
import {
  busctlCheckpoints,
  createCheckpoint,
  destroyCheckpoint,
  expireCheckpoints,
  rollbackCheckpoint,
} from './nmstate-sim-checkpoints.js';
import { orderIface, showText, type SimIface, type SimNodeState } from './nmstate-sim-state.js';

/**
 * The fake `nmstatectl` (and `busctl`) of the node simulator: a SIMULATOR of nmstatectl 2.2.62 on NetworkManager,
 * not nmstate. It keeps one node's interfaces in a JSON file and implements only what acp-play's nmstate driver
 * sends, with the observable behaviour of the real tool (read from nmstatectl 2.2.62's source and the outputs
 * recorded in test/fixtures/nmstate/recorded/):
 *   show [--json] [IFNAME]          every section, or only the interface whose name equals IFNAME (2.2.62 has no
 *                                   comma lists or globs: `show a,b` prints `{"interfaces": []}`)
 *   apply [--no-commit] [--timeout N] FILE...   partial desired state merged over the current one; log on stderr
 *                                   (`Created checkpoint …`, `Skipping commit for checkpoint …`), the applied
 *                                   difference as YAML on stdout; a refused state leaves no checkpoint, a failed
 *                                   activation is rolled back (`Rollbacked to checkpoint …`), exit 1
 *   commit [CP] / rollback [CP]     NetworkManager's CheckpointDestroy / CheckpointRollback; the path on stdout
 *   busctl … Checkpoints            `ao N "path"…`
 * Checkpoints past their timeout are rolled back at the start of every invocation (and by the simulator's timer),
 * as NetworkManager does by itself.
 *
 * Not modelled: the kernel (no devices, no traffic, no carrier), NetworkManager profiles and their UUIDs (made-up
 * stable ones in the log), DNS, routes, route rules, OVS, bonds and every interface type other than vlan and
 * linux-bridge beyond their base properties, `--no-verify` and `--memory-only` (accepted, ignored), verification
 * retries, `gc`, `gr`, `edit`, `policy`, `service`. The wording of a failed VLAN activation (missing base
 * interface) is the simulator's own; NetworkManager's real message was not recorded.
 */

/** What one invocation printed and its exit status. */
export interface FakeRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

const VERSION = '2.2.62';

interface Out {
  stdout: string;
  stderr: string;
  quiet: boolean;
  now: number;
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function log(out: Out, level: 'INFO' | 'WARN' | 'ERROR', module: string, text: string): void {
  if (!out.quiet) out.stderr += `[${stamp(out.now)} ${level.padEnd(5)} ${module}] ${text}\n`;
}

/** Exit like nmstatectl's print_result_and_exit: the result and a newline, or the error on stderr. */
function done(out: Out, result: string | { error: string; code?: number }): FakeRun {
  if (typeof result === 'string') return { stdout: `${out.stdout}${result}\n`, stderr: out.stderr, code: 0 };
  return { stdout: out.stdout, stderr: `${out.stderr}${result.error}\n`, code: result.code ?? 1 };
}

/** Runs `nmstatectl ARGS` against the node state file at `statePath`. `now` is injectable for tests. */
export function runFakeNmstatectl(argv: readonly string[], statePath: string, now = Date.now()): FakeRun {
  const args = [...argv];
  const out: Out = { stdout: '', stderr: '', quiet: args.includes('-q') || args.includes('--quiet'), now };
  const flags = args.filter((a) => a.startsWith('-'));
  const words = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--timeout');
  const sub = words.shift();
  if (flags.includes('--version') || flags.includes('-V') || sub === 'version')
    return done(out, `nmstatectl ${VERSION}`);
  log(out, 'INFO', 'nmstatectl', `Nmstate version: ${VERSION}`);
  return withNodeState(statePath, (state) => {
    const expired = expireCheckpoints(state, now);
    const changed = expired.length > 0 ? state : undefined;
    switch (sub) {
      case 's':
      case 'show': {
        const text = showText(state, words[0]);
        return {
          state: changed,
          result: done(out, flags.includes('--json') ? text : stringify(JSON.parse(text), { indentSeq: false })),
        };
      }
      case 'a':
      case 'set':
      case 'apply':
        return (
          apply(state, args, words, out, now) ?? {
            state: changed,
            result: done(out, { error: 'std::io::Error: No such file or directory (os error 2)' }),
          }
        );
      case 'commit':
      case 'rollback':
        return checkpointCommand(state, sub, words[0] ?? '', out, changed);
      default:
        return {
          state: changed,
          result: done(out, { error: `error: unrecognized subcommand '${sub ?? ''}'`, code: 2 }),
        };
    }
  });
}

function apply(
  state: SimNodeState,
  args: string[],
  files: string[],
  out: Out,
  now: number,
): { state?: SimNodeState; result: FakeRun } | undefined {
  const noCommit = args.includes('--no-commit');
  const t = args[args.indexOf('--timeout') + 1];
  let timeout = 60;
  if (args.includes('--timeout')) {
    if (t === undefined || !/^\d+$/.test(t))
      return { result: done(out, { error: 'invalid digit found in string', code: 65 }) };
    timeout = Number(t);
    if (!noCommit)
      log(
        out,
        'WARN',
        'nmstatectl::apply',
        '--timeout is only effective when used with --no-commit. The timeout value will be ignored.',
      );
  }
  let stdout = '';
  for (const file of files) {
    let desired: unknown;
    try {
      desired = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code) return undefined;
      return {
        result: done(out, { error: `serde_yaml::Error: ${(error as Error).message.split('\n')[0]}`, code: 65 }),
      };
    }
    const result = applyDesired(state.interfaces, desired, state.hostname);
    if (!result.ok && result.stage === 'validate') {
      log(out, 'ERROR', 'nmstate::query_apply::net_state', result.error.replace(/^NmstateError: /, ''));
      return { state, result: done(out, { error: result.error }) };
    }
    if (state.checkpoints.length > 0) {
      return {
        state,
        result: done(out, {
          error:
            'NmstateError: Bug: CheckpointConflict: Another checkpoint exists, please wait its timeout or destroy it',
        }),
      };
    }
    const cp = createCheckpoint(state, timeout, now);
    log(out, 'INFO', 'nmstate::query_apply::net_state', `Created checkpoint ${cp.path}`);
    for (const line of result.log) log(out, 'INFO', 'nmstate::ifaces::inter_ifaces', line);
    if (!result.ok) {
      log(out, 'ERROR', 'nmstate::nm::query_apply::apply', result.error.replace(/^NmstateError: /, ''));
      rollbackCheckpoint(state, cp);
      log(out, 'INFO', 'nmstate::query_apply::net_state', `Rollbacked to checkpoint ${cp.path}`);
      return { state, result: done(out, { error: result.error }) };
    }
    const before = new Set(state.interfaces.map((i) => i.name));
    for (const name of result.changed) {
      const iface = result.interfaces.find((i) => i.name === name);
      const verb = !iface ? 'Deleting' : before.has(name) ? 'Modifying' : 'Creating';
      const type = iface?.type === 'linux-bridge' ? 'bridge' : (iface?.type ?? 'unknown');
      log(
        out,
        'INFO',
        'nmstate::nm::query_apply::connection',
        `${verb} connection ${fakeUuid(state.hostname, name)}: ${name}/${type}`,
      );
    }
    state.interfaces = result.interfaces;
    if (noCommit) log(out, 'INFO', 'nmstate::query_apply::net_state', `Skipping commit for checkpoint ${cp.path}`);
    else {
      destroyCheckpoint(state, cp);
      log(out, 'INFO', 'nmstate::query_apply::net_state', `Destroyed checkpoint ${cp.path}`);
    }
    stdout += appliedDiff(desired, result.changed);
  }
  return { state, result: done(out, stdout) };
}

/** stdout of apply: the desired interfaces that changed something, sorted, in nmstate's sorted YAML layout. */
function appliedDiff(desired: unknown, changed: readonly string[]): string {
  const list = (desired as { interfaces?: unknown[] } | null)?.interfaces ?? [];
  const ifaces = (Array.isArray(list) ? list : [])
    .filter(
      (i): i is SimIface => typeof (i as SimIface | null)?.name === 'string' && changed.includes((i as SimIface).name),
    )
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((i) => orderIface(i, true));
  return stringify({ 'route-rules': {}, routes: {}, interfaces: ifaces, ovn: {} }, { indentSeq: false });
}

function checkpointCommand(
  state: SimNodeState,
  sub: 'commit' | 'rollback',
  path: string,
  out: Out,
  changed: SimNodeState | undefined,
): { state?: SimNodeState; result: FakeRun } {
  const cp = path === '' ? state.checkpoints[0] : state.checkpoints.find((c) => c.path === path);
  if (!cp) {
    const error =
      path === ''
        ? 'NmstateError: Bug: NotFound: Not active checkpoints'
        : `NmstateError: Bug: Manager(InvalidArguments): checkpoint ${path} does not exist`;
    return { state: changed, result: done(out, { error }) };
  }
  if (sub === 'commit') destroyCheckpoint(state, cp);
  else rollbackCheckpoint(state, cp);
  // nmstatectl prints the argument it was given (an empty line for `commit` without one).
  return { state, result: done(out, path) };
}

function fakeUuid(node: string, iface: string): string {
  const h = createHash('sha256').update(`${node}/${iface}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The fake `busctl`: only `get-property org.freedesktop.NetworkManager … Checkpoints`. */
export function runFakeBusctl(argv: readonly string[], statePath: string, now = Date.now()): FakeRun {
  const words = argv.filter((a) => !a.startsWith('-'));
  const known =
    words[0] === 'get-property' &&
    words[1] === 'org.freedesktop.NetworkManager' &&
    words[2] === '/org/freedesktop/NetworkManager' &&
    words[3] === 'org.freedesktop.NetworkManager' &&
    words[4] === 'Checkpoints';
  if (!known)
    return {
      stdout: '',
      stderr: `busctl (node simulator): only \`get-property org.freedesktop.NetworkManager /org/freedesktop/NetworkManager org.freedesktop.NetworkManager Checkpoints\` is simulated\n`,
      code: 1,
    };
  return withNodeState(statePath, (state) => {
    const expired = expireCheckpoints(state, now);
    return {
      ...(expired.length > 0 ? { state } : {}),
      result: { stdout: `${busctlCheckpoints(state)}\n`, stderr: '', code: 0 },
    };
  });
}
