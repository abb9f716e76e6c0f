import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { listRuns } from '../report/run-record.js';
import { EXIT } from './exit-codes.js';

/** What `acp-play runs` does; runs-command.ts imports this only when it runs (--help stays light). */
export async function runsAction(flags: { show?: string }, setExit: (code: number) => void): Promise<void> {
  const runs = listRuns();
  if (!flags.show) {
    if (runs.length === 0) process.stdout.write('no runs recorded in .acp-play/runs\n');
    for (const r of runs) {
      const hosts = r.result?.hosts ?? [];
      const count = (s: string) => hosts.filter((h) => h.status === s).length;
      const summary = r.abandoned
        ? 'ABANDONED with work in flight (see abandoned.json)'
        : r.result
          ? `${r.result.mode}: ${count('changed')} changed, ${count('unchanged')} ok, ${count('failed') + count('unreachable')} failed` +
            (r.result.interrupted ? `, ${count('not-applied')} not applied (interrupted)` : '')
          : r.plan
            ? `plan: ${r.plan.summary.changes} change(s) on ${r.plan.summary.hostsWithChanges} host(s)` +
              (r.plan.interrupted ? `, ${r.plan.summary.notPlanned} not planned (interrupted)` : '')
            : 'no result';
      process.stdout.write(`${r.id}  ${summary}  ${r.command}\n`);
    }
    setExit(EXIT.ok);
    return;
  }
  const wanted =
    flags.show === 'last'
      ? runs.at(-1)
      : (runs.find((r) => r.id === flags.show) ??
        single(
          runs.filter((r) => r.id.includes(flags.show!)),
          flags.show,
        ));
  if (!wanted)
    throw new ConfigError({
      severity: 'error',
      message: `no recorded run matches "${flags.show}"`,
      fix: 'list them with `acp-play runs`',
    });
  process.stdout.write(`run ${wanted.id}\ncommand: ${wanted.command}\n`);
  for (const file of readdirSync(wanted.dir)
    .filter((f) => f.endsWith('.log'))
    .sort()) {
    process.stdout.write(`\n---- ${file.replace(/\.log$/, '')} ----\n${readFileSync(join(wanted.dir, file), 'utf8')}`);
  }
  if (wanted.result) process.stdout.write(`\n---- result ----\n${JSON.stringify(wanted.result, null, 2)}\n`);
  if (wanted.abandoned)
    process.stdout.write(`\n---- abandoned ----\n${readFileSync(join(wanted.dir, 'abandoned.json'), 'utf8')}`);
  setExit(EXIT.ok);
}

function single<T extends { id: string }>(matches: T[], prefix: string): T | undefined {
  if (matches.length > 1)
    throw new ConfigError({
      severity: 'error',
      message: `"${prefix}" matches ${matches.length} runs`,
      fix: 'give more of the run id',
    });
  return matches[0];
}
