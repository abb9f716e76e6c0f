import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { ConfigError, formatProblem } from '../core/errors.js';
import { defaultModules } from '../engine/default-modules.js';
import { sshConnector } from '../engine/host-connector.js';
import { playHosts } from '../engine/play-hosts.js';
import { prerenderRun } from '../engine/prerender.js';
import type { RunOptions } from '../engine/run-options.js';
import type { Reporter } from '../core/run.js';
import { selectHosts } from '../inventory/host-pattern.js';
import { loadSite } from '../inventory/load-site.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { loadPlaybook, resolvePlaybookPath } from '../playbook/load-playbook.js';
import { colorWanted, palette, type Palette } from '../report/colors.js';
import { PlainReporter } from '../report/plain-reporter.js';
import { RunRecord } from '../report/run-record.js';
import { VaultKeyring } from '../transport/vault-keyring.js';

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
}

export function addRunOptions(cmd: Command): Command {
  return cmd
    .argument('<inventory>', 'inventory directory (Ansible layout: hosts.yaml, group_vars/, host_vars/, known_hosts)')
    .option('-p, --playbook <file>', 'playbook (default: ./playbooks/site.yaml, else the packaged one)')
    .option('-l, --limit <pattern>', 'only these hosts (Ansible pattern: names, groups, g1:g2, !g, &g, globs)')
    .option('-t, --tags <tags>', 'only plays/tasks with one of these comma-separated tags')
    .option('-f, --forks <n>', 'hosts worked on in parallel', '50')
    .option('--json', 'print one JSON document (the plan or the result) on stdout; progress goes to stderr')
    .option('--accept-new', 'trust and pin the host key of hosts never seen before (a changed key is always refused)')
    .option('--vault-password-file <file>', 'Ansible Vault password file (or ACP_PLAY_VAULT_PASSWORD_FILE)')
    .option('-F, --ssh-config <file>', 'ssh config file (default ~/.ssh/config)');
}

/** Everything a run needs, loaded and checked before any host is contacted. */
export interface PreparedRun {
  readonly options: RunOptions;
  readonly record: RunRecord;
  readonly color: Palette;
  readonly out: NodeJS.WriteStream;
  readonly abort: AbortController;
  readonly dispose: () => void;
}

export async function prepareRun(dir: string, flags: RunFlags, commandLine: string): Promise<PreparedRun> {
  const platforms = defaultPlatforms();
  const keyring = new VaultKeyring(flags.vaultPasswordFile ? { passwordFile: flags.vaultPasswordFile } : {});
  const { inventory, site, warnings } = await loadSite(dir, platforms, { keyring });
  const playbook = await loadPlaybook(resolvePlaybookPath(flags.playbook));
  const forks = Number(flags.forks);
  if (!Number.isInteger(forks) || forks < 1)
    throw new ConfigError({
      severity: 'error',
      message: `--forks ${flags.forks} is not a positive whole number`,
      fix: 'e.g. --forks 20',
    });
  if (flags.limit) selectHosts(inventory, flags.limit); // a --limit typo is an input error, before anything runs
  const tags = flags.tags
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const runId = randomBytes(4).toString('hex');
  const modules = defaultModules(platforms);
  const abort = new AbortController();
  const scope = { ...(flags.limit ? { limit: flags.limit } : {}), ...(tags && tags.length > 0 ? { tags } : {}) };
  await prerenderRun({ inventory, site, playbook, modules, runId, forks, signal: abort.signal, ...scope });
  let record: RunRecord | undefined;
  const connector = sshConnector({
    inventory,
    keyring,
    acceptNew: flags.acceptNew ?? false,
    ...(flags.sshConfig ? { sshConfigPath: flags.sshConfig } : {}),
    transcript: { record: (entry) => record?.record(entry) },
  });
  const runHosts = new Map(playbook.plays.flatMap((p) => playHosts(inventory, p, flags.limit)).map((h) => [h.name, h]));
  // Credentials and SSH settings checked now: a missing env var or a bad algorithm is exit 3, nothing contacted.
  const sshWarnings = connector.prepare([...runHosts.values()]);
  // Only a run that passed every input check gets a record.
  record = new RunRecord(runId, commandLine);
  // Progress goes to stderr when stdout carries JSON.
  const out = flags.json ? process.stderr : process.stdout;
  const color = palette(colorWanted(out));
  for (const w of [...warnings, ...sshWarnings]) process.stderr.write(`${formatProblem(w)}\n`);
  // listr2 is loaded only for a terminal: it is the largest module of a plan run's start-up.
  const reporter: Reporter =
    out.isTTY && !process.env.CI
      ? new (await import('../report/listr-reporter.js')).ListrReporter(out)
      : new PlainReporter((line) => out.write(`${line}\n`), color);
  const onSignal = () => {
    if (abort.signal.aborted) process.exit(130); // second Ctrl-C: leave now
    abort.abort();
    reporter.emit({ kind: 'interrupt' });
  };
  process.on('SIGINT', onSignal);
  return {
    options: {
      inventory,
      site,
      playbook,
      modules,
      connect: connector.connect,
      reporter,
      runId,
      ...scope,
      forks,
      signal: abort.signal,
    },
    record,
    color,
    out,
    abort,
    dispose: () => process.off('SIGINT', onSignal),
  };
}
