import { ConfigError, type Problem } from '../core/errors.js';
import { checkAlgorithmSpec } from './algorithm-spec-check.js';
import type { AlgorithmOption, AlgorithmSetting, AlgorithmSettings } from '../core/ssh-options.js';
import { ALGORITHM_OPTIONS, DEFAULT_ALGORITHMS } from './ssh-algorithm-catalog.js';

export type { AlgorithmSetting, AlgorithmSettings };

/** What one connection offers: a list per option, and the setting it came from (absent: the default). */
export interface HostAlgorithms {
  readonly lists: Readonly<Record<AlgorithmOption, readonly string[]>>;
  readonly settings: AlgorithmSettings;
}

/** acp-play's defaults, with no setting behind them. */
export const DEFAULT_HOST_ALGORITHMS: HostAlgorithms = { lists: DEFAULT_ALGORITHMS, settings: {} };

/**
 * The lists for one host. The inventory's setting of an option wins over the ssh config's, as `ssh -o` wins over
 * the file: each option is taken whole from one place, so `+list` always extends acp-play's default. Problems
 * (errors and warnings) carry the setting's location; a list left empty by an error falls back to nothing, never
 * to a default, so the caller must stop on errors.
 */
export function resolveHostAlgorithms(
  fromConfig: AlgorithmSettings,
  fromInventory: AlgorithmSettings = {},
): { algorithms: HostAlgorithms; problems: Problem[] } {
  const lists = {} as Record<AlgorithmOption, readonly string[]>;
  const settings: Partial<Record<AlgorithmOption, AlgorithmSetting>> = {};
  const problems: Problem[] = [];
  for (const option of ALGORITHM_OPTIONS) {
    const setting = fromInventory[option] ?? fromConfig[option];
    if (!setting) {
      lists[option] = DEFAULT_ALGORITHMS[option];
      continue;
    }
    settings[option] = setting;
    const checked = checkAlgorithmSpec(option, setting.value);
    lists[option] = checked.issues.some((i) => i.severity === 'error') ? [] : checked.list;
    for (const issue of checked.issues)
      problems.push({
        severity: issue.severity,
        message: `${setting.variable ? `${setting.variable}: ` : ''}${issue.message}${setting.location ? '' : ` (${setting.source})`}`,
        ...(setting.location ? { location: setting.location } : {}),
        ...(issue.fix ? { fix: issue.fix } : {}),
      });
  }
  return { algorithms: { lists, settings }, problems };
}

/** The lists for one host, or a ConfigError listing every bad setting (nothing is contacted with a bad list). */
export function hostAlgorithmsOrThrow(
  fromConfig: AlgorithmSettings,
  fromInventory?: AlgorithmSettings,
): HostAlgorithms {
  const { algorithms, problems } = resolveHostAlgorithms(fromConfig, fromInventory);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ConfigError(errors);
  return algorithms;
}
