import { createInterface } from 'node:readline/promises';
import pLimit from 'p-limit';
import { ConfigError, formatProblem } from '../core/errors.js';
import { selectHosts } from '../inventory/host-pattern.js';
import type { Host } from '../core/inventory.js';
import { loadInventory } from '../inventory/load-inventory.js';
import { describeScannedKey, pinScannedKey, scanHostKey, type PinOutcome } from '../transport/keyscan.js';
import { inventoryKnownHostsFile } from '../transport/known-hosts.js';
import type { HostAlgorithms } from '../transport/ssh-algorithms.js';
import { algorithmsForAlias, checkSshSettings, readSshConfig } from '../transport/ssh-settings-check.js';

export interface KeyscanFlags {
  readonly limit?: string;
  readonly yes?: boolean;
  readonly replace?: boolean;
  readonly timeout: string;
  readonly sshConfig?: string;
}

/** What `acp-play keyscan` does; keyscan-command.ts imports this only when it runs (--help stays light). */
export async function keyscanAction(dir: string, flags: KeyscanFlags, setExit: (code: number) => void): Promise<void> {
  const inventory = await loadInventory(dir);
  for (const warning of inventory.warnings ?? []) process.stderr.write(`${formatProblem(warning)}\n`);
  const hosts = flags.limit === undefined ? [...inventory.hosts.values()] : selectHosts(inventory, flags.limit);
  if (hosts.length === 0)
    throw new ConfigError({ severity: 'error', message: `--limit ${flags.limit ?? ''} matches no host` });
  const timeoutMs = Number(flags.timeout);
  // The handshake offers what a run would (ssh config and inventory settings); a bad setting is exit 3 here.
  const routes = hosts.map((h) => ({ address: h.address, ...(h.ssh ? { algorithms: h.ssh.algorithms } : {}) }));
  const sshWarnings = checkSshSettings(routes, flags.sshConfig);
  for (const warning of sshWarnings) process.stderr.write(`${formatProblem(warning)}\n`);
  const config = readSshConfig(flags.sshConfig);
  const offers = new Map(hosts.map((h) => [h.name, algorithmsForAlias(config, h.address, h.ssh?.algorithms)]));
  const limit = pLimit(8);
  const scans = await Promise.all(hosts.map((host) => limit(() => scan(host, timeoutMs, offers.get(host.name)!))));
  let failed = false;
  const found: { host: Host; key: Buffer }[] = [];
  for (const { host, key, error } of scans) {
    if (key) {
      process.stdout.write(`${describeScannedKey(host.name, key)}\n`);
      found.push({ host, key });
    } else {
      failed = true;
      process.stderr.write(`${host.name}: keyscan failed: ${error}\n`);
    }
  }
  const file = inventoryKnownHostsFile(dir);
  if (found.length > 0 && !(flags.yes || (await confirm(`Pin ${found.length} key(s) in ${file}? [y/N] `)))) {
    process.stderr.write(`nothing written: check the fingerprints, then re-run with --yes to pin them in ${file}\n`);
    setExit(failed ? 1 : 2);
    return;
  }
  for (const { host, key } of found) {
    const target = {
      inventoryDir: dir,
      hostName: host.name,
      address: host.address,
      ...(host.port ? { port: host.port } : {}),
    };
    const outcome = pinScannedKey(target, key, { replace: flags.replace === true });
    if (outcome.status === 'differs') failed = true;
    process.stdout.write(`${describeOutcome(host.name, outcome)}\n`);
  }
  setExit(failed ? 1 : 0);
}

async function scan(
  host: Host,
  timeoutMs: number,
  offer: HostAlgorithms,
): Promise<{ host: Host; key?: Buffer; error?: string }> {
  try {
    return { host, key: await scanHostKey(host.address, host.port ?? 22, { timeoutMs, offer }) };
  } catch (error) {
    return { host, error: error instanceof Error ? error.message : String(error) };
  }
}

function describeOutcome(name: string, outcome: PinOutcome): string {
  switch (outcome.status) {
    case 'added':
      return `${name}: pinned at ${outcome.file}:${outcome.line}`;
    case 'already-pinned':
      return `${name}: already pinned at ${outcome.file}:${outcome.line}`;
    case 'replaced':
      return [
        `${name}: REPLACED the pinned key, now at ${outcome.file}:${outcome.line}`,
        ...outcome.stale.map((e) => `  note: ${e.file}:${e.line} still holds the old key`),
      ].join('\n');
    case 'differs':
      return [
        `${name}: NOT pinned: ${outcome.reason}`,
        ...outcome.pinned.map((e) => `  ${e.file}:${e.line}: ${e.keyType}`),
      ].join('\n');
  }
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}
