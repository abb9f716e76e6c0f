import { chmod, copyFile, cp, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInGuest, type GuestRunResult } from './uml-guest.js';

const snippetDir = fileURLToPath(new URL('../../src/uml/', import.meta.url));
const cliPath = fileURLToPath(new URL('../../../../bin/acp-play.js', import.meta.url));

/** Inputs of one nmstate lab run: node hosts with real NetworkManager + nmstatectl, the built CLI as controller. */
export interface NmstateLabOptions {
  /** Host folder shared with the guest (results land in `out/`). */
  readonly workDir: string;
  /** Host path of the built nmstatectl (scripts/build-nmstatectl.sh). */
  readonly nmstatectl: string;
  /**
   * Inventory fixture folder: `inventory/` (copied as `inv`), `variants/NAME/` (copied over it as `inv-NAME`),
   * `playbooks/`.
   */
  readonly fixtureDir: string;
  /**
   * Scenario script, run after lab-hosts.sh and nmstate-lab-nodes.sh are sourced (it calls lab_setup, lab_node,
   * cli...).
   */
  readonly scenarioScript: string;
  readonly timeoutMs?: number;
}

/**
 * Boots ONE User-Mode Linux guest for a whole scenario script. Inside it, node hosts are network namespaces with
 * their own D-Bus, NetworkManager and sshd (uml/nmstate-node-host.sh); the controller is the built acp-play CLI
 * (dist/, through bin/acp-play.js) run by the host's node binary, which the guest sees through hostfs.
 * Every address (172.16.0.0/24) exists only inside the guest.
 */
export async function runNmstateLab(opts: NmstateLabOptions): Promise<GuestRunResult> {
  const work = opts.workDir;
  await mkdir(join(work, 'bin'), { recursive: true });
  // Copied into the shared folder: the binary's cache may sit under /tmp or /root, which the guest's nodes cover.
  await copyFile(opts.nmstatectl, join(work, 'bin', 'nmstatectl'));
  await chmod(join(work, 'bin', 'nmstatectl'), 0o755);
  await copyFile(join(snippetDir, 'nmstate-node-host.sh'), join(work, 'nmstate-node-host.sh'));
  await copyFile(join(snippetDir, 'network-manager-conf.sh'), join(work, 'network-manager-conf.sh'));
  await cp(join(opts.fixtureDir, 'inventory'), join(work, 'inv'), { recursive: true });
  await cp(join(opts.fixtureDir, 'playbooks'), join(work, 'playbooks'), { recursive: true });
  const variants = await readdir(join(opts.fixtureDir, 'variants')).catch(() => [] as string[]);
  for (const variant of variants) {
    await cp(join(opts.fixtureDir, 'inventory'), join(work, `inv-${variant}`), { recursive: true });
    await cp(join(opts.fixtureDir, 'variants', variant), join(work, `inv-${variant}`), {
      recursive: true,
      force: true,
    });
  }
  const hosts = await readFile(join(snippetDir, 'lab-hosts.sh'), 'utf8');
  const nodes = await readFile(join(snippetDir, 'nmstate-lab-nodes.sh'), 'utf8');
  return runInGuest(`${hosts}\n${nodes}\n${opts.scenarioScript}`, {
    workDir: work,
    timeoutMs: opts.timeoutMs ?? 240_000,
    withNetworkManager: false,
    memMiB: 1024,
    hostname: 'lab',
    env: { ACP_NODE: process.execPath, ACP_CLI: cliPath },
  });
}
