import type { TaskModule } from '../core/module.js';
import type { PlatformInfo } from '../core/platform.js';
import type { LldpSpec } from './lldp-spec.js';
import type { SwitchSpec } from './switch-spec.js';

/**
 * One platform, as its folder exports it: what the inventory and render know (id, aliases, role, host variables,
 * template), and the parts the shared switch modules drive. A new platform is its folder, its
 * template and one line in platform-list.ts (docs/platforms.md).
 */
export interface PlatformSpec extends PlatformInfo {
  /** A switch platform's parts, driven by the shared switch modules; present exactly when `role` is `switch`. */
  readonly switch?: SwitchSpec;
  /** The task modules this platform brings (nmstate: `nmstate`; linux: the generic `command` and `file`). */
  readonly modules?: readonly TaskModule<any, any, any>[];
  /** How the platform reads the LLDP neighbours its hosts hear (the cabling check, `import`); absent = it cannot. */
  readonly lldp?: LldpSpec;
}
