import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import ssh2 from 'ssh2';
import type { Algorithms, Client as SshClient, ConnectConfig } from 'ssh2';
import SSHConfig from 'ssh-config';
import { ConfigError, ConnectError } from '../core/errors.js';
import { sleep } from './channel-limiter.js';
import { AttemptError, classifyConnectError } from './connect-failure.js';
import { HandshakeWatch } from './handshake-watch.js';
import { hostKeyAlgorithmsFor, restrictHostKeyAlgorithms } from './host-key.js';
import { spawnProxyCommand } from './proxy-command.js';
import { planAuth, type SshAuthSources } from './ssh-auth.js';
import { hostAlgorithmsOrThrow, type HostAlgorithms } from './ssh-algorithms.js';
import { expandTokens, loadSshConfig, parseProxyJump, resolveSshHost, type ResolvedSshHost } from './ssh-config.js';
import type { ConnectOptions, HostKeyPolicy, SshTarget } from './ssh-target.js';

const { Client } = ssh2;

/** An authenticated connection plus whatever carries it (jump connections, a ProxyCommand process). */
export interface SshLink {
  readonly client: SshClient;
  /** `host:port` actually reached (after ssh config). */
  readonly endpoint: string;
  /** Closes the client, then the hops and proxy processes under it. */
  close(): void;
}

/**
 * Opens one authenticated connection to `target`, through its ProxyJump hops or ProxyCommand if any. Retries with
 * exponential backoff, but only network failures and timeouts: an authentication, host key or algorithm failure is
 * final. Bad algorithm settings throw ConfigError before anything is contacted.
 */
export async function openSshLink(target: SshTarget, opts: ConnectOptions): Promise<SshLink> {
  const config = opts.sshConfigPath === false ? SSHConfig.parse('') : loadSshConfig(opts.sshConfigPath);
  const resolved = resolveSshHost(config, target.address, withDefined({ port: target.port, user: target.user }));
  const algorithms = hostAlgorithmsOrThrow(resolved.algorithms, target.algorithms); // bad input: before connecting
  const attempts = Math.max(1, opts.connectAttempts ?? 3);
  let last: AttemptError | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep((opts.retryBaseDelayMs ?? 500) * 2 ** (attempt - 2));
    try {
      return await openChain(target, resolved, algorithms, config, opts);
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      last =
        err instanceof AttemptError
          ? err
          : new AttemptError(String((err as Error)?.message ?? err), false, { cause: err });
      if (!last.transient) break;
    }
  }
  const tries = attempts > 1 && last?.transient ? ` (gave up after ${attempts} attempts)` : '';
  throw new ConnectError(
    target.name,
    `${resolved.hostName}:${resolved.port}: ${last?.message ?? 'unknown error'}${tries}`,
    { cause: last },
  );
}

async function openChain(
  target: SshTarget,
  resolved: ResolvedSshHost,
  algorithms: HostAlgorithms,
  config: SSHConfig,
  opts: ConnectOptions,
): Promise<SshLink> {
  const jumpSpec = target.proxyJump ?? resolved.proxyJump;
  const tokens = { h: resolved.hostName, p: String(resolved.port), r: resolved.user, n: resolved.alias };
  const proxyCommand =
    target.proxyCommand !== undefined ? expandTokens(target.proxyCommand, tokens) : resolved.proxyCommand;
  let proxyStderr = (): string => '';
  const closers: (() => void)[] = [];
  const closeAll = (): void => {
    // Innermost first: the target's client, then the hops (or the proxy process) it rides on.
    for (const close of closers.splice(0).reverse()) close();
  };
  try {
    let via: SshClient | undefined;
    let firstSock: Readable | undefined;
    if (jumpSpec && jumpSpec.toLowerCase() !== 'none') {
      for (const hop of parseProxyJump(jumpSpec)) {
        const hopHost = resolveSshHost(config, hop.host, withDefined({ port: hop.port, user: hop.user }));
        const policy = opts.hostKeyPolicyFor?.({ host: hopHost.hostName, port: hopHost.port });
        if (!policy) throw new AttemptError(`ProxyJump ${hop.host}: no host key policy for the jump host`, false);
        const sock = via ? await forwardOut(via, hopHost) : undefined;
        const hopAlgorithms = hostAlgorithmsOrThrow(hopHost.algorithms);
        const client = await openClient(hopHost, policy, target.auth, opts, sock, `jump ${hop.host}: `, hopAlgorithms);
        closers.push(() => client.end());
        via = client;
      }
    } else if (proxyCommand && proxyCommand.toLowerCase() !== 'none') {
      const proxy = spawnProxyCommand(proxyCommand);
      proxyStderr = proxy.stderrTail;
      closers.push(() => proxy.kill());
      firstSock = proxy.sock;
    }
    const sock = via ? await forwardOut(via, resolved) : firstSock;
    const client = await openClient(resolved, target, target.auth, opts, sock, '', algorithms);
    closers.push(() => client.end());
    return { client, endpoint: `${resolved.hostName}:${resolved.port}`, close: closeAll };
  } catch (err) {
    closeAll();
    const said = proxyStderr();
    if (said && err instanceof AttemptError)
      throw new AttemptError(`${err.message} (ProxyCommand said: ${said.split('\n').pop()})`, err.transient, {
        cause: err,
      });
    throw err;
  }
}

function forwardOut(via: SshClient, to: ResolvedSshHost): Promise<Readable> {
  return new Promise((resolve, reject) => {
    via.forwardOut('127.0.0.1', 0, to.hostName, to.port, (err, stream) => {
      if (err)
        reject(
          new AttemptError(`jump host cannot reach ${to.hostName}:${to.port}: ${err.message}`, true, { cause: err }),
        );
      else resolve(stream);
    });
  });
}

function openClient(
  host: ResolvedSshHost,
  policy: HostKeyPolicy,
  auth: SshAuthSources,
  opts: ConnectOptions,
  sock: Readable | undefined,
  prefix: string,
  algorithms: HostAlgorithms,
): Promise<SshClient> {
  const defaults = ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(homedir(), '.ssh', f));
  const extraKeys =
    host.identityFiles.length > 0 || (auth.identityFiles?.length ?? 0) > 0 ? host.identityFiles : defaults;
  const plan = planAuth(host.user, auth, extraKeys);
  const pinned = policy.hostKeyAlgorithms;
  const serverHostKey = restrictHostKeyAlgorithms(algorithms.lists.HostKeyAlgorithms, pinned);
  if (serverHostKey.length === 0) return Promise.reject(noFittingHostKey(prefix, algorithms, pinned ?? []));
  const watch = new HandshakeWatch();
  let hostKeyReason: string | undefined;
  const config: ConnectConfig = {
    host: host.hostName,
    port: host.port,
    username: host.user,
    readyTimeout: opts.connectTimeoutMs ?? 10_000,
    keepaliveInterval: opts.keepaliveIntervalMs ?? 15_000,
    keepaliveCountMax: opts.keepaliveCountMax ?? 3,
    authHandler: plan.handler,
    hostVerifier: (key: Buffer) => {
      const verdict = policy.hostKeyCheck(key);
      if (verdict === true) return true;
      hostKeyReason = verdict;
      return false;
    },
    ...(sock ? { sock } : {}),
    algorithms: {
      kex: [...algorithms.lists.KexAlgorithms],
      serverHostKey,
      cipher: [...algorithms.lists.Ciphers],
      hmac: [...algorithms.lists.MACs],
    } as Algorithms,
    debug: watch.debug,
  };
  return new Promise((resolve, reject) => {
    const client = new Client();
    let settled = false;
    client.on('ready', () => {
      settled = true;
      client.setNoDelay(true);
      resolve(client);
    });
    client.on('error', (err: Error & { level?: string; code?: string }) => {
      if (settled) return;
      settled = true;
      client.end();
      const negotiation = { algorithms, ...(pinned ? { pinnedKeyTypes: pinned } : {}) };
      reject(classifyConnectError(err, { prefix, hostKeyReason, plan, watch, negotiation }));
    });
    client.on('close', () => {
      if (settled) return;
      settled = true;
      reject(new AttemptError(`${prefix}connection closed during handshake`, true));
    });
    client.connect(config);
  });
}

function noFittingHostKey(prefix: string, algorithms: HostAlgorithms, pinned: readonly string[]): AttemptError {
  const setting = algorithms.settings.HostKeyAlgorithms;
  const where = setting ? `HostKeyAlgorithms "${setting.value}" (${setting.source})` : 'HostKeyAlgorithms';
  return new AttemptError(
    `${prefix}${where} allows no algorithm for the ${pinned.join(', ')} key pinned for this host; ` +
      `allow one of ${hostKeyAlgorithmsFor(pinned).join(', ')}`,
    false,
  );
}

function withDefined<T extends object>(obj: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
