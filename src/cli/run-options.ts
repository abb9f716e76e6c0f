import type { Command } from 'commander';

/** Flags shared by `plan` and `apply`. */
export interface RunFlags {
  readonly playbook?: string;
  readonly limit?: string;
  readonly tags?: string;
  readonly forks: string;
  readonly json?: boolean;
  readonly acceptNew?: boolean;
  readonly vaultPasswordFile?: string;
  readonly sshConfig?: string;
  readonly lockTimeout?: string;
}

/** Adds the inventory argument and the options `plan` and `apply` share. */
export function addRunOptions(
  cmd: Command,
  argument = 'inventory directory (Ansible layout: hosts.yaml, group_vars/, host_vars/, known_hosts)',
): Command {
  return cmd
    .argument('<inventory>', argument)
    .option('-p, --playbook <file>', 'playbook (default: ./playbooks/site.yaml, else the packaged one)')
    .option('-l, --limit <pattern>', 'only these hosts (Ansible pattern: names, groups, g1:g2, !g, &g, globs)')
    .option('-t, --tags <tags>', 'only plays/tasks with one of these comma-separated tags')
    .option('-f, --forks <n>', 'hosts worked on in parallel', '50')
    .option('--json', 'print one JSON document (the plan or the result) on stdout; progress goes to stderr')
    .option('--accept-new', 'trust and pin the host key of hosts never seen before (a changed key is always refused)')
    .option('--vault-password-file <file>', 'Ansible Vault password file (or ACP_PLAY_VAULT_PASSWORD_FILE)')
    .option('-F, --ssh-config <file>', 'ssh config file (default ~/.ssh/config)')
    .option(
      '--lock-timeout <duration>',
      'wait this long (90s, 10m) for another run of the site to finish, instead of exiting 1',
    );
}
