import { invalidAt } from './config-ports.js';
import { canonicalPortName } from './model/port-names.js';
import type { SimPort, SimSwitchState } from './model/switch-model.js';
import { SimCommandError, type CommandContext, type CommandHandler } from './sim-cli-types.js';
import type { CommandSpec } from './sim-grammar.js';

/** The port a `show ... interface X` names, or the device's invalid-input error at token `token`. */
export function namedPort(ctx: CommandContext, token: number): SimPort {
  const name = canonicalPortName(ctx.platform.id, ctx.args.params['iface']!);
  const port = name !== undefined ? ctx.device.running.ports.get(name) : undefined;
  return port ?? invalidAt(ctx, token);
}

/**
 * NX-OS and IOS on `configure terminal` (two spaces before `End`, as a Nexus 7000 and a Catalyst 9000 print it in
 * the logs of Cisco's unicon test data).
 */
export const CISCO_ENTER_CONFIG = 'Enter configuration commands, one per line.  End with CNTL/Z.';

/** `terminal length N` (0-`maxLength`) and `terminal width N` (`minWidth`-`maxWidth`), each with its reply. */
export function terminalCommands(opts: {
  readonly maxLength: number;
  readonly widths: readonly [number, number];
  readonly lengthReply?: (n: number) => string;
  readonly widthReply?: (n: number) => string;
}): CommandSpec<CommandHandler>[] {
  return [
    {
      pattern: 'terminal length <num>',
      handler: (ctx) => {
        const n = Number(ctx.args.params['num']);
        if (n > opts.maxLength) return invalidAt(ctx, 2);
        ctx.cli.termLength = n;
        return opts.lengthReply?.(n);
      },
    },
    {
      pattern: 'terminal width <num>',
      handler: (ctx) => {
        const n = Number(ctx.args.params['num']);
        if (n < opts.widths[0] || n > opts.widths[1]) return invalidAt(ctx, 2);
        ctx.cli.termWidth = n;
        return opts.widthReply?.(n);
      },
    },
  ];
}

/** `show running-config`, `show running-config interface X`, `show startup-config`, `configure terminal`, `exit`. */
export function configShowCommands(opts: {
  readonly interfaceKeyword: 'interface' | 'interfaces';
  /** What `configure terminal` prints on entering configuration mode (NX-OS and IOS; EOS prints nothing). */
  readonly enterNotice?: string;
  readonly running: (state: SimSwitchState, ctx: CommandContext) => string;
  readonly runningInterface: (state: SimSwitchState, port: SimPort, ctx: CommandContext) => string;
}): CommandSpec<CommandHandler>[] {
  return [
    { pattern: 'show running-config', handler: (ctx) => opts.running(ctx.device.running, ctx) },
    {
      pattern: `show running-config ${opts.interfaceKeyword} <iface>`,
      handler: (ctx) => opts.runningInterface(ctx.device.running, namedPort(ctx, 3), ctx),
    },
    { pattern: 'show startup-config', handler: (ctx) => opts.running(ctx.device.startup, ctx) },
    {
      pattern: 'configure terminal',
      handler: (ctx) => {
        ctx.cli.mode = { kind: 'config' };
        return opts.enterNotice;
      },
    },
    { pattern: 'exit', handler: (ctx) => ctx.cli.close() },
  ];
}

/** Privileged commands in user EXEC: refused the way the platform refuses an unknown command. */
export function userRefusals(
  exec: readonly CommandSpec<CommandHandler>[],
  allowed: RegExp,
): CommandSpec<CommandHandler>[] {
  return exec
    .filter((c) => !allowed.test(c.pattern))
    .map((c) => ({ pattern: c.pattern, handler: (ctx: CommandContext) => invalidAt(ctx, 0) }));
}

/** `enable`: to privileged EXEC, asking for the enable secret when the device has one (`refusal` for a wrong one). */
export function enableCommand(refusal: string): CommandHandler {
  return (ctx) => {
    const secret = ctx.device.opts.enableSecret;
    if (secret === undefined) return void (ctx.cli.mode = { kind: 'exec' });
    return ctx.cli.ask(
      'Password: ',
      (answer) => {
        if (answer !== secret) throw new SimCommandError(refusal);
        ctx.cli.mode = { kind: 'exec' };
        return '';
      },
      { secret: true },
    );
  };
}
