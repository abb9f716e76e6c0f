import type { RegisterCommand } from './register-command.js';
import { addConnectionOptions } from './connection-options.js';
import type { ImportFlags } from './import-action.js';

/**
 * `acp-play import INVENTORY`: adopts a running site. From an inventory that lists only hosts, addresses, platforms
 * and credentials, reads every switch and node (changing nothing) and writes the site description into it:
 * `site` (VLANs) in group_vars/all, `switch` (VLANs, ports, faces from LLDP) and `node` (trunk NIC, bridged VLANs,
 * uplink from LLDP) in host_vars, so the first plan is empty. What it cannot express is listed; exit 1 when a host
 * could not be read (nothing is written then), 3 when the inventory already describes a site.
 */
export const registerImportCommand: RegisterCommand = (program, setExit) => {
  addConnectionOptions(
    program
      .command('import')
      .description('read a running site and write its description (VLANs, ports, bridges, uplinks) into the inventory')
      .argument('<inventory>', 'inventory directory listing the hosts, their platforms and credentials only')
      .option('--site <name>', 'the site name (default: the inventory folder name)'),
  ).action(async (dir: string, flags: ImportFlags) =>
    (await import('./import-action.js')).importAction(dir, flags, setExit),
  );
};
