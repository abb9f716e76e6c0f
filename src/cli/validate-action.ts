import { ConfigError, formatProblem } from '../core/errors.js';
import { fleetSites } from '../fleet/fleet-sites.js';
import { loadSite } from '../inventory/load-site.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { VaultKeyring } from '../transport/vault-keyring.js';
import { EXIT } from './exit-codes.js';

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/**
 * What `acp-play validate` does; validate-command.ts imports this only when it runs (--help stays light). A fleet
 * (a folder of site folders) is validated site by site: one line per valid site, the located problems of an invalid
 * one, and exit 3 when any site is invalid.
 */
export async function validateAction(
  dir: string,
  flags: { vaultPasswordFile?: string },
  setExit: (code: number) => void,
): Promise<void> {
  const keyring = new VaultKeyring(flags.vaultPasswordFile ? { passwordFile: flags.vaultPasswordFile } : {});
  const sites = fleetSites(dir);
  if (!sites) {
    await validateSite(dir, keyring);
    setExit(EXIT.ok);
    return;
  }
  let invalid = 0;
  for (const site of sites) {
    try {
      await validateSite(site.dir, keyring);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      invalid++;
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      process.stdout.write(`${site.dir}: invalid\n`);
    }
  }
  process.stdout.write(
    `fleet ${dir.replace(/\/+$/, '')}: ${sites.length - invalid} of ${plural(sites.length, 'site')} valid\n`,
  );
  setExit(invalid > 0 ? EXIT.invalid : EXIT.ok);
}

async function validateSite(dir: string, keyring: VaultKeyring): Promise<void> {
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
}
