import type { Problem, SourceLocation } from '../core/errors.js';
import type { VarLayer } from './combine-vars.js';
import type { ValueOrigin } from '../core/inventory.js';

/**
 * acp-play's key wins over its Ansible aliases, while Ansible itself reads only the alias: when `address` and
 * `ansible_host` (or `port` and `ansible_port`, `user` and `ansible_user`) disagree, acp-play and an Ansible run
 * on the same inventory would reach different places. That is worth a warning naming both values. Secrets are
 * never compared here (they would have to be shown), nor the platform (`ansible_network_os: cisco.nxos.nxos` and
 * `platform: cisco_nxos` name the same thing).
 */
const COMPARED: Readonly<Record<string, readonly string[]>> = {
  address: ['ansible_host', 'ansible_ssh_host'],
  port: ['ansible_port', 'ansible_ssh_port'],
  user: ['ansible_user', 'ansible_ssh_user'],
};

/** Warnings for host `name` whose connection keys and their Ansible aliases hold different values. */
export function warnAliasConflicts(
  name: string,
  vars: VarLayer,
  locate: (origin: ValueOrigin) => SourceLocation,
  problems: Problem[],
): void {
  for (const [key, aliases] of Object.entries(COMPARED)) {
    const own = vars.get(key);
    if (!own || own.value === null || own.value === undefined) continue;
    for (const alias of aliases) {
      const other = vars.get(alias);
      if (!other || other.value === null || other.value === undefined) continue;
      if (String(other.value) === String(own.value)) continue;
      const at = locate(own.origin);
      problems.push({
        severity: 'warning',
        location: locate(other.origin),
        message:
          `${name}: ${key} ${JSON.stringify(own.value)} (${at.file}:${at.line}) and ${alias} ` +
          `${JSON.stringify(other.value)} disagree; acp-play uses ${key} ${JSON.stringify(own.value)}, ` +
          `Ansible would use ${alias} ${JSON.stringify(other.value)}`,
        fix: `set one of them, or give both the same value`,
      });
    }
  }
}
