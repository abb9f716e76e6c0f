import { readFileSync } from 'node:fs';
import type { CommandResult, Transport } from '../../src/core/transport.js';

/**
 * A stub fake_os switch over exec: `show config` answers its configuration (first read from a fixture file), a
 * configuration line replaces the line of the same setting, `no vlan ID` removes one, `save`/`discard`/`restore NAME`
 * keep copies. Every command is logged.
 */
export class FakeOsDevice implements Transport {
  readonly log: string[] = [];
  lines: string[];
  private readonly saved = new Map<string, string[]>();

  constructor(
    readonly host: string,
    configFile: string,
  ) {
    this.lines = readFileSync(configFile, 'utf8').split('\n').filter(Boolean);
  }

  async exec(command: string): Promise<CommandResult> {
    this.log.push(command);
    const answer = (stdout: string, exitCode = 0, stderr = '') => ({
      command,
      stdout,
      stderr,
      exitCode,
      durationMs: 0,
    });
    const [verb, name = ''] = command.split(' ');
    if (command === 'show config') return answer(`${this.lines.join('\n')}\n`);
    if (command === 'write startup') return answer('');
    if (verb === 'save') this.saved.set(name, [...this.lines]);
    else if (verb === 'discard') this.saved.delete(name);
    else if (verb === 'restore') this.lines = [...(this.saved.get(name) ?? this.lines)];
    else if (/^no vlan \d+$/.test(command))
      this.lines = this.lines.filter((l) => !l.startsWith(`vlan ${command.split(' ')[2]} `));
    else if (/^(vlan \d+ name \S+|port \S+ \S+ .+)$/.test(command)) this.set(command);
    else return answer('', 1, `unknown command: ${command}`);
    return answer('');
  }

  async shell(): Promise<never> {
    throw new Error('fake_os has no CLI shell');
  }

  async upload(): Promise<void> {
    throw new Error('fake_os takes no files');
  }

  async close(): Promise<void> {}

  /** Replaces the line of the same setting (`vlan ID`, `port NAME KEY`), or adds it. */
  private set(line: string): void {
    const key = line
      .split(' ')
      .slice(0, line.startsWith('vlan') ? 2 : 3)
      .join(' ');
    const at = this.lines.findIndex((l) => l.startsWith(`${key} `));
    if (at >= 0) this.lines[at] = line;
    else this.lines.push(line);
  }
}
