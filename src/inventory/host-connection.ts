import type { Problem, SourceLocation } from '../core/errors.js';
import type { VarLayer } from './combine-vars.js';
import { warnAliasConflicts } from './connection-alias-conflicts.js';
import { resolveSshOptions } from './host-ssh-options.js';
import type { Host, ValueOrigin } from '../core/inventory.js';
import { VaultValue } from '../core/vault-value.js';

/** The connection fields of a Host, resolved from its merged vars. */
export type HostConnection = Pick<Host, 'address' | 'port' | 'user' | 'platform' | 'password' | 'become' | 'ssh'>;

/** acp-play's connection keys and the Ansible names accepted for them; the acp-play key wins when both are set. */
export const CONNECTION_ALIASES: Readonly<Record<Exclude<keyof HostConnection, 'ssh'>, readonly string[]>> = {
  address: ['ansible_host', 'ansible_ssh_host'],
  port: ['ansible_port', 'ansible_ssh_port'],
  user: ['ansible_user', 'ansible_ssh_user'],
  platform: ['ansible_network_os'],
  password: ['ansible_password', 'ansible_ssh_pass'],
  become: ['ansible_become'],
};

const TRUE_WORDS = new Set(['yes', 'on', 'true', '1', 'y', 't']);
const FALSE_WORDS = new Set(['no', 'off', 'false', '0', 'n', 'f']);

/** Ansible's boolean filter: true/false, yes/no, on/off, 1/0 (any case); undefined when it is none of these. */
export function parseAnsibleBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const word = String(value).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** Resolves the connection fields (address ... become, SSH options) of host `name`; bad values become problems. */
export function resolveConnection(
  name: string,
  vars: VarLayer,
  locate: (origin: ValueOrigin) => SourceLocation,
  problems: Problem[],
): HostConnection {
  const pick = (
    key: keyof typeof CONNECTION_ALIASES,
  ): { key: string; value: unknown; origin: ValueOrigin } | undefined => {
    for (const candidate of [key, ...CONNECTION_ALIASES[key]]) {
      const entry = vars.get(candidate);
      if (entry && entry.value !== null && entry.value !== undefined) return { key: candidate, ...entry };
    }
    return undefined;
  };
  const bad = (
    found: { key: string; value: unknown; origin: ValueOrigin },
    expected: string,
    fix: string,
  ): undefined => {
    problems.push({
      severity: 'error',
      location: locate(found.origin),
      message: `${name}: ${found.key} must be ${expected}, got ${JSON.stringify(found.value)}`,
      fix,
    });
    return undefined;
  };
  const text = (key: keyof typeof CONNECTION_ALIASES): string | undefined => {
    const found = pick(key);
    if (!found) return undefined;
    if (typeof found.value === 'string') return found.value;
    if (typeof found.value === 'number') return String(found.value);
    return bad(found, 'a string', 'quote the value');
  };
  warnAliasConflicts(name, vars, locate, problems);
  const connection: { -readonly [K in keyof HostConnection]: HostConnection[K] } = { address: text('address') ?? name };
  const port = pick('port');
  if (port) {
    const number = typeof port.value === 'string' && /^\d+$/.test(port.value.trim()) ? Number(port.value) : port.value;
    if (typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= 65535)
      connection.port = number;
    else bad(port, 'a port number from 1 to 65535', 'write the SSH port as a number, e.g. 22');
  }
  const user = text('user');
  if (user !== undefined) connection.user = user;
  const platform = text('platform');
  if (platform !== undefined) connection.platform = platform;
  const password = pick('password');
  if (password?.value instanceof VaultValue) connection.password = password.value;
  else {
    const plain = text('password');
    if (plain !== undefined) connection.password = plain;
  }
  const become = pick('become');
  if (become) {
    const flag = parseAnsibleBoolean(become.value);
    if (flag === undefined) bad(become, 'a boolean (true/false, yes/no)', 'write true or false');
    else connection.become = flag;
  }
  const ssh = resolveSshOptions(vars, locate, problems);
  if (ssh) connection.ssh = ssh;
  return connection;
}
