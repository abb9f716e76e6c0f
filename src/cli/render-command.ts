import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, formatProblem } from '../core/errors.js';
import { selectHosts } from '../inventory/host-pattern.js';
import { loadSite } from '../inventory/load-site.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { renderSite, type RenderedFile } from '../template/render-site.js';
import type { RegisterCommand } from './register-command.js';
import { EXIT } from './exit-codes.js';

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
      const platforms = defaultPlatforms();
      const { inventory, site, warnings } = await loadSite(dir, platforms);
      for (const warning of warnings) process.stderr.write(`${formatProblem(warning)}\n`);
      const limit = flags.limit === undefined ? undefined : hostNames(selectHosts(inventory, flags.limit), flags.limit);
      const files = renderSite(site, { platforms, ...(limit === undefined ? {} : { limit }) });
      if (flags.out === undefined) {
        process.stdout.write(files.map((f) => `# ---- ${f.path} ----\n${withNewline(f.text)}`).join('\n'));
      } else {
        for (const written of await writeFiles(flags.out, files)) process.stdout.write(`${written}\n`);
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

async function writeFiles(outDir: string, files: readonly RenderedFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(outDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, withNewline(file.text));
    written.push(target);
  }
  return written;
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
