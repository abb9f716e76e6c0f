import { suggest } from '../core/did-you-mean.js';
import {
  assembleAlgorithmList,
  isPattern,
  matchPattern,
  parseAlgorithmSpec,
  type AlgorithmSpec,
} from './algorithm-list.js';
import {
  ALGORITHM_NOUN,
  classifyAlgorithm,
  DEFAULT_ALGORITHMS,
  knownNames,
  SSH_LIBRARY,
  SUPPORTED_ALGORITHMS,
  type AlgorithmOption,
} from './ssh-algorithm-catalog.js';

/** One thing wrong with an algorithm list value; the caller adds where it was written. */
export interface SpecIssue {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly fix?: string;
}

/** A checked value: the list acp-play will offer (empty when an error leaves none) and what is wrong with it. */
export interface CheckedSpec {
  readonly list: readonly string[];
  readonly issues: readonly SpecIssue[];
}

/**
 * Checks `value` for `option` as OpenSSH does, against what acp-play can actually use, and assembles the list.
 * Errors: a name no one knows (with a did-you-mean), a name of another option, a pattern where OpenSSH allows none,
 * a list that leaves nothing usable. Warnings: a name OpenSSH knows but acp-play cannot use, which is left out.
 */
export function checkAlgorithmSpec(option: AlgorithmOption, value: string): CheckedSpec {
  const usable = SUPPORTED_ALGORITHMS[option];
  if (value.trim() === '')
    return { list: [], issues: [{ severity: 'error', message: `${option} needs a value`, fix: usableText(option) }] };
  if (/\s/.test(value.trim()))
    return {
      list: [],
      issues: [
        {
          severity: 'error',
          message: `${option} ${value.trim()}: the list must be one word, names separated by commas without spaces`,
          fix: `e.g. ${option} +${usable[usable.length - 1]}`,
        },
      ],
    };
  const spec = parseAlgorithmSpec(value.trim());
  const issues = spec.items.flatMap((item) => checkItem(option, spec, item));
  const list = assembleAlgorithmList(spec, DEFAULT_ALGORITHMS[option], usable);
  if (list.length === 0 && !issues.some((i) => i.severity === 'error'))
    issues.push({
      severity: 'error',
      message: `${option} ${value.trim()} leaves no ${ALGORITHM_NOUN[option]} acp-play can use`,
      fix: usableText(option),
    });
  return { list, issues };
}

function checkItem(option: AlgorithmOption, spec: AlgorithmSpec, item: string): SpecIssue[] {
  const noun = ALGORITHM_NOUN[option];
  const error = (message: string, fix?: string): SpecIssue[] => [
    { severity: 'error', message: `${option}: ${message}`, ...(fix ? { fix } : {}) },
  ];
  if (item === '') return error('an empty name in the list (a comma too many?)');
  if (/^[+^-]/.test(item))
    return error(
      `"${item}": the ${item.charAt(0)} goes once, before the whole list`,
      `write ${option} ${item.charAt(0)}a,b,c`,
    );
  if (item.startsWith('!') && spec.form !== 'remove')
    return error(`"${item}": a negated pattern is allowed only in a -list`);
  if (isPattern(item)) {
    if (spec.form === 'remove') return [];
    if (option !== 'HostKeyAlgorithms')
      return error(
        `"${item}": OpenSSH allows * and ? patterns in ${option} only in a -list`,
        'name the algorithms one by one',
      );
    if (SUPPORTED_ALGORITHMS[option].some((name) => matchPattern(name, item))) return [];
    if (knownNames(option).some((name) => matchPattern(name, item)))
      return [
        {
          severity: 'warning',
          message: `${option}: "${item}" matches only ${noun}s ${SSH_LIBRARY} cannot use; left out`,
        },
      ];
    return error(`"${item}" matches no ${noun}`, usableText(option));
  }
  const status = classifyAlgorithm(option, item);
  switch (status.kind) {
    case 'supported':
      return [];
    case 'unavailable':
      // Removing what acp-play never offers is harmless; asking for it is not possible.
      return spec.form === 'remove'
        ? []
        : [{ severity: 'warning', message: `${option}: ${item} is left out: ${status.why}` }];
    case 'other-option':
      return error(
        `${item} is a ${ALGORITHM_NOUN[status.option]}, not a ${noun}`,
        `set it with ${status.option}, e.g. ${status.option} +${item}`,
      );
    case 'unknown': {
      const hint = suggest(item, knownNames(option));
      return error(`unknown ${noun} "${item}"`, `${hint ? `did you mean ${hint}? ` : ''}${usableText(option)}`);
    }
  }
}

function usableText(option: AlgorithmOption): string {
  return `acp-play can use: ${SUPPORTED_ALGORITHMS[option].join(', ')}`;
}
