import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PortStage } from '../../../src/cabling/port-roles.js';
import { InternalError } from '../../../src/core/errors.js';
import type { Task } from '../../../src/core/playbook.js';
import { parsePlaybook } from '../../../src/playbook/load-playbook.js';
import {
  moduleArgs,
  type CommandArgs,
  type NmstateArgs,
  type SwitchPortsArgs,
} from '../../../src/playbook/module-args.js';

const task = (module: Task['module'], args: Record<string, unknown>): Task => ({
  name: 't',
  module,
  args,
  tags: [],
  location: { file: 'pb.yaml', line: 1, col: 1 },
});

describe('moduleArgs', () => {
  it("hands a module its task's arguments, typed by the module's schema", () => {
    const args = moduleArgs(task('command', { cmd: 'ls', creates: '/x' }), 'command');
    expect(args).toEqual({ cmd: 'ls', creates: '/x' });
    expectTypeOf(args).toEqualTypeOf<CommandArgs>();
    expectTypeOf(moduleArgs(task('nmstate', {}), 'nmstate').timeout).toEqualTypeOf<number | undefined>();
    expectTypeOf<NmstateArgs['probes']>().toEqualTypeOf<{ [key: string]: any }[] | undefined>();
  });

  it('refuses a task of another module, or arguments its schema does not take', () => {
    expect(() => moduleArgs(task('nmstate', {}), 'command')).toThrow(InternalError);
    expect(() => moduleArgs(task('command', {}), 'command')).toThrow(/no valid command arguments/);
    expect(() => moduleArgs(task('nmstate', { timeout: 'soon' }), 'nmstate')).toThrow(InternalError);
  });

  it('reads what the loader put in the module/args form', () => {
    const pb = parsePlaybook('- hosts: all\n  tasks:\n    - shell: creates=/r touch /r\n', 'pb.yaml');
    expect(moduleArgs(pb.plays[0]!.tasks[0]!, 'command')).toEqual({ cmd: 'touch /r', creates: '/r' });
  });
});

describe('the nmstate timeout', () => {
  it('is 5-3600 seconds, checked when the playbook is loaded, at its line', () => {
    expect(() => parsePlaybook('- hosts: all\n  tasks:\n    - nmstate: {timeout: 4}\n', 'pb.yaml')).toThrow(
      'pb.yaml:3:26: play 1, task 1: nmstate.timeout must be a whole number of seconds, 5-3600, found 4',
    );
    expect(
      parsePlaybook('- hosts: all\n  tasks: [{nmstate: {timeout: 3600}}]\n', 'pb.yaml').plays[0]!.tasks[0]!.args,
    ).toEqual({ timeout: 3600 });
  });
});

describe('the ports of switch_ports', () => {
  it('are the port stages the switch module knows, checked when the playbook is loaded', () => {
    expectTypeOf<Exclude<SwitchPortsArgs['ports'], undefined>>().toEqualTypeOf<PortStage>();
    expect(() => parsePlaybook('- hosts: all\n  tasks: [{switch_ports: {ports: day2}}]\n', 'pb.yaml')).toThrow(
      'pb.yaml:2:34: play 1, task 1: switch_ports.ports is "day2"; allowed values: day0, day1, all — did you mean day0?',
    );
  });
});
