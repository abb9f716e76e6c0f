import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateEd25519 } from './host-files.js';
import { writeLabInventory } from './lab-inventory.js';
import { assertLabAvailable, ensureLabUser, findIp } from './lab-prereqs.js';
import { writeLabState, type LabState } from './lab-state.js';
import { teardownLab, type TeardownReport } from './lab-teardown.js';
import { killTrees } from './process-tree.js';
import { freePortFrom, startNamespaceHost, type NamespaceHost } from './namespace-host.js';

/** Options of {@link startLabHosts}. */
export interface LabHostsOptions {
  /** Number of namespace hosts (h1..hN). */
  readonly count: number;
  /** Where the inventory is written (hosts.yaml, known_hosts, id_ed25519). */
  readonly inventoryDir: string;
  /** Where lab.json is kept; absent for a lab that lives only in this process (tests, benchmarks). */
  readonly stateDir?: string;
  /** First forwarder port tried on 127.0.0.1; default 24000 (taken ports are skipped). */
  readonly firstPort?: number;
  /** Hosts started at once; default 8. */
  readonly concurrency?: number;
  /** Recorded in lab.json: the process that owns the lab's processes (`acp-play lab up`'s keeper). */
  readonly keeperPid?: number;
}

/** A running lab of namespace hosts, owned by this process. */
export interface LabHosts {
  readonly id: string;
  readonly hosts: readonly NamespaceHost[];
  readonly inventoryDir: string;
  readonly runtimeDir: string;
  /** Successful SSH logins recorded in a host's sshd log so far (one per authenticated TCP connection). */
  acceptedCount(name: string): number;
  /** Kills every process, removes every namespace, the runtime folder, the inventory files and lab.json. */
  stop(): Promise<TeardownReport>;
}

/**
 * Starts `count` plain Linux hosts, each in its own network namespace with its own sshd and host key, reachable
 * from the root namespace on 127.0.0.1:<port> through a socat forwarder; writes an inventory that pins every host
 * key. Needs root. Every process is a child of this process. A failed start removes what it made, then throws.
 */
export async function startLabHosts(opts: LabHostsOptions): Promise<LabHosts> {
  assertLabAvailable();
  await ensureLabUser();
  const ip = findIp()!;
  const id = randomBytes(3).toString('hex');
  const runtimeDir = mkdtempSync(join(tmpdir(), 'acp-lab-'));
  chmodSync(runtimeDir, 0o755); // sshd reads authorized_keys as the login user
  const inventoryDir = resolve(opts.inventoryDir);
  const namespaces: string[] = [];
  const children: ChildProcess[] = [];
  const hosts: NamespaceHost[] = [];
  const createdAt = new Date().toISOString();
  const state = (status: LabState['status']): LabState => ({
    format: 'acp-play/lab-hosts@1',
    id,
    status,
    createdAt,
    ...(opts.keeperPid !== undefined ? { keeperPid: opts.keeperPid } : {}),
    runtimeDir,
    inventoryDir,
    namespaces: [...namespaces],
    hosts: hosts.map(({ sshd: _s, socat: _c, ...h }) => h),
  });
  if (opts.stateDir) mkdirSync(opts.stateDir, { recursive: true });
  const save = (status: LabState['status']): void =>
    opts.stateDir ? writeLabState(opts.stateDir, state(status)) : undefined;
  save('starting');

  // Host hN gets the N-th free port from firstPort; a port taken in between falls back to one above them all.
  const ports: number[] = [];
  for (let i = 0; i < opts.count; i++)
    ports.push(await freePortFrom((ports.at(-1) ?? (opts.firstPort ?? 24_000) - 1) + 1));
  let spare = Promise.resolve((ports.at(-1) ?? 24_000) + 1);
  const portFor =
    (index: number) =>
    (attempt: number): Promise<number> => {
      if (attempt === 1) return Promise.resolve(ports[index - 1]!);
      const port = spare.then((from) => freePortFrom(from));
      spare = port.then((p) => p + 1);
      return port;
    };
  const clientKey = await generateEd25519(join(runtimeDir, 'client_ed25519'), `acp-lab-${id} client`);
  const stop = async (): Promise<TeardownReport> => {
    // Every child, also those of a host that failed half-way (not yet in `hosts`).
    await killTrees(
      children.filter((c) => c.exitCode === null && c.signalCode === null && c.pid !== undefined).map((c) => c.pid!),
    );
    const report = await teardownLab(state('up'), opts.stateDir);
    // Node reaps its own children; wait for that so nothing is left as a zombie.
    await Promise.all(
      children.map((c) =>
        c.exitCode !== null || c.signalCode !== null ? undefined : new Promise((r) => c.once('exit', r)),
      ),
    );
    return report;
  };
  let next = 1;
  let failed = false;
  const worker = async (): Promise<void> => {
    try {
      while (next <= opts.count && !failed) {
        const index = next++;
        const host = await startNamespaceHost({
          labId: id,
          index,
          runtimeDir,
          clientPublicLine: clientKey.publicLine,
          ip,
          portFor: portFor(index),
          onNamespace: (netns) => {
            namespaces.push(netns);
            save('starting');
          },
          onProcess: (child) => children.push(child),
        });
        hosts.push(host);
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  // Every worker settles before a failed start is cleaned up, so nothing is started behind the teardown.
  const results = await Promise.allSettled(Array.from({ length: Math.min(opts.concurrency ?? 8, opts.count) }, worker));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }
  hosts.sort((a, b) => Number(a.name.slice(1)) - Number(b.name.slice(1)));
  writeLabInventory(inventoryDir, id, hosts, clientKey);
  save('up');
  return {
    id,
    hosts,
    inventoryDir,
    runtimeDir,
    acceptedCount: (name) => {
      const host = hosts.find((h) => h.name === name);
      if (!host) throw new Error(`no lab host ${name}`);
      return readFileSync(join(host.dir, 'sshd.log'), 'utf8')
        .split('\n')
        .filter((l) => /^Accepted publickey for /.test(l)).length;
    },
    stop,
  };
}
