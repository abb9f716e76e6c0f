import { appendFileSync, mkdirSync, readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AbandonedWork, RunPlan, RunResult } from '../core/run.js';
import type { TranscriptSink } from '../core/transport.js';
import { runJson } from './run-json.js';

/** Where run records live: `.acp-play/runs/` in the working directory. */
export function runsDir(cwd = process.cwd()): string {
  return join(cwd, '.acp-play', 'runs');
}

/**
 * One run's record: `.acp-play/runs/<UTC timestamp>-<run id>/` holding plan.json, result.json and one transcript
 * per host (`<host>.log`: every command and its output, secrets already masked by the transport). Everything goes
 * through `redact` (the run's secret masking) on its way to disk.
 */
export class RunRecord implements TranscriptSink {
  readonly dir: string;

  constructor(
    readonly runId: string,
    readonly command: string,
    cwd = process.cwd(),
    now = new Date(),
    private readonly redact: (text: string) => string = (t) => t,
  ) {
    const stamp = now.toISOString().replace(/[-:]/g, ''); // 20261127T224554.123Z: sorts by time, to the millisecond
    this.dir = join(runsDir(cwd), `${stamp}-${runId}`);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(this.dir, 'command.txt'), `${redact(command)}\n`);
  }

  record(entry: { host: string; kind: string; text: string; output?: string; exitCode?: number | null }): void {
    const time = new Date().toISOString();
    const head = `[${time}] ${entry.kind}: ${entry.text}${entry.exitCode !== undefined ? ` (exit ${entry.exitCode})` : ''}\n`;
    const body = entry.output ? entry.output.replace(/^/gm, '  | ').replace(/\s*$/, '\n') : '';
    appendFileSync(join(this.dir, `${safeFileName(entry.host)}.log`), this.redact(head + body), { mode: 0o600 });
  }

  writePlan(plan: RunPlan): void {
    writeFileSync(join(this.dir, 'plan.json'), runJson(plan, this.redact), { mode: 0o600 });
  }

  writeResult(result: RunResult): void {
    writeFileSync(join(this.dir, 'result.json'), runJson(result, this.redact), { mode: 0o600 });
  }

  /** The run was left with work in flight (a third Ctrl-C): what was running, so the hosts can be checked. */
  writeAbandoned(work: readonly AbandonedWork[]): void {
    const doc = { interrupted: true, abandonedAt: new Date().toISOString(), abandoned: work };
    writeFileSync(join(this.dir, 'abandoned.json'), runJson(doc, this.redact), { mode: 0o600 });
  }
}

function safeFileName(host: string): string {
  return host.replace(/[^A-Za-z0-9._-]/g, '_');
}

export interface RunSummary {
  readonly id: string;
  readonly dir: string;
  readonly command: string;
  readonly result?: RunResult;
  readonly plan?: RunPlan;
  /** The run was left with work in flight (a third Ctrl-C). */
  readonly abandoned?: boolean;
}

/** Lists recorded runs, oldest first. */
export function listRuns(cwd = process.cwd()): RunSummary[] {
  const dir = runsDir(cwd);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => readRun(join(dir, name), name));
}

function readRun(dir: string, id: string): RunSummary {
  const read = <T>(file: string): T | undefined =>
    existsSync(join(dir, file)) ? (JSON.parse(readFileSync(join(dir, file), 'utf8')) as T) : undefined;
  const command = existsSync(join(dir, 'command.txt')) ? readFileSync(join(dir, 'command.txt'), 'utf8').trim() : '';
  const result = read<RunResult>('result.json');
  const plan = read<RunPlan>('plan.json');
  const abandoned = existsSync(join(dir, 'abandoned.json'));
  return {
    id,
    dir,
    command,
    ...(result ? { result } : {}),
    ...(plan ? { plan } : {}),
    ...(abandoned ? { abandoned } : {}),
  };
}
