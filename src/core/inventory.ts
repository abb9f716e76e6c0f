import type { Problem, SourceLocation } from './errors.js';
import type { HostSshOptions } from './ssh-options.js';
import type { VaultValue } from './vault-value.js';

/** Where a variable (or any value) was written: a file and, for YAML, the path of keys inside its document. */
export interface ValueOrigin {
  readonly file: string;
  /** Path inside the YAML document (keys and list indexes). Absent for INI values. */
  readonly yamlPath?: readonly (string | number)[];
  /** Known position (INI values, or a YAML node already located). */
  readonly line?: number;
  readonly col?: number;
  /**
   * For the deep-merged keys (`site`, `node`, `switch`): the lower-precedence origins that also contributed to
   * the merged value, highest first. `locate` looks there for a nested path the winning file does not contain.
   */
  readonly mergedFrom?: readonly ValueOrigin[];
}

/**
 * A resolved, frozen target. Inheritance (all -> parent groups -> child groups -> host) is resolved once at load
 * time; `vars` is the final merged view, `origins` says which file set each top-level variable.
 */
export interface Host {
  readonly name: string;
  /** Address to connect to (`address`, alias `ansible_host`); defaults to the name. */
  readonly address: string;
  /** SSH port (`port`, alias `ansible_port`); undefined = ssh config or 22. */
  readonly port?: number;
  /** Login user (`user`, alias `ansible_user`). */
  readonly user?: string;
  /** Raw platform value as written (`platform`, alias `ansible_network_os`); resolved by the platform registry. */
  readonly platform?: string;
  /** Login password (`password`, aliases `ansible_password`, `ansible_ssh_pass`); a vaulted value stays encrypted. */
  readonly password?: string | VaultValue;
  /** Run node commands through sudo (`become`, alias `ansible_become`, Ansible booleans such as `yes`). */
  readonly become?: boolean;
  /** SSH algorithms and proxy from `ssh_options` and Ansible's ssh argument variables; absent when none are set. */
  readonly ssh?: HostSshOptions;
  /** Groups the host belongs to, directly or through parents, `all` first, in precedence order. */
  readonly groups: readonly string[];
  readonly vars: Readonly<Record<string, unknown>>;
  readonly origins: Readonly<Record<string, ValueOrigin>>;
  /** Where the inventory file first names the host (for messages about the host as a whole). */
  readonly declaredAt?: SourceLocation;
}

export interface Group {
  readonly name: string;
  readonly parents: readonly string[];
  readonly children: readonly string[];
  /** Hosts listed directly in this group. */
  readonly hosts: readonly string[];
  readonly vars: Readonly<Record<string, unknown>>;
  readonly priority: number;
}

/** A loaded inventory directory. */
export interface Inventory {
  /** The inventory directory as given by the user. */
  readonly dir: string;
  readonly hosts: ReadonlyMap<string, Host>;
  readonly groups: ReadonlyMap<string, Group>;
  /** Every file read, in load order. */
  readonly files: readonly string[];
  /** Things worth telling the user that do not stop the load (a group_vars file that matches no group, say). */
  readonly warnings?: readonly Problem[];
  /** Resolves an origin plus a sub-path inside that value to a line and column for error messages. */
  locate(origin: ValueOrigin, subPath?: readonly (string | number)[]): SourceLocation;
}
