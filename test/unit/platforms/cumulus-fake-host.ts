import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommandResult, Transport } from '../../../src/core/transport.js';

const fixtures = fileURLToPath(new URL('../../fixtures/cumulus-driver/', import.meta.url));

/** A recorded fixture file (test/fixtures/cumulus-driver/NAME). */
export function cumulusFixture(name: string): string {
  return readFileSync(fixtures + name, 'utf8');
}

export const INTERFACES = '/etc/network/interfaces';

/**
 * A Cumulus switch for unit tests, answering by command: a file system (a Map), `bridge -j vlan show` from the kernel
 * state, and `ifreload -a`, which looks the written file up among files recorded on real ifupdown2 (in the UML lab)
 * and takes the `bridge -j vlan show` recorded with it; a file naming a port in `missingPorts` fails the way real
 * ifreload did (ifreload-missing-port.txt). Every exec and upload is logged.
 */
export class FakeCumulusHost implements Transport {
  readonly host = 'switch1';
  readonly files = new Map<string, string>();
  readonly log: string[] = [];
  kernel: string;
  private readonly recorded = new Map<string, string>();

  constructor(
    states: readonly string[],
    private readonly missingPorts: readonly string[] = ['swp9'],
  ) {
    for (const s of states) this.recorded.set(cumulusFixture(`${s}.interfaces`), cumulusFixture(`${s}.vlans.json`));
    this.files.set(INTERFACES, cumulusFixture(`${states[0]}.interfaces`));
    this.kernel = cumulusFixture(`${states[0]}.vlans.json`);
  }

  async exec(command: string, opts: { become?: boolean } = {}): Promise<CommandResult> {
    this.log.push(opts.become ? `sudo ${command}` : command);
    const ok = (stdout = ''): CommandResult => ({ command, stdout, stderr: '', exitCode: 0, durationMs: 1 });
    const fail = (stderr: string, exitCode = 1): CommandResult => ({
      command,
      stdout: '',
      stderr,
      exitCode,
      durationMs: 1,
    });
    const args = [...command.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    if (command.startsWith('cat '))
      return this.files.has(args[0]!)
        ? ok(this.files.get(args[0]!))
        : fail(`cat: ${args[0]}: No such file or directory`);
    if (command === 'bridge -j vlan show') return ok(this.kernel);
    if (command.startsWith('cp -p ') || command.startsWith('mv -f ')) {
      const text = this.files.get(args[0]!);
      if (text === undefined)
        return fail(`${command.slice(0, 2)}: cannot stat '${args[0]}': No such file or directory`);
      this.files.set(args[1]!, text);
      if (command.startsWith('mv')) this.files.delete(args[0]!);
      return ok();
    }
    if (command.startsWith('rm -f ')) {
      for (const a of args) this.files.delete(a);
      return ok();
    }
    if (command === 'ifreload -a') {
      const text = this.files.get(INTERFACES) ?? '';
      if (this.missingPorts.some((p) => new RegExp(`bridge-ports .*\\b${p}\\b`).test(text)))
        return fail(cumulusFixture('ifreload-missing-port.txt'));
      const kernel = this.recorded.get(text);
      if (kernel === undefined) throw new Error(`no ifupdown2 recording for this file:\n${text}`);
      this.kernel = kernel;
      return ok();
    }
    throw new Error(`unexpected command: ${command}`);
  }

  async upload(path: string, content: string | Buffer, opts: { mode?: number; become?: boolean } = {}): Promise<void> {
    this.log.push(`upload ${path} mode ${(opts.mode ?? 0).toString(8)}${opts.become ? ' become' : ''}`);
    this.files.set(path, content.toString());
  }

  async shell(): Promise<never> {
    throw new Error('Cumulus is driven over exec, not a shell');
  }

  async close(): Promise<void> {}
}
