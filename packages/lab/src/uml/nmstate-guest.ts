import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInGuest, type GuestRunResult } from './uml-guest.js';

const payloadPath = fileURLToPath(new URL('../../src/uml/nmstate-record-payload.sh', import.meta.url));

/** Inputs of one real nmstate run in a guest. */
export interface NmstateGuestRunOptions {
  /** Host path of the built nmstatectl (scripts/build-nmstatectl.sh prints it). */
  readonly nmstatectl: string;
  /** Desired state applied and committed (e.g. test/fixtures/nmstate/desired/node0.yml). */
  readonly desiredFile: string;
  /** The same plus one VLAN: applied with --no-commit, rolled back, then applied again and committed. */
  readonly desiredPlusFile: string;
  readonly workDir: string;
  readonly timeoutMs?: number;
}

/**
 * Boots a guest with NetworkManager, creates the trunk NIC `enp4s0f0` (a veth), and runs the real nmstatectl:
 * show, apply, show, apply again, apply --no-commit + rollback, apply --no-commit + commit. Outputs land in
 * `<workDir>/out/` (show-before.json, show-after.json, apply logs, ip -d link of enp4s0f0.2003, ...).
 */
export async function runNmstateInGuest(opts: NmstateGuestRunOptions): Promise<GuestRunResult> {
  await mkdir(join(opts.workDir, 'bin'), { recursive: true });
  // Copied into the shared folder: the binary's cache may sit under /tmp, which the guest covers with a tmpfs.
  await copyFile(opts.nmstatectl, join(opts.workDir, 'bin', 'nmstatectl'));
  await copyFile(opts.desiredFile, join(opts.workDir, 'desired.yml'));
  await copyFile(opts.desiredPlusFile, join(opts.workDir, 'desired-plus.yml'));
  return runInGuest(readFileSync(payloadPath, 'utf8'), {
    workDir: opts.workDir,
    timeoutMs: opts.timeoutMs ?? 240_000,
    hostname: 'node0',
  });
}
