import type { Host } from '../../core/inventory.js';

/** Where and how the Cumulus driver works on one switch, from its host variables. */
export interface CumulusHostSettings {
  /** Host var `interfaces_file`; default `/etc/network/interfaces`. */
  readonly interfacesFile: string;
  /** Host var `keep_interfaces_backup: true` keeps `<file>.acp-play-<runId>.bak` after a good apply. */
  readonly keepBackup: boolean;
  /** Run through sudo: the inventory's `become`, else whenever the login user is not root. */
  readonly become: boolean;
}

export const DEFAULT_INTERFACES_FILE = '/etc/network/interfaces';

/** Reads the settings; a malformed `interfaces_file` is an error naming the host and the variable. */
export function cumulusHostSettings(host: Host): CumulusHostSettings {
  const file = host.vars['interfaces_file'];
  if (file !== undefined && (typeof file !== 'string' || !file.startsWith('/'))) {
    throw new Error(`${host.name}: interfaces_file must be an absolute path, got ${JSON.stringify(file)}`);
  }
  return {
    interfacesFile: file ?? DEFAULT_INTERFACES_FILE,
    keepBackup: host.vars['keep_interfaces_backup'] === true,
    become: host.become ?? (host.user !== undefined && host.user !== 'root'),
  };
}
