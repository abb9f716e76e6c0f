import type { RegisterCommand } from './register-command.js';
import { addFleetOptions } from './fleet-options.js';
import type { WatchFlags } from './watch-action.js';

/**
 * `acp-play watch INVENTORY --interval 5m --listen 127.0.0.1:9464`: plans the site on a schedule over connections
 * kept open between rounds, serves Prometheus metrics and /healthz, logs one line per round, never changes anything.
 * Runs until SIGTERM or SIGINT, then exits 0. Given a fleet (a folder of site inventories, --sites, --shard), watches
 * every site that loads, in one fork budget; a site that does not is reported and left out.
 */
export const registerWatchCommand: RegisterCommand = (program, setExit) => {
  addFleetOptions(
    program
      .command('watch')
      .description('plan the site (or fleet) on a schedule and serve drift metrics for Prometheus (changes nothing)')
      .argument('<inventory>', 'a site inventory directory, or a fleet: a directory of site inventories'),
  )
    .option(
      '-i, --interval <duration>',
      'time from the start of one round to the start of the next (30s, 5m, 1h)',
      '5m',
    )
    .option(
      '--listen <host:port>',
      'where /metrics and /healthz answer (0.0.0.0:9464 for every address)',
      '127.0.0.1:9464',
    )
    .option('-p, --playbook <file>', 'playbook (default: ./playbooks/site.yaml, else the packaged one)')
    .option('-l, --limit <pattern>', 'only these hosts (Ansible pattern: names, groups, g1:g2, !g, &g, globs)')
    .option('-t, --tags <tags>', 'only plays/tasks with one of these comma-separated tags')
    .option('-f, --forks <n>', 'hosts planned in parallel', '50')
    .option('--vault-password-file <file>', 'Ansible Vault password file (or ACP_PLAY_VAULT_PASSWORD_FILE)')
    .option('-F, --ssh-config <file>', 'ssh config file (default ~/.ssh/config)')
    .action(async (dir: string, flags: WatchFlags) =>
      (await import('./watch-action.js')).watchAction(dir, flags, setExit),
    );
};
