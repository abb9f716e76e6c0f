import SSHConfig from 'ssh-config';
import { ConfigError, type Problem } from '../core/errors.js';
import { ALGORITHM_OPTIONS } from './ssh-algorithm-catalog.js';
import {
  hostAlgorithmsOrThrow,
  resolveHostAlgorithms,
  type AlgorithmSettings,
  type HostAlgorithms,
} from './ssh-algorithms.js';
import { loadSshConfig, parseProxyJump, resolveSshHost } from './ssh-config.js';
import type { SshTarget } from './ssh-target.js';

/** The ssh config a run reads: `false` none, undefined `~/.ssh/config` (may be missing), else that file. */
export function readSshConfig(path: string | false | undefined): SSHConfig {
  return path === false ? SSHConfig.parse('') : loadSshConfig(path);
}

/**
 * The algorithm lists for connecting to `alias` (a target's address, or a jump host's name): the inventory's
 * settings over the ssh config's. Throws ConfigError when a setting is bad.
 */
export function algorithmsForAlias(
  config: SSHConfig,
  alias: string,
  fromInventory?: AlgorithmSettings,
): HostAlgorithms {
  return hostAlgorithmsOrThrow(resolveSshHost(config, alias).algorithms, fromInventory);
}

/**
 * Checks the algorithm settings every target (and each of its ProxyJump hops) will connect with, before anything is
 * contacted: bad settings throw one ConfigError listing all of them (exit 3); warnings about the ssh config (an
 * OpenSSH algorithm acp-play cannot use, left out) are returned once each. The inventory's own settings were
 * checked, and warned about, when it was loaded.
 */
export function checkSshSettings(
  targets: readonly Pick<SshTarget, 'address' | 'algorithms' | 'proxyJump'>[],
  sshConfigPath: string | false | undefined,
): Problem[] {
  const config = readSshConfig(sshConfigPath);
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const add = (problem: Problem): void => {
    const list = problem.severity === 'error' ? errors : warnings;
    if (!list.some((p) => p.message === problem.message && p.location?.line === problem.location?.line))
      list.push(problem);
  };
  for (const target of targets) {
    const resolved = resolveSshHost(config, target.address);
    for (const p of resolveHostAlgorithms(overridden(resolved.algorithms, target.algorithms)).problems) add(p);
    const jumps = target.proxyJump ?? resolved.proxyJump;
    if (!jumps || jumps.toLowerCase() === 'none') continue;
    for (const hop of parseProxyJump(jumps))
      for (const p of resolveHostAlgorithms(resolveSshHost(config, hop.host).algorithms).problems) add(p);
  }
  if (errors.length > 0) throw new ConfigError(errors);
  return warnings;
}

/** The ssh config's settings that the inventory does not override (the only ones a connection will use). */
function overridden(fromConfig: AlgorithmSettings, fromInventory: AlgorithmSettings = {}): AlgorithmSettings {
  return Object.fromEntries(
    ALGORITHM_OPTIONS.filter((o) => !fromInventory[o] && fromConfig[o]).map((o) => [o, fromConfig[o]]),
  );
}
