import type { Reporter, RunEvent, RunEventHandlers } from '../core/run.js';
import type { Palette } from './colors.js';
import { interruptText } from './interrupt-text.js';

/**
 * Plain lines for pipes and CI: one event per line, the host name in every line, so interleaved parallel output
 * stays readable with grep.
 */
export class PlainReporter implements Reporter {
  private readonly handlers: RunEventHandlers;

  constructor(
    private readonly write: (line: string) => void,
    color: Palette,
  ) {
    this.handlers = {
      'run-start': (e) => write(`${e.mode} ${e.runId}: ${e.hosts} host(s), ${e.plays} play(s)`),
      'play-start': (e) =>
        write(color.bold(`PLAY [${e.play}]${e.pass === 'reverse' ? ' (removals)' : ''} ${e.hosts.join(', ')}`)),
      'play-skip': (e) => write(color.dim(`PLAY [${e.play}] skipped: ${e.reason}`)),
      'host-start': () => undefined,
      'task-start': () => undefined,
      'task-note': (e) => write(color.dim(`${e.host}: ${e.task}: ${e.text}`)),
      'task-end': (e) => {
        const o = e.outcome;
        const paint =
          o.status === 'failed'
            ? color.red
            : o.status === 'changed'
              ? color.yellow
              : o.status === 'ok'
                ? color.green
                : color.dim;
        const detail = o.status === 'changed' ? `${o.changes.length} change(s)` : (o.message ?? '');
        const status =
          e.planned && o.status === 'changed' ? 'will change' : e.planned && o.status === 'ok' ? 'in sync' : o.status;
        write(paint(`${e.host}: ${o.task}: ${status}${detail ? ` (${detail})` : ''} [${o.durationMs} ms]`));
      },
      'host-end': () => undefined,
      'batch-abort': (e) =>
        write(color.red(`PLAY [${e.play}] stopped: ${e.reason}; not started: ${e.notStarted.join(', ')}`)),
      interrupt: (e) => write(color.yellow(interruptText(e))),
      'run-end': () => undefined,
    };
  }

  emit(event: RunEvent): void {
    (this.handlers[event.kind] as (e: RunEvent) => void)(event);
  }

  async close(): Promise<void> {}
}

/** Collects events in memory (tests, --json). */
export class MemoryReporter implements Reporter {
  readonly events: RunEvent[] = [];
  emit(event: RunEvent): void {
    this.events.push(event);
  }
  async close(): Promise<void> {}
}
