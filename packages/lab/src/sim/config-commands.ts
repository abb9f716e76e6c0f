import { applyAllowed, invalidAt, joinChannel, propagateToMembers } from './config-ports.js';
import type { ConfigRules } from './config-rules.js';
import { canonicalPortName, portKind } from './model/port-names.js';
import { blankPort, type SimPort, type SimSwitchState } from './model/switch-model.js';
import { parseVlanList } from './model/vlan-list.js';
import { SimCommandError, type CommandContext, type CommandHandler, type ModeKind } from './sim-cli-types.js';
import type { CommandSpec } from './sim-grammar.js';

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

/** A global configuration command that changes one setting of the state being edited. */
export function globalSetting(apply: (state: SimSwitchState, ctx: CommandContext) => void): CommandHandler {
  return (ctx) => {
    const state = ctx.cli.readState();
    apply(state, ctx);
    ctx.cli.writeState(state);
  };
}

/** Changes each port of the current `interface` mode, then writes the state back (members follow their channel). */
function editPorts(
  ctx: CommandContext,
  rules: ConfigRules,
  fn: (port: SimPort, state: SimSwitchState) => string | void,
): string {
  const state = ctx.cli.readState();
  const notes: string[] = [];
  for (const name of ctx.cli.mode.ifaces ?? []) {
    const port = state.ports.get(name);
    if (!port) continue;
    const note = fn(port, state);
    if (note) notes.push(note);
    propagateToMembers(state, rules, port);
  }
  ctx.cli.writeState(state);
  return ctx.cli.loading ? '' : notes.join('\n');
}

/** Interface, VLAN and global configuration commands shared by NX-OS, EOS and IOS, with the platform's rules. */
export function configCommands(
  rules: ConfigRules,
): Record<'config' | 'config-if' | 'config-vlan', CommandSpec<CommandHandler>[]> {
  const vlan = (text: string): number => Number(text);
  const enterInterface: CommandHandler = (ctx) => {
    const name = canonicalPortName(ctx.platform.id, ctx.args.params['iface']!);
    const kind = name !== undefined ? portKind(ctx.platform.id, name) : undefined;
    if (name === undefined || kind === undefined) return invalidAt(ctx, 1);
    const state = ctx.cli.readState();
    if (!state.ports.has(name)) {
      // Front-panel ports exist from boot; while a startup-config is replayed, its ports are the hardware's.
      if (kind === 'ethernet' || kind === 'management') {
        if (!ctx.cli.loading) return invalidAt(ctx, 1);
        ctx.device.addHardwarePort(state, name);
      } else state.ports.set(name, blankPort(name, kind, rules.ports.defaultSwitchport(kind, state)));
      ctx.cli.writeState(state);
    }
    ctx.cli.mode = { kind: 'config-if', ifaces: [name] };
  };
  const removeInterface: CommandHandler = (ctx) => {
    const name = canonicalPortName(ctx.platform.id, ctx.args.params['iface']!);
    const state = ctx.cli.readState();
    const port = name !== undefined ? state.ports.get(name) : undefined;
    if (!port || port.kind === 'ethernet' || port.kind === 'management') return invalidAt(ctx, 2);
    state.ports.delete(port.name);
    const id = Number(/\d+$/.exec(port.name)![0]);
    if (port.kind === 'port-channel')
      for (const p of state.ports.values()) if (p.channelGroup?.id === id) delete p.channelGroup;
    ctx.cli.writeState(state);
  };
  const enterVlan: CommandHandler = (ctx) => {
    const ids = parseVlanList(ctx.args.params['vlans']!)!;
    const state = ctx.cli.readState();
    for (const id of ids) if (!state.vlans.has(id)) state.vlans.set(id, { id, suspended: false });
    ctx.cli.writeState(state);
    ctx.cli.mode = { kind: 'config-vlan', vlans: ids };
  };
  const removeVlan: CommandHandler = (ctx) => {
    const ids = parseVlanList(ctx.args.params['vlans']!)!;
    const refusal = ids.map((id) => rules.undeletableVlan(id)).find((r) => r !== undefined);
    if (refusal) throw new SimCommandError(refusal);
    const state = ctx.cli.readState();
    for (const id of ids) state.vlans.delete(id);
    ctx.cli.writeState(state);
  };
  const vlanName: CommandHandler = (ctx) => {
    const name = ctx.args.params['word'];
    if (name !== undefined && name.length > rules.vlanNameMax) return invalidAt(ctx, 1);
    const state = ctx.cli.readState();
    for (const id of ctx.cli.mode.vlans ?? []) {
      const v = state.vlans.get(id)!;
      if (name === undefined) delete v.name;
      else v.name = name;
    }
    ctx.cli.writeState(state);
  };
  const vlanState =
    (suspended: boolean): CommandHandler =>
    (ctx) => {
      const state = ctx.cli.readState();
      for (const id of ctx.cli.mode.vlans ?? []) state.vlans.get(id)!.suspended = suspended;
      ctx.cli.writeState(state);
    };

  /** A switchport sub-command: refused on a routed NX-OS port; stored elsewhere. */
  const l2 =
    (fn: (port: SimPort, ctx: CommandContext, state: SimSwitchState) => string | void): CommandHandler =>
    (ctx) =>
      editPorts(ctx, rules, (port, state) => {
        if (!port.switchport && rules.notSwitchport) throw new SimCommandError(rules.notSwitchport(port.name));
        return fn(port, ctx, state);
      });
  const setMode =
    (mode: string): CommandHandler =>
    (ctx) =>
      l2((port) => {
        const negotiated = port.islCapable && (port.encapsulation ?? 'negotiate') === 'negotiate';
        if (mode === 'trunk' && negotiated && rules.trunkNeedsEncapsulation)
          throw new SimCommandError(rules.trunkNeedsEncapsulation);
        port.mode = mode;
      })(ctx);
  const access: CommandHandler = l2((port, ctx, state) => {
    const id = vlan(ctx.args.params['vlan']!);
    port.accessVlan = id;
    if (rules.createsAccessVlan && !state.vlans.has(id)) {
      state.vlans.set(id, { id, suspended: false });
      return rules.createsAccessVlan(id);
    }
  });
  const allowed =
    (verb: Parameters<typeof applyAllowed>[1]): CommandHandler =>
    (ctx) =>
      l2((port) => applyAllowed(port, verb, ctx.args.params['vlans'] ?? ''))(ctx);
  const setSwitchport =
    (on: boolean): CommandHandler =>
    (ctx) =>
      editPorts(ctx, rules, (port) => {
        if (port.switchport === on) return;
        // NX-OS and IOS drop a port's Layer 2 settings when it turns routed (EOS keeps them, inactive).
        if (!on && rules.ports.memberConfig === 'inherit') {
          Object.assign(port, { accessVlan: 1, nativeVlan: 1, allowed: 'all' });
          delete port.mode;
        }
        port.switchport = on;
      });
  const channel: CommandHandler = (ctx) => {
    const id = Number(ctx.args.params['num']);
    if (id < 1 || id > 4096) return invalidAt(ctx, 1);
    const mode = (['active', 'passive', 'on'] as const).find((m) => ctx.expanded.endsWith(` ${m}`)) ?? 'on';
    return editPorts(ctx, rules, (port, state) => {
      if (port.kind !== 'ethernet') return invalidAt(ctx, 0);
      return joinChannel(ctx, state, rules, port, id, mode);
    });
  };
  const port = (pattern: string, handler: CommandHandler): CommandSpec<CommandHandler> => ({ pattern, handler });
  return {
    config: [
      { pattern: 'interface <iface>', handler: enterInterface },
      { pattern: 'no interface <iface>', handler: removeInterface },
      { pattern: 'vlan <vlans>', handler: enterVlan },
      { pattern: 'no vlan <vlans>', handler: removeVlan },
      {
        pattern: 'hostname <word>',
        handler: (ctx) => {
          const state = ctx.cli.readState();
          state.hostname = ctx.args.params['word']!;
          ctx.cli.writeState(state);
        },
      },
      { pattern: 'end', handler: endConfig },
      { pattern: 'exit', handler: exitTo('exec') },
    ],
    'config-if': [
      port('description <rest>', (ctx) =>
        editPorts(ctx, rules, (p) => void (p.description = ctx.args.params['rest']!)),
      ),
      port('no description', (ctx) => editPorts(ctx, rules, (p) => void delete p.description)),
      port('[no] shutdown', (ctx) => editPorts(ctx, rules, (p) => void (p.shutdown = !ctx.args.no))),
      port('switchport', setSwitchport(true)),
      port('no switchport', setSwitchport(false)),
      ...rules.ports.modes.map((m) => port(`switchport mode ${m}`, setMode(m))),
      port(
        'no switchport mode',
        l2((p) => void delete p.mode),
      ),
      port('switchport access vlan <vlan>', access),
      port(
        'no switchport access vlan',
        l2((p) => void (p.accessVlan = 1)),
      ),
      port(
        'switchport trunk native vlan <vlan>',
        l2((p, ctx) => void (p.nativeVlan = vlan(ctx.args.params['vlan']!))),
      ),
      port(
        'no switchport trunk native vlan',
        l2((p) => void (p.nativeVlan = 1)),
      ),
      port('switchport trunk allowed vlan <vlans>', allowed('set')),
      port('switchport trunk allowed vlan add <vlans>', allowed('add')),
      port('switchport trunk allowed vlan remove <vlans>', allowed('remove')),
      port('switchport trunk allowed vlan except <vlans>', allowed('except')),
      port('switchport trunk allowed vlan all', allowed('all')),
      port('switchport trunk allowed vlan none', allowed('none')),
      port('no switchport trunk allowed vlan', allowed('all')),
      port('channel-group <num>', channel),
      ...['active', 'passive', 'on'].map((m) => port(`channel-group <num> mode ${m}`, channel)),
      port('no channel-group', (ctx) => editPorts(ctx, rules, (p) => void delete p.channelGroup)),
      { pattern: 'exit', handler: exitTo('config') },
      { pattern: 'end', handler: endConfig },
    ],
    'config-vlan': [
      { pattern: 'name <word>', handler: vlanName },
      { pattern: 'no name', handler: vlanName },
      { pattern: 'state active', handler: vlanState(false) },
      { pattern: 'state suspend', handler: vlanState(true) },
      { pattern: 'exit', handler: exitTo('config') },
      { pattern: 'end', handler: endConfig },
    ],
  };
}

/** IOS: `switchport trunk encapsulation dot1q|isl|negotiate`, which only ISL-capable ports have. */
export function encapsulationCommands(rules: ConfigRules): CommandSpec<CommandHandler>[] {
  return (['dot1q', 'isl', 'negotiate'] as const).map((enc) => ({
    pattern: `switchport trunk encapsulation ${enc}`,
    handler: (ctx: CommandContext) =>
      editPorts(ctx, rules, (p) => {
        // A Catalyst 9000 port knows only 802.1Q: the keyword does not exist there.
        if (!p.islCapable) return invalidAt(ctx, 2);
        if (enc === 'negotiate' && p.mode === 'trunk' && rules.trunkNeedsEncapsulation)
          throw new SimCommandError(rules.trunkNeedsEncapsulation);
        p.encapsulation = enc;
      }),
  }));
}
