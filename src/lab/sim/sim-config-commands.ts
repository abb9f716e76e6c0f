import { interpretCiscoConfig } from '../../platforms/cisco-config-interpreter.js';
import { normaliseInterfaceName } from '../../platforms/interface-names.js';
import { defaultPortState } from '../../platforms/switch-state.js';
import { parseVlanSet } from '../../inventory/vlan-set.js';
import type { CommandSpec } from './sim-grammar.js';
import { tokenize } from './sim-grammar.js';
import { SimCommandError, type CommandContext, type CommandHandler, type ModeKind } from './sim-cli-types.js';

/** How a platform's switchport commands differ. */
export interface PortRules {
  /** `switchport mode` keywords the platform knows. */
  readonly modes: readonly string[];
  /** Interface types `interface X` may create (logical ones); physical ports must exist. */
  readonly creatable: RegExp;
  /** NX-OS: switchport sub-commands on a Layer 3 port fail until `switchport` makes it Layer 2. */
  readonly needsSwitchportFirst?: (port: string) => string;
  /** IOS: `switchport access vlan N` creates a missing VLAN and says so. */
  readonly createsAccessVlan?: (id: number) => string;
  /** The text for `no vlan 1` (VLAN 1 cannot be deleted). */
  readonly vlan1Undeletable: string;
}

/** Column of token `i` of `line` (for `^` markers on semantic errors). */
export function tokenColumn(line: string, i: number): number {
  return tokenize(line)[i]?.col ?? line.length;
}

function invalidAt(ctx: CommandContext, token: number): never {
  throw new SimCommandError(ctx.platform.invalid(ctx.line, tokenColumn(ctx.line, token), token, ctx.promptLength));
}

/** Leaves configuration mode; an EOS session stays pending (uncommitted) when the user just `end`s. */
export const endConfig: CommandHandler = (ctx) => {
  ctx.cli.mode = { kind: 'exec' };
  ctx.cli.session = undefined;
};

const exitTo =
  (kind: ModeKind): CommandHandler =>
  (ctx) => {
    if (kind === 'exec') return endConfig(ctx);
    ctx.cli.mode = { kind };
  };

/** Global configuration, interface and VLAN mode commands shared by NX-OS, EOS and IOS. */
export function configCommands(
  rules: PortRules,
): Record<'config' | 'config-if' | 'config-vlan', CommandSpec<CommandHandler>[]> {
  const enterInterface: CommandHandler = (ctx) => {
    const name = normaliseInterfaceName(ctx.platform.dialect.naming, ctx.args.params['iface']!);
    const state = ctx.cli.readState();
    if (!state.interfaces.has(name)) {
      if (!rules.creatable.test(name) || ctx.device.physicalPorts.has(name)) invalidAt(ctx, 1);
      const port = defaultPortState(name);
      if (ctx.platform.dialect.isDefaultSwitchport(name, new Set())) port.mode = 'access';
      state.interfaces.set(name, port);
      ctx.cli.writeState(state);
    }
    ctx.cli.mode = { kind: 'config-if', ifaces: [name] };
  };
  const enterVlan: CommandHandler = (ctx) => {
    const ids = parseVlanSet(ctx.args.params['vlans']!);
    const state = ctx.cli.readState();
    for (const id of ids) if (!state.vlans.has(id)) state.vlans.set(id, { id });
    ctx.cli.writeState(state);
    ctx.cli.mode = { kind: 'config-vlan', vlans: ids };
  };
  const removeVlan: CommandHandler = (ctx) => {
    const ids = parseVlanSet(ctx.args.params['vlans']!);
    if (ids.includes(1)) throw new SimCommandError(rules.vlan1Undeletable);
    const state = ctx.cli.readState();
    for (const id of ids) state.vlans.delete(id);
    ctx.cli.writeState(state);
  };
  const portLine: CommandHandler = (ctx) => {
    const state = ctx.cli.readState();
    const names = ctx.cli.mode.ifaces ?? [];
    const isSubCommand = /^(no )?switchport \S/.test(ctx.expanded);
    const notes: string[] = [];
    for (const name of names) {
      const port = state.interfaces.get(name);
      if (isSubCommand && rules.needsSwitchportFirst && (port?.mode === undefined || port.mode === 'routed')) {
        throw new SimCommandError(rules.needsSwitchportFirst(name));
      }
    }
    const access = /^switchport access vlan (\d+)$/.exec(ctx.expanded);
    if (access && rules.createsAccessVlan && !state.vlans.has(Number(access[1]))) {
      state.vlans.set(Number(access[1]), { id: Number(access[1]) });
      notes.push(rules.createsAccessVlan(Number(access[1])));
    }
    const text = names.map((n) => `interface ${n}\n  ${ctx.expanded}`).join('\n');
    ctx.cli.writeState(interpretCiscoConfig(text, ctx.platform.dialect, state));
    return notes.join('\n');
  };
  const vlanLine: CommandHandler = (ctx) => {
    const state = ctx.cli.readState();
    for (const id of ctx.cli.mode.vlans ?? []) {
      const v = state.vlans.get(id) ?? { id };
      if (ctx.args.no) delete v.name;
      else v.name = ctx.args.params['word']!;
      state.vlans.set(id, v);
    }
    ctx.cli.writeState(state);
  };
  const port = (pattern: string): CommandSpec<CommandHandler> => ({ pattern, handler: portLine });
  return {
    config: [
      { pattern: 'interface <iface>', handler: enterInterface },
      { pattern: 'vlan <vlans>', handler: enterVlan },
      { pattern: 'no vlan <vlans>', handler: removeVlan },
      { pattern: 'end', handler: endConfig },
      { pattern: 'exit', handler: exitTo('exec') },
    ],
    'config-if': [
      port('description <rest>'),
      port('no description'),
      port('[no] shutdown'),
      port('[no] switchport'),
      ...rules.modes.map((m) => port(`switchport mode ${m}`)),
      port('no switchport mode'),
      port('switchport access vlan <vlan>'),
      port('no switchport access vlan'),
      port('switchport trunk native vlan <vlan>'),
      port('no switchport trunk native vlan'),
      port('switchport trunk allowed vlan <vlans>'),
      ...['add', 'remove', 'except'].map((w) => port(`switchport trunk allowed vlan ${w} <vlans>`)),
      port('switchport trunk allowed vlan all'),
      port('switchport trunk allowed vlan none'),
      port('no switchport trunk allowed vlan'),
      { pattern: 'exit', handler: exitTo('config') },
      { pattern: 'end', handler: endConfig },
    ],
    'config-vlan': [
      { pattern: 'name <word>', handler: vlanLine },
      { pattern: 'no name', handler: vlanLine },
      { pattern: 'exit', handler: exitTo('config') },
      { pattern: 'end', handler: endConfig },
    ],
  };
}
