import type { SwitchPort } from './site.js';

/** A platform id (`cisco_nxos`): a string the platform registry knows, not a closed union. */
export type PlatformId = string;

/** What a host of the platform is in the site: a node (nmstate), a switch, or a plain Linux host. */
export type PlatformRole = 'node' | 'switch' | 'host';

/** A host variable only this platform reads: its part of the inventory schema, checked on its hosts. */
export interface PlatformVar {
  readonly type: 'string' | 'boolean';
  readonly description: string;
}

/** The template that renders a host's desired configuration, and the extension of the rendered file. */
export interface PlatformTemplate {
  /** A template id under templates/ (`switch/cisco_nxos/running-config.njk`). */
  readonly path: string;
  /** `render` writes `nodes/<host>.<extension>` or `switches/<host>.<platform id>.<extension>`. */
  readonly extension: string;
}

/** Something a platform cannot express, in the inventory's terms. */
export interface PlatformRefusal {
  readonly message: string;
  readonly fix: string;
}

/**
 * What every layer may know of a platform: how an inventory names it, what its hosts are, which host variables it
 * reads and which template renders it. The platform's folder exports the whole spec (src/platforms/platform-spec.ts).
 */
export interface PlatformInfo {
  readonly id: PlatformId;
  /** Other names an inventory may use, matched without case (Ansible's `cisco.nxos.nxos`, `nxos`). */
  readonly aliases: readonly string[];
  readonly role: PlatformRole;
  readonly hostVars?: Readonly<Record<string, PlatformVar>>;
  readonly template?: PlatformTemplate;
  /** Why the platform cannot express a switch port the inventory asks for (checked before rendering), or undefined. */
  refusePort?(port: SwitchPort): PlatformRefusal | undefined;
}

/** The platforms a run knows: a value passed to whoever needs it (the registry), never a global. */
export interface PlatformCatalog<P extends PlatformInfo = PlatformInfo> {
  /** Every platform, in registration order (the order messages list them in). */
  readonly all: readonly P[];
  /** The platform an inventory names (its id or an alias, any case, surrounding spaces ignored), or undefined. */
  resolve(name: string): P | undefined;
}
