import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { AcpError } from 'acp-play/core/errors.js';
import { findBuiltNmstatectl, kernelLabMissing, kernelSiteOneShotScript, runKernelLab } from '../kernel/kernel-lab.js';
import { EXIT } from 'acp-play/cli/exit-codes.js';

/**
 * `acp-play lab up --kernel`: the seed's site ONCE on a real data plane. This machine's kernel has no 802.1Q, so the
 * whole site runs inside one User-Mode Linux guest that lives only as long as its script: it boots, brings up
 * switch1 (the NX-OS simulator driving a VLAN-filtering bridge), three nodes with real sshd + NetworkManager +
 * nmstatectl, the firewall and five VMs, plans and applies DIR/inventories/lab (inventories/site1 as it is, nodes
 * reached as root), attaches the VMs, prints the seed's flows as pings, and powers off. Nothing keeps running;
 * the records stay in DIR (default .acp-play/lab-kernel) until the next run. Called from lab-hosts-command.ts.
 */
export const KERNEL_LAB_DIR = join('.acp-play', 'lab-kernel');

/**
 * `lab up --kernel [--dir DIR]`. Returns the exit code: 0 when the apply worked, every flow answered and the re-plan is
 * empty.
 */
export async function labUpKernel(flags: { readonly dir?: string }): Promise<number> {
  const missing = kernelLabMissing();
  if (missing) throw new AcpError(`lab up --kernel cannot run here: ${missing}`);
  const dir = resolve(flags.dir ?? KERNEL_LAB_DIR);
  // One run's records only: the previous run's folder is replaced, and only when it is one (it has payload.sh).
  if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(join(dir, 'payload.sh'))) {
    throw new AcpError(`lab up --kernel: ${shown(dir)} is not empty and not a kernel lab folder; choose another --dir`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  process.stdout.write(
    `booting a User-Mode Linux guest for the site (records in ${shown(dir)}); this takes about a minute\n`,
  );
  const stopFollowing = follow(join(dir, 'payload.out'), (text) => process.stdout.write(text));
  let result;
  try {
    result = await runKernelLab({
      workDir: dir,
      nmstatectl: findBuiltNmstatectl().path!,
      scenarioScript: await kernelSiteOneShotScript(),
      timeoutMs: 300_000,
    });
  } finally {
    stopFollowing();
  }
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  if (result.timedOut || result.exitCode === null) {
    process.stdout.write(
      `the guest did not finish (${result.timedOut ? 'timed out' : 'no exit code'}) after ${secs} s; its console is in ${shown(join(dir, 'console.log'))}\n`,
    );
    return EXIT.failed;
  }
  process.stdout.write(
    `guest powered off after ${secs} s; nothing is left running (records: ${shown(join(dir, 'out'))})\n`,
  );
  return result.exitCode === 0 ? EXIT.ok : EXIT.failed;
}

/** Prints what is appended to `path` (written by the guest through hostfs) until the returned stop is called. */
function follow(path: string, write: (text: string) => void): () => void {
  let offset = 0;
  const drain = (): void => {
    if (!existsSync(path)) return;
    const size = statSync(path).size;
    if (size < offset) offset = 0;
    if (size === offset) return;
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(size - offset);
      readSync(fd, buf, 0, buf.length, offset);
      offset = size;
      write(buf.toString('utf8'));
    } finally {
      closeSync(fd);
    }
  };
  const timer = setInterval(drain, 500);
  return () => {
    clearInterval(timer);
    drain();
  };
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
