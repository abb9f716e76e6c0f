import { existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findLinuxUml, runInGuest, type GuestRunResult } from '../uml/uml-guest.js';
import { KERNEL_LAB_SWITCH_PASSWORD, writeKernelLabInventory } from './kernel-lab-inventory.js';

const projectRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const labRoot = fileURLToPath(new URL('../../', import.meta.url));
const umlDir = join(labRoot, 'src/uml');
const kernelDir = join(labRoot, 'src/kernel');

/** Inputs of one kernel lab run: the whole seed site in ONE User-Mode Linux guest, driven by a scenario script. */
export interface KernelLabOptions {
  /** Host folder shared with the guest: inventory, keys, results (`out/`), every host's logs. */
  readonly workDir: string;
  /** Host path of the built nmstatectl (scripts/build-nmstatectl.sh). */
  readonly nmstatectl: string;
  /**
   * Runs after the lab's uml/lab-hosts.sh, uml/nmstate-lab-nodes.sh and kernel/kernel-site.sh are sourced
   * (site_up, cli, ...).
   */
  readonly scenarioScript: string;
  /** Config commands switch1 rejects (a regular expression), for fault tests. */
  readonly switchReject?: string;
  readonly timeoutMs?: number;
  /** The controller: a bin/acp-play.js (default this project's). */
  readonly cli?: string;
}

/** Where scripts/build-nmstatectl.sh leaves nmstatectl (its cache), or what is missing. */
export function findBuiltNmstatectl(): { readonly path?: string; readonly missing?: string } {
  const cacheRoot = process.env['ACP_PLAY_CACHE'] ?? join(process.env['HOME'] ?? '/root', '.cache/acp-play');
  const script = readFileSync(join(projectRoot, 'scripts/build-nmstatectl.sh'), 'utf8');
  const version = process.env['NMSTATE_VERSION'] ?? /NMSTATE_VERSION:-([0-9.]+)/.exec(script)?.[1] ?? '?';
  const path = join(cacheRoot, `nmstate-${version}`, 'bin', 'nmstatectl');
  return existsSync(path)
    ? { path }
    : {
        missing: `nmstatectl ${version} is not built (${path}): run scripts/build-nmstatectl.sh (cargo, a few minutes)`,
      };
}

/** Why the kernel lab cannot run here, or undefined when it can. */
export function kernelLabMissing(): string | undefined {
  if (process.getuid?.() !== 0)
    return 'needs root (the guest runs NetworkManager, D-Bus and sshd as root on a hostfs root)';
  if (!findLinuxUml()) return 'linux.uml is missing: apt-get install user-mode-linux';
  for (const tool of ['/usr/sbin/NetworkManager', '/usr/sbin/sshd', '/usr/bin/ping', '/usr/bin/tcpdump']) {
    if (!existsSync(tool)) return `${tool} is missing: install scripts/system-packages.txt (npm test does, as root)`;
  }
  if (!existsSync(join(labRoot, 'dist/kernel/kernel-switch-main.js'))) return 'dist/ is not built: npm run build';
  return findBuiltNmstatectl().missing;
}

/**
 * Boots ONE User-Mode Linux guest (a kernel with 802.1Q) and runs the seed's site in it: three node hosts (network
 * namespaces, each with D-Bus, NetworkManager, the real nmstatectl and sshd), switch1 (the NX-OS simulator driving
 * a VLAN-filtering bridge), the firewall namespace and the VM namespaces, then `scenarioScript`, whose controller
 * is the built CLI run by the host's node binary seen through hostfs. The guest lives as long as the script.
 */
export async function runKernelLab(opts: KernelLabOptions): Promise<GuestRunResult> {
  const work = opts.workDir;
  await mkdir(join(work, 'bin'), { recursive: true });
  // Copied into the shared folder: the binary's cache may sit under /root, which each node covers with a tmpfs.
  await copyFile(opts.nmstatectl, join(work, 'bin', 'nmstatectl'));
  await chmod(join(work, 'bin', 'nmstatectl'), 0o755);
  await copyFile(join(umlDir, 'nmstate-node-host.sh'), join(work, 'nmstate-node-host.sh'));
  await copyFile(join(umlDir, 'network-manager-conf.sh'), join(work, 'network-manager-conf.sh'));
  await writeKernelLabInventory(work);
  const hosts = await readFile(join(umlDir, 'lab-hosts.sh'), 'utf8');
  const nodes = await readFile(join(umlDir, 'nmstate-lab-nodes.sh'), 'utf8');
  const site = await readFile(join(kernelDir, 'kernel-site.sh'), 'utf8');
  return runInGuest(`${hosts}\n${nodes}\n${site}\n${opts.scenarioScript}`, {
    workDir: work,
    timeoutMs: opts.timeoutMs ?? 300_000,
    withNetworkManager: false,
    memMiB: 1536,
    hostname: 'lab',
    env: {
      ACP_NODE: process.execPath,
      ACP_CLI: opts.cli ?? join(projectRoot, 'bin/acp-play.js'),
      ACP_LAB_DIST: join(labRoot, 'dist'),
      SWITCH1_PASSWORD: KERNEL_LAB_SWITCH_PASSWORD,
      ...(opts.switchReject ? { SITE_REJECT: opts.switchReject } : {}),
    },
  });
}

/** The scenario of `acp-play lab up --kernel`: site up, plan, apply, VMs attached, the seed's flows, plan again. */
export function kernelSiteOneShotScript(): Promise<string> {
  return readFile(join(kernelDir, 'kernel-site-oneshot.sh'), 'utf8');
}
