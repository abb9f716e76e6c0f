import type { PlatformCatalog } from '../core/platform.js';
import { commandModule } from '../platforms/linux/command-module.js';
import { fileModule } from '../platforms/linux/file-module.js';
import { nmstateModule } from '../platforms/nmstate/nmstate-module.js';
import type { PlatformSpec } from '../platforms/platform-spec.js';
import { switchModule } from '../platforms/switch-modules.js';
import { ModuleRegistry } from './module-registry.js';

/** Every module this version ships, by name; the switch modules drive the switch platforms of `platforms`. */
export function defaultModules(platforms: PlatformCatalog<PlatformSpec>): ModuleRegistry {
  return new ModuleRegistry()
    .register(commandModule)
    .register(fileModule)
    .register(switchModule('switch_vlans', platforms))
    .register(switchModule('switch_ports', platforms))
    .register(nmstateModule);
}
