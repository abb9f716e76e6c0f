import { commandModule } from '../platforms/linux/command-module.js';
import { fileModule } from '../platforms/linux/file-module.js';
import { nmstateModule } from '../platforms/nmstate/nmstate-module.js';
import { switchPortsModule, switchVlansModule } from '../platforms/switch-modules.js';
import { ModuleRegistry } from './module-registry.js';

/** Every module this version ships, by name. */
export function defaultModules(): ModuleRegistry {
  return new ModuleRegistry()
    .register(commandModule)
    .register(fileModule)
    .register(switchVlansModule)
    .register(switchPortsModule)
    .register(nmstateModule);
}
