import { ConfigError, type Problem } from '../core/errors.js';
import { AddressBook } from './addresses.js';
import { HostSessionSlot } from './host-session-slot.js';
import { playHosts, selectTasks } from './play-hosts.js';
import type { RunOptions } from './run-options.js';
import { systemClock } from './system-clock.js';
import { addressOf } from './task-plan.js';
import type { TaskContext } from '../core/module.js';

/**
 * Renders every task's desired state for every host before anything is contacted, so a template error or a
 * templated argument naming a missing variable is bad input (exit 3) rather than a host failing mid-run; and two
 * tasks of one play with the same address on a host (two `switch_ports` tasks, two files with one path) are bad
 * input too.
 */
export async function prerenderRun(opts: Omit<RunOptions, 'reporter' | 'connect'>): Promise<void> {
  const problems: Problem[] = [];
  const addresses = new AddressBook();
  for (const play of opts.playbook.plays) {
    for (const host of playHosts(opts.inventory, play, opts.limit)) {
      for (const task of selectTasks(play, opts.tags)) {
        const module = opts.modules.get(task.module);
        if (!module || module.unsupported?.(host, opts.site)) continue;
        const ctx: TaskContext = {
          host,
          site: opts.site,
          task,
          runId: opts.runId,
          signal: opts.signal,
          clock: opts.clock ?? systemClock,
          session: new HostSessionSlot(),
          note: () => undefined,
          openConnection: () => Promise.reject(new Error('no connection while rendering')),
        };
        try {
          addresses.add(play, host, task, addressOf(module, host.name, task, await module.render(ctx)));
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          for (const p of error.problems) problems.push({ ...p, message: `${host.name}: ${p.message}` });
        }
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  addresses.check();
}
