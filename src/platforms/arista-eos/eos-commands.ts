import { ciscoCommandEmitter, type SwitchCommandEmitter } from '../switch-command-emitter.js';

/**
 * EOS never wraps the allowed list in its running-config and accepts a long list on one line (AVD-generated configs
 * carry 140+ character lists), so each allowed change is a single line.
 */
export const EOS_COMMANDS: SwitchCommandEmitter = ciscoCommandEmitter({ chunkAllowedLists: false });
