import type { Problem } from '../core/errors.js';
import type { Host } from '../core/inventory.js';
import { checkAddress, checkEnvName } from './safe-names.js';
import type { SiteLocator } from './site-locator.js';

const BOOLEAN_WORDS = ['true', 'false', 'yes', 'no', 'on', 'off', '1', '0'];

/** Connection checks for every host: address, port, become, password_env, and a warning for plain-text passwords. */
export function validateHosts(hosts: readonly Host[], locator: SiteLocator): Problem[] {
  const problems: Problem[] = [];
  for (const host of hosts) {
    const error = (key: string, message: string, fix: string) =>
      problems.push({ severity: 'error', location: locator.at(host, key), message, fix });
    const addressKey = locator.firstKey(host, ['address', 'ansible_host', 'ansible_ssh_host']);
    const address = addressKey ? host.vars[addressKey] : undefined;
    if (addressKey && typeof address === 'string') {
      const bad = checkAddress(address);
      if (bad)
        error(
          addressKey,
          `${addressKey} ${JSON.stringify(address)} of ${host.name} is neither an IP address nor a host name`,
          bad,
        );
    }
    const portKey = locator.firstKey(host, ['port', 'ansible_port', 'ansible_ssh_port']);
    const port = portKey ? host.vars[portKey] : undefined;
    if (portKey && (typeof port === 'number' || typeof port === 'string')) {
      const n = typeof port === 'number' ? port : /^\d+$/.test(port.trim()) ? Number(port) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > 65535)
        error(
          portKey,
          `${portKey} ${JSON.stringify(port)} of ${host.name} is not a TCP port`,
          'use a port number from 1 to 65535 (SSH is 22)',
        );
    }
    const becomeKey = locator.firstKey(host, ['become', 'ansible_become']);
    const become = becomeKey ? host.vars[becomeKey] : undefined;
    if (becomeKey && typeof become === 'string' && !BOOLEAN_WORDS.includes(become.trim().toLowerCase())) {
      error(
        becomeKey,
        `${becomeKey} ${JSON.stringify(become)} of ${host.name} is not true or false`,
        'write true or false',
      );
    }
    const env = host.vars.password_env;
    if (typeof env === 'string' && checkEnvName(env))
      error(
        'password_env',
        `password_env ${JSON.stringify(env)} of ${host.name} is not an environment variable name`,
        checkEnvName(env)!,
      );
    const passwordKey = locator.firstKey(host, ['password', 'ansible_password', 'ansible_ssh_pass']);
    const password = passwordKey ? host.vars[passwordKey] : undefined;
    if (passwordKey && typeof password === 'string' && !password.startsWith('$ANSIBLE_VAULT;')) {
      problems.push({
        severity: 'warning',
        location: locator.at(host, passwordKey),
        // Never print the password itself.
        message: `${passwordKey} of ${host.name} is a plain-text password in the inventory`,
        fix: 'set password_env: VARIABLE and export the password in that environment variable, or encrypt it with Ansible Vault',
      });
    }
  }
  return problems;
}
