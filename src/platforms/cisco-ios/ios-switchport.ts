import { normaliseInterfaceName } from '../interface-names.js';
import { defaultPortState, type PortState, type SwitchState } from '../switch-state.js';
import { IOS_INTERFACE_NAMES } from './ios-interface-names.js';

/** What `show interfaces switchport` says of one port. */
export interface IosSwitchport {
  readonly switchport: boolean;
  /** `Administrative Mode`, in the terms of `switchport mode` (`static access` is `access`). */
  readonly mode?: string;
  /** `Administrative Trunking Encapsulation`: `negotiate` on an ISL-capable port that has not been told. */
  readonly encapsulation?: 'dot1q' | 'isl' | 'negotiate';
}

const MODES: Readonly<Record<string, string>> = { 'static access': 'access', tunnel: 'dot1q-tunnel' };

/**
 * Parses IOS `show interfaces switchport`: one record per port, from `Name: Gi1/0/3` to the next (short names
 * expanded to canonical ones), with `Switchport: Enabled|Disabled`, `Administrative Mode` and `Administrative
 * Trunking Encapsulation` (recorded output: test/fixtures/device-output).
 */
export function parseIosSwitchport(text: string): Map<string, IosSwitchport> {
  const out = new Map<string, IosSwitchport>();
  let name: string | undefined;
  let record: { -readonly [K in keyof IosSwitchport]?: IosSwitchport[K] } = {};
  const flush = () => {
    if (name !== undefined && record.switchport !== undefined) out.set(name, record as IosSwitchport);
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim(); // also drops the \r of CRLF output
    let m: RegExpExecArray | null;
    if ((m = /^Name:\s*(\S+)$/.exec(line))) {
      flush();
      name = normaliseInterfaceName(IOS_INTERFACE_NAMES, m[1]!);
      record = {};
    } else if ((m = /^Switchport:\s*(Enabled|Disabled)$/i.exec(line))) record.switchport = /enabled/i.test(m[1]!);
    else if ((m = /^Administrative Mode:\s*(.+)$/.exec(line))) {
      const mode = m[1]!.toLowerCase();
      record.mode = MODES[mode] ?? mode;
    } else if ((m = /^Administrative Trunking Encapsulation:\s*(dot1q|isl|negotiate)$/i.exec(line)))
      record.encapsulation = m[1]!.toLowerCase() as IosSwitchport['encapsulation'];
  }
  flush();
  return out;
}

/**
 * The gathered state with what the switch says of its ports: a Layer 2 port's mode is its administrative mode (a
 * Catalyst prints no mode line for `dynamic auto`, and no line at all on a port never configured), a port with
 * switchport disabled is routed, and a port that may still negotiate ISL carries that (`negotiate`), so the plan
 * sends `switchport trunk encapsulation dot1q` before `switchport mode trunk`. `islCapable` (the host var
 * `isl_capable`) overrides what the switch says: true, every switchport without an encapsulation line needs it;
 * false, none does.
 */
export function withSwitchportFacts(
  state: SwitchState,
  facts: ReadonlyMap<string, IosSwitchport>,
  islCapable: boolean | undefined,
): SwitchState {
  for (const [name, fact] of facts) {
    const port: PortState = state.interfaces.get(name) ?? defaultPortState(name);
    if (!fact.switchport) port.mode = 'routed';
    else if (fact.mode !== undefined) port.mode = fact.mode;
    if (port.trunkEncapsulation === undefined && (fact.encapsulation === 'negotiate' || fact.encapsulation === 'isl'))
      port.trunkEncapsulation = fact.encapsulation;
    state.interfaces.set(name, port);
  }
  if (islCapable === undefined) return state;
  for (const port of state.interfaces.values()) {
    if (port.mode === undefined || port.mode === 'routed') continue;
    if (islCapable) port.trunkEncapsulation ??= 'negotiate';
    else if (port.trunkEncapsulation === 'negotiate') delete port.trunkEncapsulation;
  }
  return state;
}
