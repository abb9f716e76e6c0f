import type { KnownHostsSkip } from './known-hosts-file.js';

/** Which host is being checked, and where its keys are pinned. */
export interface HostKeyTarget {
  /** Inventory directory: `<dir>/known_hosts` is read first, and `acceptNew` writes there. */
  readonly inventoryDir: string;
  /** Inventory host name (for the pin command in messages). */
  readonly hostName: string;
  /** Address connected to; known_hosts is searched for it (`[address]:port` unless port 22). */
  readonly address: string;
  readonly port?: number;
  /** The user's known_hosts, read second. Default `~/.ssh/known_hosts`; `null` reads none (tests). */
  readonly userKnownHostsFile?: string | null;
}

/** A place a key is pinned, with that key's fingerprint. */
export interface PinnedKey {
  readonly file: string;
  readonly line: number;
  readonly keyType: string;
  readonly fingerprint: string;
}

/** The verdict on a presented host key. Only `ok` may connect. */
export type HostKeyCheckResult =
  | {
      readonly status: 'ok';
      readonly fingerprint: string;
      readonly file: string;
      readonly line: number;
      readonly added?: true;
    }
  | {
      readonly status: 'unknown';
      readonly fingerprint: string;
      readonly keyType: string;
      readonly pinCommand: string;
      readonly ignored: readonly KnownHostsSkip[];
    }
  | {
      readonly status: 'changed';
      readonly fingerprint: string;
      readonly keyType: string;
      readonly expected: readonly PinnedKey[];
    }
  | {
      readonly status: 'revoked';
      readonly fingerprint: string;
      readonly keyType: string;
      readonly file: string;
      readonly line: number;
    };
