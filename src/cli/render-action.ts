import path from 'node:path';
import { ConfigError, formatProblem, type Problem } from '../core/errors.js';
import { prepareInstallFiles, withSiteWarnings } from '../install/install-files.js';
import { selectHosts } from '../inventory/host-pattern.js';
import { loadSite, type LoadedSite } from '../inventory/load-site.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { VaultKeyring } from '../transport/vault-keyring.js';
import {
  inSiteOrder,
  renderSite,
  renderSiteFiles,
  type RenderedFile,
  type RenderSiteOptions,
} from '../template/render-site.js';
import { EXIT } from './exit-codes.js';
import { checkGitopsFlags, writeSiteGitops, type GitopsFlags } from './render-gitops.js';
import { RenderedWriter } from './write-rendered.js';
import { updateRenderManifest } from './render-manifest.js';

export interface RenderFlags extends GitopsFlags {
  readonly out?: string;
  readonly limit?: string;
  /** false with --no-install. */
  readonly install: boolean;
  readonly vaultPasswordFile?: string;
}

/** What `acp-play render` does; render-command.ts imports this only when it runs (--help stays light). */
export async function renderAction(dir: string, flags: RenderFlags, setExit: (code: number) => void): Promise<void> {
  checkGitopsFlags(flags);
  const platforms = defaultPlatforms();
  const keyring = new VaultKeyring(flags.vaultPasswordFile ? { passwordFile: flags.vaultPasswordFile } : {});
  const { inventory, site, warnings } = await loadSite(dir, platforms, { keyring });
  const limit = flags.limit === undefined ? undefined : hostNames(selectHosts(inventory, flags.limit), flags.limit);
  const options: RenderSiteOptions = { platforms, ...(limit === undefined ? {} : { limit }) };
  // Rendered whole only when a GitOps tree needs the files; `--out` alone writes them as they are rendered.
  const rendered = flags.gitops !== undefined ? renderSite(site, options) : undefined;
  if (flags.gitops !== undefined) {
    for (const written of await writeSiteGitops(site, rendered!, flags)) process.stdout.write(`${written}\n`);
    // The tree alone unless --out asks for the files too; the day-0 files never go into a GitOps tree.
    if (flags.out === undefined) {
      for (const warning of warnings) process.stderr.write(`${formatProblem(warning)}\n`);
      return setExit(EXIT.ok);
    }
  }
  // Site-wide like the NADs: only without --limit. Everything is checked before anything is written.
  const day0 = flags.install && limit === undefined ? installFiles(site, inventory, warnings, flags) : undefined;
  for (const warning of [...warnings, ...(day0?.warnings ?? [])]) process.stderr.write(`${formatProblem(warning)}\n`);
  const day0Files = day0?.files ?? [];
  if (flags.out === undefined) {
    const files = [...(rendered ?? renderSite(site, options)), ...day0Files];
    process.stdout.write(files.map((f) => `# ---- ${f.path} ----\n${withNewline(f.text)}`).join('\n'));
  } else {
    const files = rendered ?? renderSiteFiles(site, options);
    const written = await writeRendered(flags.out, files, day0Files);
    process.stdout.write(written.map((file) => `${path.join(flags.out!, file.path)}\n`).join(''));
    // A full render owns its files: what it no longer produces goes (the NAD of a VLAN that left the site).
    const inScope = (p: string): boolean => limit === undefined && (flags.install || !p.startsWith('install/'));
    const removed = updateRenderManifest(
      flags.out,
      written.map((f) => f.path),
      inScope,
    );
    for (const gone of removed) process.stdout.write(`removed ${gone}\n`);
  }
  setExit(EXIT.ok);
}

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

/**
 * Writes the files as they are rendered, letting the event loop run every few files so the writes go on while the
 * next files render, then the day-0 files; returns the files written, in renderSite's order, day-0 last.
 */
async function writeRendered(
  outDir: string,
  files: Iterable<RenderedFile>,
  day0Files: readonly RenderedFile[],
): Promise<RenderedFile[]> {
  const writer = new RenderedWriter(outDir);
  const written: RenderedFile[] = [];
  for (const file of files) {
    writer.write(file);
    written.push(file);
    if (written.length % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  for (const file of day0Files) writer.write(file);
  await writer.done();
  return [...inSiteOrder(written), ...day0Files];
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
