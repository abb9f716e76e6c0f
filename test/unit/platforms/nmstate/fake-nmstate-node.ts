import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CommandError, ConnectError } from '../../../../src/core/errors.js';
import type { NmstateInterface, NmstateState } from '../../../../src/platforms/nmstate/nmstate-state.js';
import type { CommandResult, Transport } from '../../../../src/core/transport.js';

const RECORDED = join(import.meta.dirname, '../../../fixtures/nmstate/recorded');

/** A recorded `nmstatectl show --json` (real nmstatectl 2.2.62 output, test/fixtures/nmstate/recorded/). */
export function recordedShow(name: 'show-before.json' | 'show-after.json'): NmstateState {
  return JSON.parse(readFileSync(join(RECORDED, name), 'utf8')) as NmstateState;
}

/** How the fake node misbehaves. */
export interface FakeBehaviour {
  /** The apply cuts the node off: commands stop answering until NetworkManager's timeout rolls it back. */
  readonly cutOnApply?: boolean;
  /** A checkpoint is already open when the run starts. */
  readonly staleCheckpoint?: string;
}

/**
 * A node answering the nmstate module's commands by their text, with real recorded `show` output: it starts as
 * show-before.json; an apply merges the uploaded desired state onto it (a created interface takes its full
 * recorded form from show-after.json), under a checkpoint that commit drops and rollback or the timeout restores.
 * Virtual time (`now`) drives the checkpoint timeout. Every command is logged as `[conn] text` (+ ` (sudo)`).
 */
export class FakeNmstateNode {
  state: NmstateState = recordedShow('show-before.json');
  now = 1_000_000;
  readonly log: string[] = [];
  readonly files = new Map<string, { content: string; mode: number | undefined }>();
  private checkpoints: { path: string; expiresAt: number; saved: NmstateState }[] = [];
  private nextCheckpoint = 7;
  private connections = 0;
  private cutUntil = 0;

  constructor(
    readonly host: string,
    readonly behaviour: FakeBehaviour = {},
  ) {
    if (behaviour.staleCheckpoint)
      this.checkpoints.push({ path: behaviour.staleCheckpoint, expiresAt: Infinity, saved: this.state });
  }

  /** NetworkManager's own timer: expired checkpoints roll back. */
  tick(): void {
    for (const cp of this.checkpoints.filter((c) => c.expiresAt <= this.now)) {
      this.state = cp.saved;
      this.log.push(`[node] NetworkManager rolled back ${cp.path} by timeout`);
    }
    this.checkpoints = this.checkpoints.filter((c) => c.expiresAt > this.now);
    if (this.cutUntil <= this.now) this.cutUntil = 0;
  }

  names(): string[] {
    return this.state.interfaces.map((i) => i.name).sort();
  }

  /** A new connection; refused while the node is cut off. */
  async connect(): Promise<Transport> {
    this.tick();
    const id = `c${this.connections++}`;
    this.log.push(`[${id}] connect`);
    if (this.cutUntil) throw new ConnectError(this.host, 'connect ETIMEDOUT');
    let dead = false;
    const result = (command: string, stdout: string, exitCode = 0, stderr = ''): CommandResult => ({
      command,
      stdout,
      stderr,
      exitCode,
      durationMs: 1,
    });
    return {
      host: this.host,
      exec: async (cmd, opts = {}) => {
        this.tick();
        this.log.push(`[${id}] ${cmd}${opts.become ? ' (sudo)' : ''}`);
        if (dead || this.cutUntil) {
          dead = true;
          throw new CommandError(this.host, cmd, null, `timed out after ${opts.timeoutMs ?? 0} ms`);
        }
        return this.answer(cmd, result);
      },
      upload: async (path, content, opts = {}) => {
        this.log.push(`[${id}] upload ${path} mode ${opts.mode?.toString(8)}${opts.become ? ' (sudo)' : ''}`);
        this.files.set(path, { content: String(content), mode: opts.mode });
      },
      shell: async () => {
        throw new Error('no shell on a node');
      },
      close: async () => undefined,
    };
  }

  private answer(
    cmd: string,
    result: (c: string, out: string, code?: number, err?: string) => CommandResult,
  ): CommandResult {
    if (cmd === 'nmstatectl show --json') return result(cmd, JSON.stringify(this.state, null, 2));
    if (cmd.startsWith('busctl '))
      return result(cmd, `ao ${this.checkpoints.length}${this.checkpoints.map((c) => ` "${c.path}"`).join('')}\n`);
    if (cmd === 'echo acp-play-alive') return result(cmd, 'acp-play-alive\n');
    const apply = /^nmstatectl apply --no-commit --timeout (\d+) '([^']+)'/.exec(cmd);
    if (apply) return this.apply(cmd, Number(apply[1]), apply[2]!, result);
    const done = /^nmstatectl (commit|rollback) '([^']+)'$/.exec(cmd);
    if (done) {
      const cp = this.checkpoints.find((c) => c.path === done[2]);
      if (!cp) return result(cmd, '', 1, `NmstateError: NotFoundError: checkpoint ${done[2]} not found`);
      if (done[1] === 'rollback') this.state = cp.saved;
      this.checkpoints = this.checkpoints.filter((c) => c !== cp);
      return result(cmd, '', 0, '[INFO  nmstatectl] Nmstate version: 2.2.62\n');
    }
    if (/test -e \/nonexistent/.test(cmd)) return result(cmd, '', 1);
    if (cmd.includes('/sys/class/net/')) {
      const name = /\/sys\/class\/net\/([^/]+)\/operstate/.exec(cmd)?.[1] ?? '';
      return this.names().includes(name) ? result(cmd, '') : result(cmd, `${name} operstate: missing\n`, 1);
    }
    return result(cmd, '', 127, `fake node: unknown command ${cmd}`);
  }

  private apply(
    cmd: string,
    timeoutS: number,
    file: string,
    result: (c: string, out: string, code?: number, err?: string) => CommandResult,
  ): CommandResult {
    const upload = this.files.get(file);
    if (!upload) return result(cmd, '', 1, `No such file ${file}`);
    this.files.delete(file);
    const desired = parse(upload.content) as NmstateState;
    const path = `/org/freedesktop/NetworkManager/Checkpoint/${this.nextCheckpoint++}`;
    this.checkpoints.push({ path, expiresAt: this.now + timeoutS * 1000, saved: this.state });
    this.state = merged(this.state, desired);
    if (this.behaviour.cutOnApply) {
      this.cutUntil = this.now + timeoutS * 1000;
      throw new CommandError(this.host, cmd, null, `timed out after ${timeoutS * 1000} ms`);
    }
    return result(
      cmd,
      '',
      0,
      `[INFO  nmstate::query_apply::net_state] Created checkpoint ${path}\n[INFO  nmstate::query_apply::net_state] Skipping commit for checkpoint ${path}\n`,
    );
  }
}

function merged(current: NmstateState, desired: NmstateState): NmstateState {
  const recorded = recordedShow('show-after.json').interfaces;
  let list: NmstateInterface[] = [...current.interfaces];
  for (const want of desired.interfaces) {
    if (want.state === 'absent') {
      list = list.filter((i) => i.name !== want.name);
      continue;
    }
    const base = list.find((i) => i.name === want.name) ??
      recorded.find((i) => i.name === want.name) ?? { name: want.name };
    list = [...list.filter((i) => i.name !== want.name), deepMerge(base, want) as NmstateInterface];
  }
  return { ...current, interfaces: list.sort((a, b) => a.name.localeCompare(b.name)) };
}

function deepMerge(a: unknown, b: unknown): unknown {
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = deepMerge(out[k], v);
    return out;
  }
  return b;
}
