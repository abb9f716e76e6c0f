import type { PlatformCatalog } from '../core/platform.js';
import type { PlatformSpec } from '../platforms/platform-spec.js';
import { switchModule } from '../platforms/switch-modules.js';
import { ModuleRegistry } from './module-registry.js';

/**
 * Every module of a run, by name: the switch modules, which drive the switch platforms of `platforms`, and the
 * modules the platforms bring (`nmstate`, `command`, `file`).
 */
export function defaultModules(platforms: PlatformCatalog<PlatformSpec>): ModuleRegistry {
  const modules = new ModuleRegistry()
    .register(switchModule('switch_vlans', platforms))
    .register(switchModule('switch_ports', platforms));
  for (const spec of platforms.all) for (const module of spec.modules ?? []) modules.register(module);
  return modules;
}
