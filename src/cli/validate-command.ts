import { formatProblem } from '../core/errors.js';
import { loadSite } from '../inventory/load-site.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { VaultKeyring } from '../transport/vault-keyring.js';
import type { RegisterCommand } from './register-command.js';
import { EXIT } from './exit-codes.js';

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/**
 * `acp-play validate INVENTORY`: loads the inventory, builds the site and runs every check without contacting
 * anything. Warnings are printed, errors (a ConfigError) go to main, which prints them all and exits 3.
 */
export const registerValidateCommand: RegisterCommand = (program, setExit) => {
  program
    .command('validate')
    .description(
      'check an inventory and its site (VLANs, addressing, node uplinks, switch ports) without contacting anything',
    )
    .argument('<inventory>', 'inventory directory (Ansible layout: hosts.yaml, group_vars/, host_vars/)')
    .option('--vault-password-file <file>', 'Ansible Vault password file (or ACP_PLAY_VAULT_PASSWORD_FILE)')
    .action(async (dir: string, flags: { vaultPasswordFile?: string }) => {
      const keyring = new VaultKeyring(flags.vaultPasswordFile ? { passwordFile: flags.vaultPasswordFile } : {});
      const { site, warnings } = await loadSite(dir, defaultPlatforms(), { keyring });
      for (const warning of warnings) process.stderr.write(`${formatProblem(warning)}\n`);
      const summary = [
        plural(site.nodes.length, 'node'),
        plural(site.switches.length, 'switch', 'switches'),
        plural(site.vlans.length, 'VLAN'),
        plural(site.nads.length, 'NAD'),
      ];
      if (site.others.length > 0) summary.push(plural(site.others.length, 'other host'));
      process.stdout.write(`${dir.replace(/\/+$/, '')}: valid (${summary.join(', ')})\n`);
      setExit(EXIT.ok);
    });
};
