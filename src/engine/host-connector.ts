import { resolve } from 'node:path';
import type { Host, Inventory } from '../core/inventory.js';
import { createHostKeyPolicy } from '../transport/known-hosts.js';
import { resolveHostSecret, type Secret } from '../transport/secrets.js';
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
 * Builds the run's connection factory. Every credential is resolved up front (`prepare`), so a missing
 * environment variable or a wrong vault password is an input error before any host is contacted.
 */
export function sshConnector(opts: ConnectorOptions): { prepare(hosts: readonly Host[]): void; connect: Connect } {
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
    },
    async connect(host): Promise<Transport> {
      const creds = credentials.get(host.name) ?? {};
      const vars = host.vars as Record<string, unknown>;
      const keyFile =
        str(vars['ssh_private_key_file']) ??
        str(vars['ansible_ssh_private_key_file']) ??
        str(vars['ansible_private_key_file']);
      const target: SshTarget = {
        name: host.name,
        address: host.address,
        ...(host.port !== undefined ? { port: host.port } : {}),
        ...(host.user !== undefined ? { user: host.user } : {}),
        auth: {
          ...(keyFile ? { identityFiles: [resolve(opts.inventory.dir, keyFile)] } : {}),
          ...(creds.password ? { password: creds.password.reveal() } : {}),
        },
        ...(creds.becomePassword ? { becomePassword: creds.becomePassword.reveal() } : {}),
        ...(str(vars['proxy_jump']) ? { proxyJump: str(vars['proxy_jump'])! } : {}),
        ...(str(vars['proxy_command']) ? { proxyCommand: str(vars['proxy_command'])! } : {}),
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

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
