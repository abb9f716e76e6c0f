import type { SourceLocation } from './errors.js';

/** The four OpenSSH options that choose algorithms. */
export type AlgorithmOption = 'KexAlgorithms' | 'HostKeyAlgorithms' | 'Ciphers' | 'MACs';

/** One algorithm setting (`KexAlgorithms +diffie-hellman-group14-sha1`) and where it was written. */
export interface AlgorithmSetting {
  /** The value as written: a list, `+list`, `-list` or `^list`. */
  readonly value: string;
  /** Where, for messages: `/home/me/.ssh/config:12`, `ansible_ssh_common_args (inventory/hosts.yaml:7)`. */
  readonly source: string;
  readonly location?: SourceLocation;
  /** The inventory variable that holds it (`ansible_ssh_common_args`), named in problems. */
  readonly variable?: string;
  /** The ssh config or the inventory: decides which fix a failed handshake suggests. */
  readonly origin: 'ssh-config' | 'inventory';
}

/** The settings that apply to one host, per option; an absent option keeps acp-play's default. */
export type AlgorithmSettings = Partial<Readonly<Record<AlgorithmOption, AlgorithmSetting>>>;

/** SSH client settings of one host, from its inventory variables; they win over the ssh config's. */
export interface HostSshOptions {
  /** KexAlgorithms, HostKeyAlgorithms, Ciphers, MACs, each with the variable and file that set it. */
  readonly algorithms: AlgorithmSettings;
  /** From `-J` / `-o ProxyJump=` in Ansible's ssh argument variables. */
  readonly proxyJump?: string;
  /** From `-o ProxyCommand=` in Ansible's ssh argument variables. */
  readonly proxyCommand?: string;
}
