import type { PlatformSpec } from '../platform-spec.js';
import { commandModule } from './command-module.js';
import { fileModule } from './file-module.js';

/**
 * A plain Linux host: neither a node nor a switch of the site, a target of the generic modules (`command`, `file`),
 * over exec.
 */
export const linuxPlatform: PlatformSpec = {
  id: 'linux',
  aliases: [],
  role: 'host',
  modules: [commandModule, fileModule],
};
