import type { RegisterCommand } from './register-command.js';
import { registerApplyCommand } from './apply-command.js';
import { registerInitCommand } from './init-command.js';
import { registerInventoryCommand } from './inventory-command.js';
import { registerKeyscanCommand } from './keyscan-command.js';
import { registerPlanCommand } from './plan-command.js';
import { registerRenderCommand } from './render-command.js';
import { registerRunsCommand } from './runs-command.js';
import { registerValidateCommand } from './validate-command.js';
import { registerWatchCommand } from './watch-command.js';

/** Every command module of the product, in the order `--help` lists them (`lab` follows: lab-entry.ts). */
export const commandModules: RegisterCommand[] = [
  registerInitCommand,
  registerValidateCommand,
  registerRenderCommand,
  registerPlanCommand,
  registerApplyCommand,
  registerWatchCommand,
  registerInventoryCommand,
  registerKeyscanCommand,
  registerRunsCommand,
];
