import { copyFile, cp, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInGuest, type GuestRunResult } from './uml-guest.js';

const snippetDir = fileURLToPath(new URL('../../src/uml/', import.meta.url));
const cliPath = fileURLToPath(new URL('../../../../bin/acp-play.js', import.meta.url));

/** Inputs of one Cumulus lab run: switch hosts with real ifupdown2 + sshd, the built CLI as controller. */
export interface CumulusLabOptions {
  /** Host folder shared with the guest (results land in `out/`). */
  readonly workDir: string;
  /**
   * Fixture folder: `inventory/` (copied as `inv`), `variants/NAME/` (copied over it as `inv-NAME`), and
   * `switches/SW/interfaces` (each switch's starting /etc/network/interfaces).
   */
  readonly fixtureDir: string;
  /**
   * Scenario script, run after lab-hosts.sh and cumulus-lab-switch.sh are sourced (it calls lab_setup, lab_switch,
   * cli...).
   */
  readonly scenarioScript: string;
  readonly timeoutMs?: number;
}

/**
 * Boots ONE User-Mode Linux guest (a kernel with 802.1Q and VLAN filtering) for a whole scenario script. Inside it,
 * each switch is a network namespace running real ifupdown2 on a private /etc/network, with switch ports swp1..N
 * and its own sshd on a management veth; the controller is the built acp-play CLI (dist/, through bin/acp-play.js)
 * run by the host's node binary, which the guest sees through hostfs. Addresses (172.16.0.0/24) exist only inside
 * the guest.
 */
export async function runCumulusLab(opts: CumulusLabOptions): Promise<GuestRunResult> {
  const work = opts.workDir;
  await copyFile(join(snippetDir, 'cumulus-switch-host.sh'), join(work, 'cumulus-switch-host.sh'));
  await cp(join(opts.fixtureDir, 'inventory'), join(work, 'inv'), { recursive: true });
  for (const sw of await readdir(join(opts.fixtureDir, 'switches'))) {
    await mkdir(join(work, 'switches', sw), { recursive: true });
    await copyFile(join(opts.fixtureDir, 'switches', sw, 'interfaces'), join(work, 'switches', sw, 'interfaces'));
  }
  const variants = await readdir(join(opts.fixtureDir, 'variants')).catch(() => [] as string[]);
  for (const variant of variants) {
    await cp(join(opts.fixtureDir, 'inventory'), join(work, `inv-${variant}`), { recursive: true });
    await cp(join(opts.fixtureDir, 'variants', variant), join(work, `inv-${variant}`), {
      recursive: true,
      force: true,
    });
  }
  const hosts = await readFile(join(snippetDir, 'lab-hosts.sh'), 'utf8');
  const lab = await readFile(join(snippetDir, 'cumulus-lab-switch.sh'), 'utf8');
  return runInGuest(`${hosts}\n${lab}\n${opts.scenarioScript}`, {
    workDir: work,
    timeoutMs: opts.timeoutMs ?? 120_000,
    withNetworkManager: false,
    modules: ['8021q', 'bridge', 'veth'],
    memMiB: 768,
    hostname: 'lab',
    env: { ACP_NODE: process.execPath, ACP_CLI: cliPath },
  });
}
