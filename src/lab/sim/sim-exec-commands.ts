import { normaliseInterfaceName } from '../../platforms/interface-names.js';
import type { SwitchState } from '../../platforms/switch-state.js';
import { defaultVlanName, sortedVlans } from './render-common.js';
import type { CommandSpec } from './sim-grammar.js';
import { SimCommandError, type CommandContext, type CommandHandler } from './sim-cli-types.js';
import { tokenColumn } from './sim-config-commands.js';

/** How `show vlan brief` looks on a platform. */
export interface VlanBriefStyle {
  /** Width of the VLAN column (NX-OS/IOS 4, EOS 5). */
  readonly idWidth: number;
  /** Trunk ports are listed under the VLANs they carry (NX-OS, EOS), or only access ports (IOS). */
  readonly listsTrunks: boolean;
  /** Short port name for the Ports column (`Eth1/3`, `Et3`, `Gi1/0/3`). */
  readonly shortName: (name: string) => string;
  /** Rows printed after the configured VLANs (IOS 1002-1005). */
  readonly extraRows?: readonly string[];
}

/** `show vlan brief` in the devices' column layout. */
export function renderVlanBrief(state: SwitchState, style: VlanBriefStyle): string {
  const pad = (s: string, n: number): string => s.padEnd(n);
  const head = `${pad('VLAN', style.idWidth)} ${pad('Name', 32)} ${pad('Status', 9)} Ports`;
  const rule = `${'-'.repeat(style.idWidth)} ${'-'.repeat(32)} ${'-'.repeat(9)} ${'-'.repeat(31)}`;
  const lines = ['', head, rule];
  for (const v of sortedVlans(state)) {
    const ports = [...state.interfaces.values()]
      .filter(
        (p) =>
          (p.mode === 'access' && (p.accessVlan ?? 1) === v.id) ||
          (style.listsTrunks && p.mode === 'trunk' && p.allowedVlans.includes(v.id)),
      )
      .map((p) => style.shortName(p.name));
    const rows: string[] = [];
    for (let i = 0; i < ports.length; i += 4)
      rows.push(ports.slice(i, i + 4).join(', ') + (i + 4 < ports.length ? ',' : ''));
    const lead = `${pad(String(v.id), style.idWidth)} ${pad(v.name ?? defaultVlanName(v.id), 32)} ${pad('active', 9)} `;
    lines.push(lead + (rows[0] ?? ''));
    for (const row of rows.slice(1)) lines.push(' '.repeat(lead.length) + row);
  }
  lines.push(...(style.extraRows ?? []));
  return lines.map((l) => l.trimEnd()).join('\n') + '\n';
}

/** Commands every platform's privileged EXEC mode has (terminal settings, show running-config, configure). */
export function execCommands(opts: {
  interfaceKeyword: 'interface' | 'interfaces';
  vlanBrief: VlanBriefStyle;
}): CommandSpec<CommandHandler>[] {
  const showInterface: CommandHandler = (ctx) => {
    const name = normaliseInterfaceName(ctx.platform.dialect.naming, ctx.args.params['iface']!);
    const port = ctx.device.running.interfaces.get(name);
    if (!port) throw new SimCommandError(ctx.platform.invalid(ctx.line, tokenColumn(ctx.line, 3), 3, ctx.promptLength));
    return ctx.platform.renderInterface(ctx.device, port);
  };
  return [
    ...terminalCommands(),
    { pattern: 'show running-config', handler: (ctx) => ctx.platform.renderRunning(ctx.device, ctx.device.running) },
    { pattern: `show running-config ${opts.interfaceKeyword} <iface>`, handler: showInterface },
    { pattern: 'show vlan brief', handler: (ctx) => renderVlanBrief(ctx.device.running, opts.vlanBrief) },
    { pattern: 'configure terminal', handler: enterConfig },
    { pattern: 'exit', handler: (ctx) => ctx.cli.close() },
  ];
}

/** `terminal length N` / `terminal width N` (user and privileged EXEC). */
export function terminalCommands(): CommandSpec<CommandHandler>[] {
  return [
    { pattern: 'terminal length <num>', handler: (ctx) => void (ctx.cli.termLength = Number(ctx.args.params['num'])) },
    { pattern: 'terminal width <num>', handler: (ctx) => void (ctx.cli.termWidth = Number(ctx.args.params['num'])) },
  ];
}

export const enterConfig: CommandHandler = (ctx: CommandContext) => {
  ctx.cli.mode = { kind: 'config' };
};
