import type { AlgorithmSettings } from './ssh-algorithms.js';
import type { SshAuthSources } from './ssh-auth.js';
import type { TranscriptSink } from '../core/transport.js';

/**
 * How a host's key is checked. The policy itself (known_hosts lookup, pinning) lives in known-hosts.ts; the
 * transport only calls it.
 */
export interface HostKeyPolicy {
  /** Receives the raw key blob (the base64 field of a known_hosts line, decoded); true or the reason it is refused. */
  readonly hostKeyCheck: (keyBlob: Buffer) => true | string;
  /**
   * Key types pinned for this host (known_hosts key types: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`...).
   * The host key algorithms (HostKeyAlgorithms) are restricted to those that can present one of them, so a host
   * pinned by its RSA key is not asked for its ed25519 key. An `ssh-rsa` key is presented with `rsa-sha2-512` or
   * `rsa-sha2-256`, or with `ssh-rsa` (SHA-1) only where HostKeyAlgorithms allows it. Absent = no restriction.
   */
  readonly hostKeyAlgorithms?: readonly string[];
}

/** One host to connect to, resolved from the inventory; ssh config fills what the inventory leaves out. */
export interface SshTarget extends HostKeyPolicy {
  /** Inventory name (used in every message). */
  readonly name: string;
  /** Address or ssh-config alias to connect to. */
  readonly address: string;
  readonly port?: number;
  readonly user?: string;
  readonly auth: SshAuthSources;
  /**
   * The become password: for `sudo -S` when a command runs with `become` (absent = passwordless `sudo -n`), and a
   * network device's enable secret, sent by the CLI session when `enable` asks for it.
   */
  readonly becomePassword?: string;
  /** `[user@]host[:port],...`; overrides the ssh config's ProxyJump. `none` turns it off. */
  readonly proxyJump?: string;
  /** Overrides the ssh config's ProxyCommand (%h %p %r %n are substituted). `none` turns it off. */
  readonly proxyCommand?: string;
  /** Algorithm settings from the inventory; each wins over the ssh config's setting of the same option. */
  readonly algorithms?: AlgorithmSettings;
}

/** Connection behaviour shared by every host of a run. */
export interface ConnectOptions {
  /** Handshake timeout per attempt (ssh2 `readyTimeout`). Default 10 000 ms. */
  readonly connectTimeoutMs?: number;
  /** Connect attempts before giving up; only connecting is retried, never a command. Default 3. */
  readonly connectAttempts?: number;
  /** First retry delay; doubles each attempt. Default 500 ms. */
  readonly retryBaseDelayMs?: number;
  /** SSH keepalive interval; 0 turns it off. Default 15 000 ms. */
  readonly keepaliveIntervalMs?: number;
  /** Unanswered keepalives before the connection is dropped. Default 3. */
  readonly keepaliveCountMax?: number;
  /** Default per-command timeout when `exec` gets none. Default 120 000 ms. */
  readonly commandTimeoutMs?: number;
  /** Concurrent channels per connection. Default 4 (OpenSSH refuses some beyond ~5). */
  readonly maxChannels?: number;
  /** ssh config file; default `~/.ssh/config` (may be missing); `false` ignores ssh config entirely. */
  readonly sshConfigPath?: string | false;
  /** Host key policy for ProxyJump hops (the target's own policy covers only the target). */
  readonly hostKeyPolicyFor?: (hop: { host: string; port: number }) => HostKeyPolicy;
  /** Records what was sent and received; secrets arrive masked. */
  readonly transcript?: TranscriptSink;
}
