import { CommandError } from '../../core/errors.js';
import type { TaskModule } from '../../core/module.js';
import { shellQuote } from '../../transport/shell-quote.js';
import { hostTemplateContext } from '../../template/host-context.js';
import { renderString } from '../../template/template-env.js';
import { command } from '../../core/change.js';
import { moduleArgs } from '../../playbook/module-args.js';

interface CommandDesired {
  readonly cmd: string;
  readonly creates?: string;
  /** false: a read-only check that runs while gathering and never counts as a change. */
  readonly changedWhen: boolean;
  readonly become: boolean;
}

interface CommandCurrent {
  readonly createsExists: boolean;
}

/**
 * `command`: runs a command line on a plain Linux host. With `creates: PATH` it is idempotent (skipped once the
 * path exists); with `changed_when: false` it is a check run while gathering, whose failure fails the host.
 */
export const commandModule: TaskModule<CommandDesired, CommandCurrent> = {
  name: 'command',
  verifyByReplan: false,
  target: (d) => d.cmd,
  render(ctx) {
    const a = moduleArgs(ctx.task, 'command');
    const vars = hostTemplateContext(ctx.host);
    const label = `${ctx.task.location.file}:${ctx.task.location.line}: task "${ctx.task.name}"`;
    return {
      cmd: renderString(a.cmd, vars, label),
      ...(a.creates ? { creates: renderString(a.creates, vars, label) } : {}),
      changedWhen: a.changed_when ?? true,
      become: a.become ?? false,
    };
  },
  async gather(conn, desired) {
    if (!desired.changedWhen) {
      const r = await conn.exec(desired.cmd, { become: desired.become });
      if (r.exitCode !== 0) throw new CommandError(conn.host, desired.cmd, r.exitCode, r.stderr || r.stdout);
      return { createsExists: false };
    }
    if (!desired.creates) return { createsExists: false };
    const r = await conn.exec(`test -e ${shellQuote(desired.creates)}`, { become: desired.become });
    return { createsExists: r.exitCode === 0 };
  },
  plan(desired, current) {
    if (!desired.changedWhen)
      return { changes: [], inSync: [{ resource: desired.cmd, reason: 'check passed (changed_when: false)' }] };
    if (desired.creates && current.createsExists) {
      return { changes: [], inSync: [{ resource: desired.cmd, reason: `${desired.creates} exists` }] };
    }
    return {
      changes: [
        {
          resource: `command: ${desired.cmd}`,
          action: 'update',
          diff: desired.creates ? `run (${desired.creates} does not exist)` : 'run',
          commands: [command(desired.cmd)],
        },
      ],
      inSync: [],
    };
  },
  async apply({ conn, plan, desired }) {
    for (const change of plan.changes) {
      for (const cmd of change.commands) {
        const r = await conn.exec(cmd.text, { become: desired.become });
        if (r.exitCode !== 0)
          throw new CommandError(conn.host, cmd.secret ? '********' : cmd.text, r.exitCode, r.stderr || r.stdout);
      }
    }
  },
  async verify({ conn, desired }) {
    if (!desired.creates) return;
    const r = await conn.exec(`test -e ${shellQuote(desired.creates)}`, { become: desired.become });
    if (r.exitCode !== 0) throw new Error(`${desired.cmd} ran but ${desired.creates} still does not exist`);
  },
};
