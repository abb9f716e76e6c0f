import { ConfigError, type Problem } from '../core/errors.js';
import type { Host } from '../core/inventory.js';
import type { Play, Task } from '../core/playbook.js';

/**
 * Addresses name a task and a change the same way in every plan of a site: `<host>/<module>[/<target>]` for a task
 * (`switch1/switch_ports`, `h0/file//etc/motd`), `<host>/<module>/<resource>` for a change
 * (`switch1/switch_ports/Ethernet1/3`).
 */
export function taskAddress(host: string, module: string, target?: string): string {
  return target === undefined ? `${host}/${module}` : `${host}/${module}/${target}`;
}

export function changeAddress(host: string, module: string, resource: string): string {
  return `${host}/${module}/${resource}`;
}

/** Collects the task addresses of each play and host; two tasks with one address in a play are an input error. */
export class AddressBook {
  private readonly seen = new Map<string, Task>();
  private readonly problems: Problem[] = [];

  add(play: Play, host: Host, task: Task, address: string): void {
    const key = `${play.location.file}:${play.location.line}\u0000${address}`;
    const first = this.seen.get(key);
    if (!first) {
      this.seen.set(key, task);
      return;
    }
    this.problems.push({
      severity: 'error',
      location: task.location,
      message: `play "${play.name}": tasks "${first.name}" (line ${first.location.line}) and "${task.name}" both address ${address} on ${host.name}`,
      fix: 'merge them into one task, or move one to another play: in one play, a change address must be unique',
    });
  }

  /** Throws the collected problems as one ConfigError (exit 3). */
  check(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}
