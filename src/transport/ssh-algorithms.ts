import { ConfigError, type Problem, type SourceLocation } from '../errors.js';
import { checkAlgorithmSpec } from './algorithm-spec-check.js';
import { ALGORITHM_OPTIONS, DEFAULT_ALGORITHMS, type AlgorithmOption } from './ssh-algorithm-catalog.js';

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
