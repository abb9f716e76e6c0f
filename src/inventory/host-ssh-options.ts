import type { Problem, SourceLocation } from '../core/errors.js';
import { checkAlgorithmSpec } from '../transport/algorithm-spec-check.js';
import { ALGORITHM_OPTIONS, type AlgorithmOption } from '../transport/ssh-algorithm-catalog.js';
import type { AlgorithmSetting } from '../transport/ssh-algorithms.js';
import { isPlainObject, type VarLayer } from './combine-vars.js';
import { suggest } from '../core/did-you-mean.js';
import type { ValueOrigin } from '../core/inventory.js';
import type { HostSshOptions } from '../core/ssh-options.js';
import { SshCommandLine } from './ssh-command-line.js';

/** Ansible's ssh argument variables, in the order Ansible puts them on ssh's command line. */
export const SSH_ARG_VARIABLES = ['ansible_ssh_args', 'ansible_ssh_common_args', 'ansible_ssh_extra_args'] as const;

const ALGORITHMS = new Map(ALGORITHM_OPTIONS.map((option) => [option.toLowerCase(), option]));

/**
 * Reads `ssh_options` (acp-play's map of algorithm options) and Ansible's ssh argument variables. `ssh_options`
 * wins, then the argument strings read as one command line. Every algorithm value is checked now, so a typo is an
 * input error located at its variable; options acp-play does not apply are warnings that say why.
 */
export function resolveSshOptions(
  vars: VarLayer,
  locate: (origin: ValueOrigin) => SourceLocation,
  problems: Problem[],
): HostSshOptions | undefined {
  const report = (problem: Problem): void => {
    const same = (p: Problem) =>
      p.message === problem.message && JSON.stringify(p.location) === JSON.stringify(problem.location);
    if (!problems.some(same)) problems.push(problem); // a group's variable is read once per host: say it once
  };
  const where = (variable: string) => locate(vars.get(variable)!.origin);
  const algorithms: Partial<Record<AlgorithmOption, AlgorithmSetting>> = {};
  const setting = (value: string, variable: string): AlgorithmSetting => {
    const location = where(variable);
    return {
      value,
      origin: 'inventory',
      variable,
      location,
      source: `${variable} (${location.file}:${location.line})`,
    };
  };
  const options = vars.get('ssh_options')?.value;
  if (options !== undefined && options !== null) {
    if (!isPlainObject(options))
      report({
        severity: 'error',
        location: where('ssh_options'),
        message: 'ssh_options must be a mapping',
        fix: 'e.g. ssh_options: {KexAlgorithms: +diffie-hellman-group14-sha1}',
      });
    else
      for (const [key, value] of Object.entries(options)) {
        const option = ALGORITHMS.get(key.toLowerCase());
        if (!option) {
          const hint = suggest(key, ALGORITHM_OPTIONS);
          report({
            severity: 'error',
            location: where('ssh_options'),
            message: `ssh_options: unknown option ${key}`,
            fix: `${hint ? `did you mean ${hint}? ` : ''}ssh_options takes ${ALGORITHM_OPTIONS.join(', ')}`,
          });
        } else if (typeof value !== 'string')
          report({
            severity: 'error',
            location: where('ssh_options'),
            message: `ssh_options.${key} must be a string`,
            fix: `e.g. ${option}: +name`,
          });
        else algorithms[option] ??= setting(value, 'ssh_options');
      }
  }
  const line = new SshCommandLine();
  for (const variable of SSH_ARG_VARIABLES) {
    const value = vars.get(variable)?.value;
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'string') line.read(value, variable);
    else
      report({
        severity: 'error',
        location: where(variable),
        message: `${variable} must be a string`,
        fix: "quote it: '-o KexAlgorithms=+...'",
      });
  }
  for (const e of line.errors)
    report({
      severity: 'error',
      location: where(e.variable),
      message: `${e.variable}: ${e.message}`,
      ...(e.fix ? { fix: e.fix } : {}),
    });
  for (const i of line.ignored)
    report({
      severity: 'warning',
      location: where(i.variable),
      message: `${i.variable}: ${i.option} is ignored: ${i.why}`,
    });
  for (const [option, arg] of line.algorithms) algorithms[option] ??= setting(arg.value, arg.variable);
  for (const [option, s] of Object.entries(algorithms) as [AlgorithmOption, AlgorithmSetting][])
    for (const issue of checkAlgorithmSpec(option, s.value).issues)
      report({
        severity: issue.severity,
        location: s.location!,
        message: `${s.variable}: ${issue.message}`,
        ...(issue.fix ? { fix: issue.fix } : {}),
      });
  const proxy = line.proxy;
  if (Object.keys(algorithms).length === 0 && !proxy) return undefined;
  return {
    algorithms,
    ...(proxy?.kind === 'ProxyJump' ? { proxyJump: proxy.value } : {}),
    ...(proxy?.kind === 'ProxyCommand' ? { proxyCommand: proxy.value } : {}),
  };
}
