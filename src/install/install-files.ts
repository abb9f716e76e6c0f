import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, type Problem } from '../core/errors.js';
import { findSiteHost } from '../inventory/build-site.js';
import { findDay0Gaps } from '../inventory/day0-gaps.js';
import type { Inventory } from '../core/inventory.js';
import { SiteLocator } from '../inventory/site-locator.js';
import type { Site } from '../core/site.js';
import type { RenderedFile } from '../template/render-site.js';
import { SECRET_MASK } from '../transport/secret.js';
import type { VaultKeyring } from '../transport/vault-keyring.js';
import { readInstallSecrets } from './install-secrets.js';
import { renderInstallFiles } from './render-install.js';

/** Options of {@link prepareInstallFiles}. */
export interface InstallFileOptions {
  readonly keyring: VaultKeyring;
  /** True: the real secrets go into install-config.yaml (writing files); false: masks (printing). */
  readonly reveal: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Directory whose `templates/` overrides the packaged templates. */
  readonly cwd?: string;
}

/**
 * What must hold before any install file is written: every node's MAC and root device (see findDay0Gaps), as
 * errors. The rest of the day-0 checks ran when the site was loaded.
 */
export function checkInstallInputs(site: Site, inventory: Inventory): Problem[] {
  return findDay0Gaps(site, new SiteLocator(inventory, findSiteHost(inventory).chosen), 'error');
}

/**
 * The day-0 files of a site (`install/agent-config.yaml`, `install/install-config.yaml`), or none when the site
 * has no `site.cluster`. Throws a ConfigError (nothing rendered) when a day-0 value is still missing or a secret
 * cannot be read. The secrets are read even when `reveal` is false, so printing fails exactly as writing would.
 */
export function prepareInstallFiles(
  site: Site,
  inventory: Inventory,
  opts: InstallFileOptions,
): { files: RenderedFile[]; warnings: Problem[] } {
  const cluster = site.cluster;
  if (!cluster) return { files: [], warnings: [] };
  const gaps = checkInstallInputs(site, inventory);
  if (gaps.length > 0) throw new ConfigError(gaps);
  const { secrets, warnings } = readInstallSecrets(cluster, {
    keyring: opts.keyring,
    baseDir: inventoryBase(inventory.dir),
    ...(opts.env ? { env: opts.env } : {}),
  });
  const values = opts.reveal
    ? { pullSecret: secrets.pullSecret.reveal(), sshKey: secrets.sshKey.reveal(), masked: false }
    : { pullSecret: SECRET_MASK, sshKey: SECRET_MASK, masked: true };
  return { files: renderInstallFiles(site, cluster, values, opts.cwd), warnings };
}

/** The inventory directory (the folder of the hosts file when the inventory was given as a file). */
function inventoryBase(dir: string): string {
  try {
    return statSync(dir).isFile() ? dirname(dir) : dir;
  } catch {
    return dir;
  }
}

/**
 * A failed {@link prepareInstallFiles} as one ConfigError: its errors, then the site's warnings that do not say
 * the same thing as one of them (a missing MAC is a warning of `validate` and an error of `render`).
 */
export function withSiteWarnings(error: ConfigError, siteWarnings: readonly Problem[]): ConfigError {
  const key = (p: Problem) => `${p.location?.file}:${p.location?.line}:${p.location?.col}|${p.message}`;
  const said = new Set(error.problems.map(key));
  return new ConfigError([...error.problems, ...siteWarnings.filter((w) => !said.has(key(w)))], { cause: error });
}
