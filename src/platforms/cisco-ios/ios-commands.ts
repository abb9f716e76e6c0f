import { ciscoCommandEmitter, type SwitchCommandEmitter } from '../switch-command-emitter.js';

/**
 * IOS: allowed lists are chunked like NX-OS. Catalysts that still support ISL need `switchport trunk encapsulation
 * dot1q` before `switchport mode trunk`; that is not emitted (other models reject it): such ports must be set once.
 */
export const IOS_COMMANDS: SwitchCommandEmitter = ciscoCommandEmitter({ chunkAllowedLists: true });
