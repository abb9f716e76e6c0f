import type { InterfaceNaming } from './interface-names.js';
import type { SwitchCommandEmitter } from './switch-command-emitter.js';
import type { SwitchDriver } from './switch-driver.js';
import type { PortDelta } from './switch-port-plan.js';
import type { ParseOptions, SwitchState } from './switch-state.js';

/** Facts the shared switch planner needs about a platform, as data. */
export interface SwitchPlanning {
  /**
   * Absent when the device names its VLANs. A platform that does not (a Cumulus VLAN is only an id on the bridge)
   * gives the words the plan uses for a VLAN that is already there, after `vlan N `.
   */
  readonly unnamedVlans?: { readonly inSync: string };
  /** A trunk always carries its native VLAN (Cumulus's PVID), so allowed sets are compared without it. */
  readonly nativeAlwaysAllowed: boolean;
  /**
   * What a port the gathered state does not list carries once configured: every VLAN (a Cisco default port), or the
   * VLANs defined on the switch (a Cumulus port joining the bridge inherits its `bridge-vids`).
   */
  readonly unlistedPortCarries: 'all-vlans' | 'defined-vlans';
}

/** What the desired document must say: the switch's final VLAN set and the planned port deltas. */
export interface DocumentTarget {
  readonly vlanIds: readonly number[];
  readonly ports: readonly PortDelta[];
}

/** The desired document, and lines telling the change board what it changes beyond the planned changes. */
export interface RenderedDocument {
  readonly text: string;
  readonly notes: readonly string[];
}

interface SwitchParts<Doc> {
  readonly interfaceNames: InterfaceNaming;
  readonly planning: SwitchPlanning;
  /** Reads the device's configuration text (a running-config, an interfaces file) into the shared state. */
  parse(text: string, opts?: ParseOptions): SwitchState;
  readonly driver: SwitchDriver<any, Doc>;
}

/** Command-based (NX-OS, EOS, IOS): every planned change carries the exact commands its emitter writes. */
export interface CommandSwitchSpec extends SwitchParts<undefined> {
  readonly kind: 'commands';
  readonly emitter: SwitchCommandEmitter;
}

/** Document-based (Cumulus): the plan carries the whole desired document, rendered from the gathered one. */
export interface DocumentSwitchSpec<Doc = any> extends SwitchParts<Doc> {
  readonly kind: 'document';
  renderDocument(current: Doc, target: DocumentTarget): RenderedDocument;
}

/** What the shared switch modules drive on a switch platform; one of the two kinds. */
export type SwitchSpec = CommandSwitchSpec | DocumentSwitchSpec;
