import type { RegisterCommand } from './register-command.js';
import type { RenderFlags } from './render-action.js';

/**
 * `acp-play render INVENTORY [--out DIR] [--limit PATTERN] [--no-install] [--gitops DIR --gitops-repo URL]`: the
 * desired state of every host
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
    .option(
      '--gitops <dir>',
      "write the site's GitOps tree under DIR: sites/SITE/ (NNCPs, NADs, kustomization.yaml) and applicationset.yaml",
    )
    .option('--gitops-repo <url>', 'with --gitops: the Git repository Argo CD reads the tree from')
    .option('--gitops-revision <rev>', 'with --gitops: the branch, tag or commit Argo CD follows', 'HEAD')
    .option('--gitops-path <path>', 'with --gitops: where DIR is inside that repository', '.')
    .action(async (dir: string, flags: RenderFlags) =>
      (await import('./render-action.js')).renderAction(dir, flags, setExit),
    );
};
