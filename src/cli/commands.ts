import type { RegisterCommand } from './register-command.js';
import { registerApplyCommand } from './apply-command.js';
import { registerCheckCommand } from './check-command.js';
import { registerImportCommand } from './import-command.js';
import { registerInitCommand } from './init-command.js';
import { registerInventoryCommand } from './inventory-command.js';
import { registerKeyscanCommand } from './keyscan-command.js';
import { registerLabEntry } from './lab-entry.js';
import { registerPlanCommand } from './plan-command.js';
import { registerRenderCommand } from './render-command.js';
import { registerRunsCommand } from './runs-command.js';
import { registerValidateCommand } from './validate-command.js';
import { registerWatchCommand } from './watch-command.js';

/**
 * Every command module, in the order `--help` lists them. Each registers its name, options and description only: what
 * it does is imported when it runs, so `--help` and `--version` load none of it.
 */
export const commandModules: RegisterCommand[] = [
  registerInitCommand,
  registerValidateCommand,
  registerRenderCommand,
  registerPlanCommand,
  registerApplyCommand,
  registerCheckCommand,
  registerImportCommand,
  registerWatchCommand,
  registerInventoryCommand,
  registerKeyscanCommand,
  registerRunsCommand,
  registerLabEntry,
];
