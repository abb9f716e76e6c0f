import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, formatProblem, type Problem } from '../core/errors.js';
import { prepareInstallFiles, withSiteWarnings } from '../install/install-files.js';
import { selectHosts } from '../inventory/host-pattern.js';
import { loadSite, type LoadedSite } from '../inventory/load-site.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { VaultKeyring } from '../transport/vault-keyring.js';
import { renderSite, type RenderedFile } from '../template/render-site.js';
import type { RegisterCommand } from './register-command.js';
import { EXIT } from './exit-codes.js';
import { updateRenderManifest } from './render-manifest.js';

interface RenderFlags {
  readonly out?: string;
  readonly limit?: string;
  /** false with --no-install. */
  readonly install: boolean;
  readonly vaultPasswordFile?: string;
}

/**
 * `acp-play render INVENTORY [--out DIR] [--limit PATTERN] [--no-install]`: the desired state of every host
 * (nmstate per node, switch configuration, NNCPs and NADs) and, for a site with `site.cluster`, the day-0 files of
 * the agent-based installer (`install/`), printed with a `# ---- path ----` header each, or written under DIR.
 * Nothing is contacted. The pull secret and SSH key are written only into DIR/install/install-config.yaml (mode
 * 0600); printed, they are masked. A full render into DIR removes the files an earlier render wrote there that the
 * inventory no longer produces (see render-manifest.ts), and lists them as `removed PATH`.
 */
export const registerRenderCommand: RegisterCommand = (program, setExit) => {
  program
    .command('render')
    .description(
      'render the desired state of every host (nmstate, switch configs, NNCPs, NADs) and the day-0 install files, without contacting anything',
    )
    .argument('<inventory>', 'inventory directory (Ansible layout: hosts.yaml, group_vars/, host_vars/)')
    .option('-o, --out <dir>', 'write the files under DIR (creating folders) instead of printing them')
    .option('-l, --limit <pattern>', 'only these hosts (Ansible pattern: names, groups, globs, ! to exclude)')
    .option('--no-install', 'leave out the day-0 install/ files (then no pull secret or SSH key is needed)')
    .option('--vault-password-file <file>', 'Ansible Vault password file (or ACP_PLAY_VAULT_PASSWORD_FILE)')
    .action(async (dir: string, flags: RenderFlags) => {
      const platforms = defaultPlatforms();
      const { inventory, site, warnings } = await loadSite(dir, platforms);
      const limit = flags.limit === undefined ? undefined : hostNames(selectHosts(inventory, flags.limit), flags.limit);
      const files = renderSite(site, { platforms, ...(limit === undefined ? {} : { limit }) });
      // Site-wide like the NADs: only without --limit. Everything is checked before anything is written.
      const day0 = flags.install && limit === undefined ? installFiles(site, inventory, warnings, flags) : undefined;
      files.push(...(day0?.files ?? []));
      for (const warning of [...warnings, ...(day0?.warnings ?? [])])
        process.stderr.write(`${formatProblem(warning)}\n`);
      if (flags.out === undefined) {
        process.stdout.write(files.map((f) => `# ---- ${f.path} ----\n${withNewline(f.text)}`).join('\n'));
      } else {
        for (const written of await writeFiles(flags.out, files)) process.stdout.write(`${written}\n`);
        // A full render owns its files: what it no longer produces goes (the NAD of a VLAN that left the site).
        const inScope = (p: string): boolean => limit === undefined && (flags.install || !p.startsWith('install/'));
        const removed = updateRenderManifest(
          flags.out,
          files.map((f) => f.path),
          inScope,
        );
        for (const gone of removed) process.stdout.write(`removed ${gone}\n`);
      }
      setExit(EXIT.ok);
    });
};

/** The day-0 files, or a ConfigError carrying their errors and the site's warnings. */
function installFiles(
  site: LoadedSite['site'],
  inventory: LoadedSite['inventory'],
  warnings: LoadedSite['warnings'],
  flags: RenderFlags,
): { files: RenderedFile[]; warnings: Problem[] } {
  const keyring = new VaultKeyring(flags.vaultPasswordFile ? { passwordFile: flags.vaultPasswordFile } : {});
  try {
    return prepareInstallFiles(site, inventory, { keyring, reveal: flags.out !== undefined });
  } catch (error) {
    throw error instanceof ConfigError ? withSiteWarnings(error, warnings) : error;
  }
}

function hostNames(selected: readonly { readonly name: string }[], pattern: string): string[] {
  const names = selected.map((h) => h.name);
  if (names.length === 0) {
    throw new ConfigError({
      severity: 'error',
      message: `--limit ${pattern} matches no host`,
      fix: 'check the pattern against the inventory',
    });
  }
  return names;
}

async function writeFiles(outDir: string, files: readonly RenderedFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(outDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    if (file.secret) {
      // A new file, created 0600: an existing one could be readable by others while the secret is written.
      await rm(target, { force: true });
      await writeFile(target, withNewline(file.text), { mode: 0o600 });
    } else {
      await writeFile(target, withNewline(file.text));
    }
    written.push(target);
  }
  return written;
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
