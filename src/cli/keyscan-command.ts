import type { RegisterCommand } from './register-command.js';
import type { KeyscanFlags } from './keyscan-action.js';

/**
 * `acp-play keyscan INVENTORY [--limit P] [--yes] [--replace]`: fetches each host's SSH host key, prints its
 * fingerprint, and pins it in `<inventory>/known_hosts` (after confirmation, or at once with --yes). A host pinned
 * to a different key is never overwritten without --replace. Exit 0 when every host is pinned, 1 when a host was
 * unreachable or differs, 2 when keys were found but not written (no --yes and no terminal to ask on).
 */
export const registerKeyscanCommand: RegisterCommand = (program, setExit) => {
  program
    .command('keyscan')
    .description("fetch the hosts' SSH host keys, show their fingerprints and pin them in <inventory>/known_hosts")
    .argument('<inventory>', 'inventory directory (its known_hosts file is created or updated)')
    .option('-l, --limit <pattern>', 'only these hosts (Ansible pattern)')
    .option('-y, --yes', 'write without asking (check the fingerprints first, or pin through a trusted network)')
    .option('--replace', 'replace a DIFFERENT key already pinned for a host (after verifying the new one)')
    .option('--timeout <ms>', 'handshake timeout per host', '10000')
    .option('-F, --ssh-config <file>', 'ssh config file for the algorithm settings (default ~/.ssh/config)')
    .action(async (dir: string, flags: KeyscanFlags) =>
      (await import('./keyscan-action.js')).keyscanAction(dir, flags, setExit),
    );
};
