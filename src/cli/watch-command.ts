import { ConfigError, formatProblem } from '../core/errors.js';
import { formatDuration, parseDuration } from '../watch/duration.js';
import { formatListenAddress, parseListenAddress } from '../watch/listen-address.js';
import { loadWatchSite, type WatchSiteSettings } from '../watch/load-watch-site.js';
import { WatchMetrics } from '../watch/watch-metrics.js';
import { startWatch } from '../watch/watch-service.js';
import type { RegisterCommand } from './register-command.js';
import { EXIT } from './exit-codes.js';
import { addFleetOptions, fleetTarget, type FleetFlags } from './fleet-target.js';
import { loadWatchFleet } from './watch-fleet.js';

interface WatchFlags extends FleetFlags {
  readonly interval: string;
  readonly listen: string;
  readonly playbook?: string;
  readonly limit?: string;
  readonly tags?: string;
  readonly forks: string;
  readonly vaultPasswordFile?: string;
  readonly sshConfig?: string;
}

/** Shorter rounds than this would keep the devices' CLIs busy for nothing. */
const MIN_INTERVAL_MS = 1_000;

/**
 * `acp-play watch INVENTORY --interval 5m --listen 127.0.0.1:9464`: plans the site on a schedule over connections
 * kept open between rounds, serves Prometheus metrics and /healthz, logs one line per round, never changes anything.
 * Runs until SIGTERM or SIGINT, then exits 0. Given a fleet (a folder of site inventories, --sites, --shard), watches
 * every site that loads, in one fork budget; a site that does not is reported and left out.
 */
export const registerWatchCommand: RegisterCommand = (program, setExit) => {
  addFleetOptions(
    program
      .command('watch')
      .description('plan the site (or fleet) on a schedule and serve drift metrics for Prometheus (changes nothing)')
      .argument('<inventory>', 'a site inventory directory, or a fleet: a directory of site inventories'),
  )
    .option(
      '-i, --interval <duration>',
      'time from the start of one round to the start of the next (30s, 5m, 1h)',
      '5m',
    )
    .option(
      '--listen <host:port>',
      'where /metrics and /healthz answer (0.0.0.0:9464 for every address)',
      '127.0.0.1:9464',
    )
    .option('-p, --playbook <file>', 'playbook (default: ./playbooks/site.yaml, else the packaged one)')
    .option('-l, --limit <pattern>', 'only these hosts (Ansible pattern: names, groups, g1:g2, !g, &g, globs)')
    .option('-t, --tags <tags>', 'only plays/tasks with one of these comma-separated tags')
    .option('-f, --forks <n>', 'hosts planned in parallel', '50')
    .option('--vault-password-file <file>', 'Ansible Vault password file (or ACP_PLAY_VAULT_PASSWORD_FILE)')
    .option('-F, --ssh-config <file>', 'ssh config file (default ~/.ssh/config)')
    .action(async (dir: string, flags: WatchFlags) => {
      const intervalMs = parseDuration(flags.interval);
      if (intervalMs === undefined || intervalMs < MIN_INTERVAL_MS)
        throw invalid(
          `--interval ${flags.interval} is not a duration of at least 1s`,
          'e.g. --interval 5m, 30s, 1h30m',
        );
      const listen = parseListenAddress(flags.listen);
      if (!listen) throw invalid(`--listen ${flags.listen} is not HOST:PORT`, 'e.g. --listen 127.0.0.1:9464');
      const forks = Number(flags.forks);
      if (!Number.isInteger(forks) || forks < 1)
        throw invalid(`--forks ${flags.forks} is not a positive whole number`, 'e.g. --forks 20');
      const metrics = new WatchMetrics();
      const settings: WatchSiteSettings = {
        forks,
        ...(flags.playbook ? { playbook: flags.playbook } : {}),
        ...(flags.limit ? { limit: flags.limit } : {}),
        ...(flags.tags
          ? {
              tags: flags.tags
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean),
            }
          : {}),
        ...(flags.vaultPasswordFile ? { vaultPasswordFile: flags.vaultPasswordFile } : {}),
        ...(flags.sshConfig ? { sshConfigPath: flags.sshConfig } : {}),
        onDial: (siteName, host, outcome) => metrics.recordDial(siteName, host.name, outcome),
      };
      const fleet = fleetTarget(dir, flags);
      const { sites, warnings } = fleet
        ? await loadWatchFleet(fleet, settings, (line) => void process.stderr.write(`${line}\n`))
        : await loadWatchSite(dir, settings).then((one) => ({ sites: [one.site], warnings: one.warnings }));
      for (const w of warnings) process.stderr.write(`${formatProblem(w)}\n`);
      const log = (line: string): void => void process.stdout.write(`${line}\n`);
      const watch = await startWatch({ sites, metrics, intervalMs, listen, log });
      const where = `http://${formatListenAddress(watch.address)}`;
      const hosts = sites.reduce((n, s) => n + s.options.inventory.hosts.size, 0);
      log(
        `${new Date().toISOString()} watching ${sites.map((s) => s.name).join(', ')}: ${hosts} host(s) every ${formatDuration(intervalMs)}; metrics on ${where}/metrics, health on ${where}/healthz; changes nothing`,
      );
      // A second signal while the round in flight ends: leave now.
      const leave = (): never => process.exit(130);
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        const on = (sig: NodeJS.Signals): void => {
          process.off('SIGTERM', on).off('SIGINT', on).on('SIGTERM', leave).on('SIGINT', leave);
          resolve(sig);
        };
        process.on('SIGTERM', on).on('SIGINT', on);
      });
      log(`${new Date().toISOString()} stopping (${signal}): letting the round in flight end, closing connections`);
      const { rounds } = await watch.stop();
      process.off('SIGTERM', leave).off('SIGINT', leave);
      log(`${new Date().toISOString()} stopped after ${rounds} round(s)`);
      setExit(EXIT.ok);
    });
};

function invalid(message: string, fix: string): ConfigError {
  return new ConfigError({ severity: 'error', message, fix });
}
