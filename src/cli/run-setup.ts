import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ConfigError, formatProblem } from '../core/errors.js';
import type { InputDigests, Reporter } from '../core/run.js';
import { defaultModules } from '../engine/default-modules.js';
import { sshConnector } from '../engine/host-connector.js';
import { InFlight } from '../engine/in-flight.js';
import type { ForkLimit } from '../engine/fork-limit.js';
import { localRunIdentity } from '../engine/local-run-identity.js';
import { playHosts } from '../engine/play-hosts.js';
import { prerenderRun } from '../engine/prerender.js';
import type { RunOptions } from '../engine/run-options.js';
import { digestInputs } from '../engine/run-inputs.js';
import { acquireSiteLock, thisRun, type HeldLock } from '../engine/site-lock.js';
import { selectHosts } from '../inventory/host-pattern.js';
import { loadSite } from '../inventory/load-site.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { packagedTemplatesDir, templateSearchPaths } from '../template/template-env.js';
import { loadPlaybook, resolvePlaybookPath } from '../playbook/load-playbook.js';
import { colorWanted, palette, type Palette } from '../report/colors.js';
import { secretMasker } from '../report/mask.js';
import { PlainReporter } from '../report/plain-reporter.js';
import { RunRecord } from '../report/run-record.js';
import { VaultKeyring } from '../transport/vault-keyring.js';
import { handleInterrupts } from './interrupts.js';
import { parseLockTimeout } from './lock-timeout.js';
import { maskOutput } from './output-mask.js';
import { packageVersion } from './package-version.js';
import type { RunFlags } from './run-options.js';

/** `--forks N`: a positive whole number, else bad input (exit 3). */
export function parseForks(text: string): number {
  const forks = Number(text);
  if (!Number.isInteger(forks) || forks < 1)
    throw new ConfigError({
      severity: 'error',
      message: `--forks ${text} is not a positive whole number`,
      fix: 'e.g. --forks 20',
    });
  return forks;
}

/** The lock file of a site: next to its inventory, so every run of that inventory sees it. */
export function siteLockFile(inventoryDir: string): string {
  return join(inventoryDir, '.acp-play.lock');
}

/** What a command asks of the run setup. */
export interface RunSetup {
  /** A plan changes nothing on devices: its second Ctrl-C leaves at once. */
  readonly changesDevices: boolean;
  /** Checks the run's inputs before the lock is taken and any host contacted (a saved plan's digests). */
  readonly checkInputs?: (now: { toolVersion: string; inputs: InputDigests }) => void;
  /**
   * Render every task before contacting anything (template errors and duplicate addresses are exit 3). Off for
   * `apply PLANFILE`, which runs the saved desired states and checks the inputs against the plan's digests instead.
   */
  readonly prerender?: boolean;
  /** One site of a fleet run: what the sites share instead of having their own. */
  readonly fleet?: FleetShare;
}

/** What the sites of one fleet run share: the Ctrl-C, the fork budget; and the site's name for its progress lines. */
export interface FleetShare {
  readonly abort: AbortController;
  readonly forkLimit: ForkLimit;
  readonly site: string;
}

/** Everything a run needs, loaded and checked before any host is contacted. */
export interface PreparedRun {
  readonly options: RunOptions & { readonly inFlight: InFlight; readonly inputs: InputDigests };
  readonly record: RunRecord;
  readonly color: Palette;
  readonly out: NodeJS.WriteStream;
  readonly abort: AbortController;
  /** The run's secret masking, for files the command writes itself (the plan file). */
  readonly redact: (text: string) => string;
  readonly lock: HeldLock;
  readonly dispose: () => void;
}

/**
 * Loads and checks everything (exit 3 on bad input, nothing contacted), masks the run's secrets on every writer,
 * takes the site lock (exit 1 naming the holder, or waits with --lock-timeout), opens the run record, and installs
 * the interrupt handling.
 */
export async function prepareRun(
  dir: string,
  flags: RunFlags,
  commandLine: string,
  setup: RunSetup,
): Promise<PreparedRun> {
  const platforms = defaultPlatforms();
  const keyring = new VaultKeyring(flags.vaultPasswordFile ? { passwordFile: flags.vaultPasswordFile } : {});
  const { inventory, site, warnings } = await loadSite(dir, platforms, { keyring });
  const playbookFile = resolvePlaybookPath(flags.playbook);
  const playbook = await loadPlaybook(playbookFile);
  const forks = parseForks(flags.forks);
  const lockTimeoutMs = parseLockTimeout(flags.lockTimeout);
  if (flags.limit) selectHosts(inventory, flags.limit); // a --limit typo is an input error, before anything runs
  const tags = flags.tags
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const runId = randomBytes(4).toString('hex');
  const modules = defaultModules(platforms);
  const abort = setup.fleet?.abort ?? new AbortController();
  const scope = { ...(flags.limit ? { limit: flags.limit } : {}), ...(tags && tags.length > 0 ? { tags } : {}) };
  if (setup.prerender !== false)
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
  const redact = secretMasker(connector.secrets());
  // Kept until the process ends: the CLI prints a failed run's error after the command has returned.
  maskOutput(redact);
  const toolVersion = packageVersion();
  const inputs = digestInputs(inventory, playbookFile, [
    { dir: templateSearchPaths()[0]!, label: 'templates' },
    { dir: packagedTemplatesDir, label: '(packaged)' },
  ]);
  setup.checkInputs?.({ toolVersion, inputs });
  const lockFile = siteLockFile(inventory.dir);
  const lock = await acquireSiteLock(lockFile, thisRun(runId, commandLine), {
    timeoutMs: lockTimeoutMs,
    onWait: (h) =>
      process.stderr.write(
        `waiting for the site lock: run ${h.runId} of ${h.user} on ${h.host} holds it (${h.command})\n`,
      ),
  });
  try {
    // Only a run that passed every input check and holds the site lock gets a record.
    record = new RunRecord(runId, commandLine, process.cwd(), new Date(), redact);
  } catch (error) {
    lock.release();
    throw error;
  }
  // Progress goes to stderr when stdout carries JSON.
  const out = flags.json ? process.stderr : process.stdout;
  const color = palette(colorWanted(out));
  for (const w of [...warnings, ...sshWarnings]) process.stderr.write(`${formatProblem(w)}\n`);
  if (lock.replaced)
    process.stderr.write(
      `removed the stale site lock of run ${lock.replaced.runId} (pid ${lock.replaced.pid} is gone)\n`,
    );
  // listr2 is loaded only for a terminal: it is the largest module of a plan run's start-up. A fleet's sites run
  // at once, so each writes plain lines that name its site.
  const fleetSite = setup.fleet?.site;
  const reporter: Reporter =
    fleetSite !== undefined
      ? new PlainReporter((line) => out.write(`${color.cyan(`[${fleetSite}]`)} ${line}\n`), color)
      : out.isTTY && !process.env.CI
        ? new (await import('../report/listr-reporter.js')).ListrReporter(out)
        : new PlainReporter((line) => out.write(`${line}\n`), color);
  const inFlight = new InFlight();
  const held = record;
  // A fleet run handles the interrupts of all its sites at once.
  const stopHandling = setup.fleet
    ? () => undefined
    : handleInterrupts({
        abort,
        reporter,
        inFlight,
        changesDevices: setup.changesDevices,
        abandon: (work) => {
          held.writeAbandoned(work);
          lock.release();
        },
      });
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
      ...(setup.fleet ? { forkLimit: setup.fleet.forkLimit } : {}),
      signal: abort.signal,
      toolVersion,
      inputs,
      inFlight,
      identity: localRunIdentity(runId, lockFile),
    },
    record,
    color,
    out,
    abort,
    redact,
    lock,
    dispose: () => {
      stopHandling();
      lock.release();
    },
  };
}
