import { formatProblem } from '../core/errors.js';
import { loadSite } from '../inventory/load-site.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { VaultKeyring } from '../transport/vault-keyring.js';
import { EXIT } from './exit-codes.js';

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** What `acp-play validate` does; validate-command.ts imports this only when it runs (--help stays light). */
export async function validateAction(
  dir: string,
  flags: { vaultPasswordFile?: string },
  setExit: (code: number) => void,
): Promise<void> {
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
}
