import { resolve } from 'node:path';
import type { Problem } from '../core/errors.js';
import type { Host, Inventory } from '../core/inventory.js';
import { createHostKeyPolicy } from '../transport/known-hosts.js';
import { resolveHostSecret, type Secret } from '../transport/secrets.js';
import { checkSshSettings } from '../transport/ssh-settings-check.js';
import { connectHost, type ConnectOptions, type SshTarget } from '../transport/ssh-transport.js';
import type { TranscriptSink, Transport } from '../core/transport.js';
import type { VaultKeyring } from '../transport/vault-keyring.js';
import type { Connect } from './connection-pool.js';

export interface ConnectorOptions {
  readonly inventory: Inventory;
  readonly keyring: VaultKeyring;
  /** `--accept-new`: trust and pin keys of hosts never seen before (never a changed key). */
  readonly acceptNew?: boolean;
  /** `-F FILE`; default `~/.ssh/config`. */
  readonly sshConfigPath?: string | false;
  /** The user's known_hosts; default `~/.ssh/known_hosts`; null reads none. */
  readonly userKnownHostsFile?: string | null;
  readonly transcript?: TranscriptSink;
  readonly connect?: Omit<ConnectOptions, 'transcript' | 'hostKeyPolicyFor' | 'sshConfigPath'>;
  readonly env?: NodeJS.ProcessEnv;
}

interface HostCredentials {
  readonly password?: Secret;
  readonly becomePassword?: Secret;
}

/**
 * Builds the run's connection factory. Every credential and SSH algorithm setting is checked up front (`prepare`),
 * so a missing environment variable, a wrong vault password or a misspelt algorithm is an input error before any
 * host is contacted; `prepare` returns the warnings to show (ssh config algorithms acp-play cannot use).
 */
export function sshConnector(opts: ConnectorOptions): {
  prepare(hosts: readonly Host[]): readonly Problem[];
  /** Every credential `prepare` resolved (login and become passwords): what the run's writers mask. */
  secrets(): Secret[];
  connect: Connect;
} {
  const credentials = new Map<string, HostCredentials>();
  const secretCtx = {
    keyring: opts.keyring,
    locate: (o: Parameters<Inventory['locate']>[0]) => opts.inventory.locate(o),
    ...(opts.env ? { env: opts.env } : {}),
  };
  const policyFor = (hostName: string, address: string, port: number | undefined) =>
    createHostKeyPolicy(
      {
        inventoryDir: opts.inventory.dir,
        hostName,
        address,
        ...(port !== undefined ? { port } : {}),
        ...(opts.userKnownHostsFile !== undefined ? { userKnownHostsFile: opts.userKnownHostsFile } : {}),
      },
      { acceptNew: opts.acceptNew ?? false },
    );
  return {
    prepare(hosts) {
      for (const host of hosts) {
        const password = resolveHostSecret(host, 'password', secretCtx);
        const becomePassword = resolveHostSecret(host, 'become_password', secretCtx);
        credentials.set(host.name, {
          ...(password ? { password } : {}),
          ...(becomePassword ? { becomePassword } : {}),
        });
      }
      return checkSshSettings(hosts.map(routeOf), opts.sshConfigPath);
    },
    secrets() {
      return [...credentials.values()].flatMap((c) => [c.password, c.becomePassword].filter((s) => s !== undefined));
    },
    async connect(host): Promise<Transport> {
      const creds = credentials.get(host.name) ?? {};
      const vars = host.vars as Record<string, unknown>;
      const keyFile =
        str(vars['ssh_private_key_file']) ??
        str(vars['ansible_ssh_private_key_file']) ??
        str(vars['ansible_private_key_file']);
      const target: SshTarget = {
        ...routeOf(host),
        auth: {
          ...(keyFile ? { identityFiles: [resolve(opts.inventory.dir, keyFile)] } : {}),
          ...(creds.password ? { password: creds.password.reveal() } : {}),
        },
        ...(creds.becomePassword ? { becomePassword: creds.becomePassword.reveal() } : {}),
        ...policyFor(host.name, host.address, host.port),
      };
      try {
        return await connectHost(target, {
          ...opts.connect,
          ...(opts.sshConfigPath !== undefined ? { sshConfigPath: opts.sshConfigPath } : {}),
          ...(opts.transcript ? { transcript: opts.transcript } : {}),
          hostKeyPolicyFor: (hop) => policyFor(`${host.name} (jump host ${hop.host})`, hop.host, hop.port),
        });
      } catch (error) {
        opts.transcript?.record({
          host: host.name,
          kind: 'connect',
          text: `${host.address}:${host.port ?? 22} failed`,
          output: (error as Error).message,
        });
        throw error;
      }
    },
  };
}

/**
 * Where and how to reach a host, without credentials: address, port, user, the inventory's algorithm settings, and
 * its proxy (`proxy_jump`/`proxy_command`, else ProxyJump/ProxyCommand from Ansible's ssh arguments, which then win
 * over the ssh config's as `ssh -o` would).
 */
function routeOf(
  host: Host,
): Pick<SshTarget, 'name' | 'address' | 'port' | 'user' | 'algorithms' | 'proxyJump' | 'proxyCommand'> {
  const vars = host.vars as Record<string, unknown>;
  const proxyJump = str(vars['proxy_jump']);
  const proxyCommand = str(vars['proxy_command']);
  const fromArgs =
    proxyJump || proxyCommand
      ? {}
      : host.ssh?.proxyJump
        ? { proxyJump: host.ssh.proxyJump }
        : host.ssh?.proxyCommand
          ? { proxyJump: 'none', proxyCommand: host.ssh.proxyCommand }
          : {};
  return {
    name: host.name,
    address: host.address,
    ...(host.port !== undefined ? { port: host.port } : {}),
    ...(host.user !== undefined ? { user: host.user } : {}),
    ...(host.ssh ? { algorithms: host.ssh.algorithms } : {}),
    ...(proxyJump ? { proxyJump } : {}),
    ...(proxyCommand ? { proxyCommand } : {}),
    ...fromArgs,
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
