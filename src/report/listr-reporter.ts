import { Listr, type ListrTaskWrapper } from 'listr2';
import type { HostStatus, Reporter, RunEvent, RunEventHandlers } from '../core/run.js';
import { interruptText } from './interrupt-text.js';

interface HostLine {
  title: string;
  output?: string;
  finished?: boolean;
  wrapper?: ListrTaskWrapper<unknown, any, any>;
  finish?: (status: HostStatus, error?: string, planned?: boolean) => void;
  done: Promise<{ status: HostStatus; error?: string; planned?: boolean }>;
}

/**
 * The TTY view: a listr2 tree per play (play -> host), each host line showing the task in progress and ending as
 * ok / changed / failed / unreachable. The runner never waits for the renderer: events are buffered per host until
 * its line is drawn.
 */
export class ListrReporter implements Reporter {
  private rendering: Promise<void> = Promise.resolve();
  private lines = new Map<string, HostLine>();
  private readonly handlers: RunEventHandlers;
  private readonly notes: string[] = [];

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.handlers = {
      'run-start': () => undefined,
      'play-start': (e) => this.startPlay(`${e.play}${e.pass === 'reverse' ? ' (removals)' : ''}`, e.hosts),
      'play-skip': (e) => this.notes.push(`PLAY [${e.play}] skipped: ${e.reason}`),
      'host-start': () => undefined,
      'task-start': (e) => this.setOutput(e.host, `${e.task}…`),
      'task-note': (e) => this.setOutput(e.host, `${e.task}: ${e.text}`),
      'task-end': (e) =>
        this.setOutput(
          e.host,
          `${e.outcome.task}: ${e.planned ? planned(e.outcome.status) : e.outcome.status}${e.outcome.status === 'changed' ? ` (${e.outcome.changes.length} change(s))` : ''}`,
        ),
      'host-end': (e) => this.lines.get(e.host)?.finish?.(e.status, e.error, e.planned),
      'batch-abort': (e) => {
        this.notes.push(`PLAY [${e.play}] stopped: ${e.reason}`);
        for (const host of e.notStarted) this.lines.get(host)?.finish?.('skipped', 'not started');
      },
      // Shown at once under every host line still running (the operator pressing Ctrl-C needs the answer now; a
      // raw write would be redrawn over), and again after the tree.
      interrupt: (e) => {
        const text = interruptText(e);
        this.notes.push(text);
        for (const [host, line] of this.lines) if (!line.finished) this.setOutput(host, text);
      },
      'run-end': () => {
        // Hosts of a play that never got to run (interrupted) end as skipped, so the renderer can finish.
        for (const line of this.lines.values()) line.finish?.('skipped', 'not reached');
      },
    };
  }

  emit(event: RunEvent): void {
    (this.handlers[event.kind] as (e: RunEvent) => void)(event);
  }

  async close(): Promise<void> {
    for (const line of this.lines.values()) line.finish?.('skipped', 'not reached');
    await this.rendering;
    for (const note of this.notes) this.stream.write(`${note}\n`);
  }

  private startPlay(play: string, hosts: string[]): void {
    const lines = new Map<string, HostLine>();
    for (const host of hosts) {
      let finish!: HostLine['finish'];
      const done = new Promise<{ status: HostStatus; error?: string; planned?: boolean }>((resolve) => {
        finish = (status, error, isPlanned) => {
          const line = lines.get(host);
          if (line) line.finished = true;
          resolve({ status, ...(error ? { error } : {}), ...(isPlanned ? { planned: true } : {}) });
        };
      });
      lines.set(host, { title: host, finish, done });
    }
    // Older plays' lines are finished already; keep only this play's for updates.
    this.lines = lines;
    const list = new Listr(
      [
        {
          title: `PLAY [${play}]`,
          task: (_ctx, task) =>
            task.newListr(
              hosts.map((host) => ({
                title: host,
                task: async (_c: unknown, wrapper: ListrTaskWrapper<unknown, any, any>) => {
                  const line = lines.get(host)!;
                  line.wrapper = wrapper;
                  if (line.output) wrapper.output = line.output;
                  const { status, error, planned: isPlanned } = await line.done;
                  wrapper.title = `${host}: ${isPlanned ? planned(status) : status}`;
                  if (status === 'failed' || status === 'unreachable') throw new Error(error ?? status);
                  // Not a test: listr2's way to draw a host line as skipped (not started, or no task applied).
                  if (status === 'skipped') wrapper.skip(`${host}: ${error ?? 'skipped'}`);
                },
              })),
              { concurrent: true, exitOnError: false },
            ),
        },
      ],
      {
        exitOnError: false,
        // listr2 would exit the process (127) on SIGINT itself: Ctrl-C belongs to the run (src/cli/interrupts.ts).
        registerSignalListeners: false,
        rendererOptions: { collapseSubtasks: false, collapseErrors: false },
        fallbackRendererCondition: () => !this.stream.isTTY,
      },
    );
    this.rendering = this.rendering.then(() =>
      list.run().then(
        () => undefined,
        () => undefined,
      ),
    );
  }

  private setOutput(host: string, text: string): void {
    const line = this.lines.get(host);
    if (!line) return;
    line.output = text;
    if (line.wrapper) line.wrapper.output = text;
  }
}

/** Words for the planning pass, where nothing has changed yet. */
function planned(status: string): string {
  return status === 'changed' ? 'will change' : status === 'ok' || status === 'unchanged' ? 'in sync' : status;
}
