import path from 'node:path';
import { ConfigError, formatProblem } from '../errors.js';
import { selectHosts } from '../inventory/host-pattern.js';
import { loadSite } from '../inventory/load-site.js';
import {
  inSiteOrder,
  renderSite,
  renderSiteFiles,
  type RenderedFile,
  type RenderSiteOptions,
} from '../template/render-site.js';
import type { RegisterCommand } from './register-command.js';
import { EXIT } from './exit-codes.js';
import { RenderedWriter } from './write-rendered.js';

interface RenderFlags {
  readonly out?: string;
  readonly limit?: string;
}

/**
 * `acp-play render INVENTORY [--out DIR] [--limit PATTERN]`: the desired state of every host (nmstate per node,
 * switch configuration, NNCPs and NADs), printed with a `# ---- path ----` header each, or written under DIR.
 * Nothing is contacted.
 */
export const registerRenderCommand: RegisterCommand = (program, setExit) => {
  program
    .command('render')
    .description(
      'render the desired state of every host (nmstate, switch configs, NNCPs, NADs) without contacting anything',
    )
    .argument('<inventory>', 'inventory directory (Ansible layout: hosts.yaml, group_vars/, host_vars/)')
    .option('-o, --out <dir>', 'write the files under DIR (creating folders) instead of printing them')
    .option('-l, --limit <pattern>', 'only these hosts (Ansible pattern: names, groups, globs, ! to exclude)')
    .action(async (dir: string, flags: RenderFlags) => {
      const { inventory, site, warnings } = await loadSite(dir);
      for (const warning of warnings) process.stderr.write(`${formatProblem(warning)}\n`);
      const limit = flags.limit === undefined ? undefined : hostNames(selectHosts(inventory, flags.limit), flags.limit);
      const options: RenderSiteOptions = limit === undefined ? {} : { limit };
      if (flags.out === undefined) {
        const files = renderSite(site, options);
        process.stdout.write(files.map((f) => `# ---- ${f.path} ----\n${withNewline(f.text)}`).join('\n'));
      } else {
        process.stdout.write(await writeRendered(flags.out, renderSiteFiles(site, options)));
      }
      setExit(EXIT.ok);
    });
};

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
 * next files render; returns the list of written paths in renderSite's order.
 */
async function writeRendered(outDir: string, files: Iterable<RenderedFile>): Promise<string> {
  const writer = new RenderedWriter(outDir);
  const written: RenderedFile[] = [];
  for (const file of files) {
    writer.write(file);
    written.push(file);
    if (written.length % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await writer.done();
  return inSiteOrder(written)
    .map((file) => `${path.join(outDir, file.path)}\n`)
    .join('');
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
