import type { RegisterCommand } from './register-command.js';
import { addConnectionOptions } from './connection-options.js';
import type { CheckFlags } from './check-action.js';

/**
 * `acp-play check cabling INVENTORY`: reads the LLDP neighbours of every switch and node (in parallel, one connection
 * each) and compares them with the inventory's `faces` and the nodes' `uplink`. Exit 1 when a cable is not where the
 * inventory says or a switch could not be read; a port or NIC that hears nothing, and a node that cannot be reached
 * (before its install only the switch side can be read), are warnings. Changes nothing.
 */
export const registerCheckCommand: RegisterCommand = (program, setExit) => {
  const check = program.command('check').description('checks that change nothing (check cabling)');
  addConnectionOptions(
    check
      .command('cabling')
      .description("compare the switches' and nodes' LLDP neighbours with the inventory's cabling (changes nothing)")
      .argument('<inventory>', 'inventory directory (Ansible layout: hosts.yaml, group_vars/, host_vars/, known_hosts)')
      .option('--json', 'print the findings as JSON'),
  ).action(async (dir: string, flags: CheckFlags) =>
    (await import('./check-action.js')).checkCablingAction(dir, flags, setExit),
  );
};
