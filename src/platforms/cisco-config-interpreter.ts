import { allVlans, parseVlanSet, vlanSetDiff } from '../inventory/vlan-set.js';
import { splitConfigBlocks, type ConfigBlock, type ConfigChild } from './cli-config-blocks.js';
import { normaliseInterfaceName, type InterfaceNaming } from './interface-names.js';
import {
  cloneSwitchState,
  defaultPortState,
  emptySwitchState,
  type ParseOptions,
  type PortState,
  type SwitchState,
} from './switch-state.js';

/**
 * Reads Cisco-style configuration (NX-OS, EOS, IOS) into a SwitchState. The same interpreter parses a running-config
 * (starting from an empty state) and applies config commands to a gathered state (the apply models used by tests and
 * the device simulators), so "what the parser understands" and "what the planner emits" cannot drift apart.
 */

/** Per-platform facts the interpreter needs. */
export interface CiscoDialect {
  readonly naming: InterfaceNaming;
  /** Whether an interface with no `switchport` lines is a switchport, given the config's global lines. */
  isDefaultSwitchport(name: string, globals: ReadonlySet<string>): boolean;
  /** The mode of a switchport with no `switchport mode` line: `access`, or a Catalyst's `dynamic auto`. */
  readonly defaultMode: string;
  /**
   * Whether an interface with no `shutdown` / `no shutdown` line is shut, given its mode (undefined: not known to
   * be a switchport) and the config's global lines. Absent: never (the port is up).
   */
  isDefaultShutdown?(name: string, mode: string | undefined, globals: ReadonlySet<string>): boolean;
}

/** Interprets `text` on top of `base` (a copy is changed; `base` is left alone). */
export function interpretCiscoConfig(
  text: string,
  dialect: CiscoDialect,
  base: SwitchState = emptySwitchState(),
  opts: ParseOptions = {},
): SwitchState {
  const state = cloneSwitchState(base);
  const blocks = splitConfigBlocks(text);
  const globals = new Set(blocks.filter((b) => b.children.length === 0).map((b) => b.header.toLowerCase()));
  const warn = (child: { line: number; text: string }, why: string): void => {
    opts.warnings?.push(`line ${child.line}: ignored "${child.text}": ${why}`);
  };
  for (const block of blocks) {
    const iface = /^interface\s+(\S+)$/i.exec(block.header);
    if (iface) {
      const name = normaliseInterfaceName(dialect.naming, iface[1]!);
      const known = state.interfaces.get(name);
      const port = known ?? defaultPortState(name);
      const lines = block.children.filter((c) => c.depth === 0);
      applyPortLines(port, lines, dialect, globals, warn);
      // A port's admin state without a shutdown line is the platform's default for its mode. Config commands on a
      // known port keep the state it had: an explicit `no shutdown` outlives a mode change.
      const hasShutdownLine = lines.some((l) => /^(no\s+)?shutdown$/i.test(l.text));
      if (dialect.isDefaultShutdown && !hasShutdownLine && !known)
        port.shutdown = dialect.isDefaultShutdown(name, port.mode, globals);
      state.interfaces.set(name, port);
      continue;
    }
    const vlan = /^(no\s+)?vlan\s+([\d,\s-]+)$/i.exec(block.header);
    if (vlan) applyVlanBlock(state, block, vlan[1] !== undefined, warn);
  }
  return state;
}

function applyVlanBlock(
  state: SwitchState,
  block: ConfigBlock,
  isRemoval: boolean,
  warn: (c: { line: number; text: string }, why: string) => void,
): void {
  let ids: number[];
  try {
    ids = parseVlanSet(block.header.replace(/^(no\s+)?vlan\s+/i, ''));
  } catch (err) {
    warn({ line: block.line, text: block.header }, (err as Error).message);
    return;
  }
  for (const id of ids) {
    if (isRemoval) state.vlans.delete(id);
    else if (!state.vlans.has(id)) state.vlans.set(id, { id });
  }
  if (isRemoval) return;
  for (const child of block.children) {
    if (child.depth !== 0) continue;
    const name = /^name\s+(.+)$/i.exec(child.text);
    for (const id of ids) {
      const v = state.vlans.get(id)!;
      if (name) v.name = unquote(name[1]!);
      else if (/^no\s+name$/i.test(child.text)) delete v.name;
    }
  }
}

function applyPortLines(
  port: PortState,
  lines: readonly ConfigChild[],
  dialect: CiscoDialect,
  globals: ReadonlySet<string>,
  warn: (c: ConfigChild, why: string) => void,
): void {
  let l2: boolean | undefined;
  let sawSwitchportLine = false;
  let explicitMode: string | undefined;
  for (const line of lines) {
    const t = line.text.replace(/\s+/g, ' ');
    let m: RegExpExecArray | null;
    try {
      if (/^switchport$/i.test(t)) l2 = true;
      else if (/^no switchport$/i.test(t)) l2 = false;
      else if (/^shutdown$/i.test(t)) port.shutdown = true;
      else if (/^no shutdown$/i.test(t)) port.shutdown = false;
      else if (/^description \S/i.test(t)) port.description = line.text.replace(/^description\s+/i, '');
      else if (/^(no )?description$/i.test(t)) delete port.description;
      else if ((m = SWITCHPORT_MODE.exec(t))) explicitMode = m[1]!.toLowerCase();
      else if (/^no switchport mode\b/i.test(t)) explicitMode = dialect.defaultMode;
      else if ((m = /^switchport access vlan (\d+)$/i.exec(t))) port.accessVlan = parseVlanSet(m[1]!)[0]!;
      else if (/^no switchport access vlan\b/i.test(t)) delete port.accessVlan;
      else if ((m = /^switchport trunk native vlan (\d+)$/i.exec(t))) port.nativeVlan = parseVlanSet(m[1]!)[0]!;
      // Not `no switchport trunk native vlan tag` (EOS: send the native VLAN untagged again), which keeps the VLAN.
      else if (/^no switchport trunk native vlan( \d+)?$/i.test(t)) delete port.nativeVlan;
      else if ((m = /^switchport trunk encapsulation (dot1q|isl|negotiate)$/i.exec(t)))
        port.trunkEncapsulation = m[1]!.toLowerCase() as 'dot1q' | 'isl' | 'negotiate';
      else if (/^no switchport trunk encapsulation\b/i.test(t)) delete port.trunkEncapsulation;
      else if ((m = /^channel-group (\d+)\b/i.exec(t)))
        port.memberOf = normaliseInterfaceName(dialect.naming, `po${m[1]}`);
      else if (/^no channel-group\b/i.test(t)) delete port.memberOf;
      else if ((m = /^switchport trunk allowed vlan (.+)$/i.exec(t))) applyAllowed(port, m[1]!);
      else if (/^no switchport trunk allowed vlan$/i.test(t)) {
        port.allowedVlans = allVlans();
        port.allowedIsDefault = true;
      }
      // Any `switchport ...` line, read above or not (`switchport nonegotiate`), says the port is Layer 2.
      sawSwitchportLine ||= /^(no )?switchport /i.test(t);
    } catch (err) {
      warn(line, (err as Error).message);
    }
  }
  if (l2 === false) {
    port.mode = 'routed';
  } else if (explicitMode !== undefined) {
    port.mode = explicitMode;
  } else if (port.mode === undefined || port.mode === 'routed') {
    const isL2 =
      l2 === true || sawSwitchportLine || (port.mode === undefined && dialect.isDefaultSwitchport(port.name, globals));
    // A switchport with no mode line is in the platform's default mode: the devices do not print the default.
    if (isL2) port.mode = dialect.defaultMode;
  }
}

/**
 * `switchport mode` and its keyword, kept whole where it has two or three words (`dynamic auto`, `private-vlan trunk
 * secondary`), without options that follow a one-word mode (NX-OS `monitor buffer-limit 36000 packets`).
 */
const SWITCHPORT_MODE = /^switchport mode (private-vlan trunk \S+|private-vlan \S+|dynamic \S+|\S+)/i;

/** `switchport trunk allowed vlan` argument: LIST | add LIST | remove LIST | except LIST | all | none. */
function applyAllowed(port: PortState, arg: string): void {
  const [word, ...rest] = arg.split(' '); // the line's spaces are already single
  const list = rest.join(' ');
  switch (word!.toLowerCase()) {
    case 'none':
      port.allowedVlans = [];
      break;
    case 'all':
      port.allowedVlans = allVlans();
      break;
    case 'add':
      port.allowedVlans = [...new Set([...port.allowedVlans, ...parseVlanSet(list)])].sort((a, b) => a - b);
      break;
    case 'remove':
      port.allowedVlans = vlanSetDiff(parseVlanSet(list), port.allowedVlans).added;
      break;
    case 'except':
      port.allowedVlans = vlanSetDiff(parseVlanSet(list), allVlans()).added;
      break;
    default:
      port.allowedVlans = parseVlanSet(arg);
  }
  // `add` against the implicit default changes nothing (still ALL); every other form makes the list explicit.
  port.allowedIsDefault = port.allowedIsDefault && word!.toLowerCase() === 'add';
}

function unquote(text: string): string {
  const m = /^"(.*)"$/.exec(text);
  return m ? m[1]! : text;
}
