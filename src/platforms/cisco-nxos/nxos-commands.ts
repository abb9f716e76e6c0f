import { ciscoCommandEmitter, type SwitchCommandEmitter } from '../switch-command-emitter.js';

/** NX-OS prints long allowed lists wrapped with `add`, and rejects over-long lines: lists are chunked. */
export const NXOS_COMMANDS: SwitchCommandEmitter = ciscoCommandEmitter({ chunkAllowedLists: true });
