import type { ModuleName } from '../core/playbook.js';
import type { TaskModule } from '../core/module.js';

/** Modules by name. Drivers register here; the runner looks them up per task. */
export class ModuleRegistry {
  private readonly modules = new Map<ModuleName, TaskModule<any, any, any>>();

  register(module: TaskModule<any, any, any>): this {
    this.modules.set(module.name, module);
    return this;
  }

  get(name: ModuleName): TaskModule<any, any, any> | undefined {
    return this.modules.get(name);
  }
}
