import { ConfigError, type Problem } from '../core/errors.js';
import { defaultModules } from '../engine/default-modules.js';
import type { ForkLimit } from '../engine/fork-limit.js';
import { sshConnector } from '../engine/host-connector.js';
import { playHosts } from '../engine/play-hosts.js';
import { prerenderRun } from '../engine/prerender.js';
import { selectHosts } from '../inventory/host-pattern.js';
import { loadSite } from '../inventory/load-site.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { loadPlaybook, resolvePlaybookPath } from '../playbook/load-playbook.js';
import { VaultKeyring } from '../transport/vault-keyring.js';
import { WatchPool, type DialListener } from './watch-pool.js';
import type { WatchSite } from './watch-site.js';

/** How a site is watched: the run flags `plan` takes, less the ones that write (`--accept-new`, `--out`). */
export interface WatchSiteSettings {
  readonly playbook?: string;
  readonly limit?: string;
  readonly tags?: readonly string[];
  readonly forks: number;
  /** The fork budget of a fleet watch, shared by its sites. */
  readonly forkLimit?: ForkLimit;
  readonly vaultPasswordFile?: string;
  readonly sshConfigPath?: string;
  /** Told about every dial, under the site's name. */
  readonly onDial?: (site: string, ...args: Parameters<DialListener>) => void;
}

/**
 * Loads and checks one site for the watch, as `plan` does before contacting anything: the inventory and site, the
 * playbook, every task's rendering, every credential and SSH setting. Bad input is a ConfigError (exit 3). Host keys
 * must already be pinned (keyscan): the watch never pins a key. Returns the site and the warnings to show.
 */
export async function loadWatchSite(
  dir: string,
  settings: WatchSiteSettings,
): Promise<{ site: WatchSite; warnings: readonly Problem[] }> {
  const platforms = defaultPlatforms();
  const keyring = new VaultKeyring(settings.vaultPasswordFile ? { passwordFile: settings.vaultPasswordFile } : {});
  const { inventory, site, warnings } = await loadSite(dir, platforms, { keyring });
  const playbook = await loadPlaybook(resolvePlaybookPath(settings.playbook));
  if (settings.limit) selectHosts(inventory, settings.limit);
  const modules = defaultModules(platforms);
  const scope = {
    ...(settings.limit ? { limit: settings.limit } : {}),
    ...(settings.tags && settings.tags.length > 0 ? { tags: settings.tags } : {}),
  };
  const never = new AbortController().signal;
  await prerenderRun({
    inventory,
    site,
    playbook,
    modules,
    runId: 'watch',
    forks: settings.forks,
    signal: never,
    ...scope,
  });
  const connector = sshConnector({
    inventory,
    keyring,
    acceptNew: false,
    ...(settings.sshConfigPath ? { sshConfigPath: settings.sshConfigPath } : {}),
  });
  const hosts = new Map(playbook.plays.flatMap((p) => playHosts(inventory, p, settings.limit)).map((h) => [h.name, h]));
  if (hosts.size === 0)
    throw new ConfigError({
      severity: 'error',
      message: `no host of ${dir} is in a play of ${playbook.file}${settings.limit ? ` within --limit ${settings.limit}` : ''}`,
      fix: 'check the inventory, the playbook and --limit',
    });
  const sshWarnings = connector.prepare([...hosts.values()]);
  const onDial: DialListener = (host, outcome) => settings.onDial?.(site.name, host, outcome);
  return {
    site: {
      name: site.name,
      options: {
        inventory,
        site,
        playbook,
        modules,
        connect: connector.connect,
        forks: settings.forks,
        ...(settings.forkLimit ? { forkLimit: settings.forkLimit } : {}),
        ...scope,
      },
      pool: new WatchPool(connector.connect, undefined, onDial),
    },
    warnings: [...warnings, ...sshWarnings],
  };
}
