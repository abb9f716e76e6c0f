import type { Directive, default as SSHConfig } from 'ssh-config';
import { ALGORITHM_OPTIONS } from './ssh-algorithm-catalog.js';
import type { AlgorithmSettings } from './ssh-algorithms.js';

/**
 * Where the algorithm lines of an ssh config are. ssh-config (the parser) keeps no positions, and its `compute`
 * returns values only, so each algorithm directive's value is tagged with its line when the file is loaded; the
 * tag travels through `compute` and says which line won for a host.
 */

const TAG = '\u0000';
const PARAMS = new Map(ALGORITHM_OPTIONS.map((option) => [option.toLowerCase(), option]));
const files = new WeakMap<SSHConfig, string>();

/** Tags the algorithm directives of `config` (parsed from `text` of `file`) with their line numbers. */
export function tagAlgorithmLines(config: SSHConfig, text: string, file: string): void {
  files.set(config, file);
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /^[ \t]*([A-Za-z]+)(?=[ \t=])/.exec(line);
    if (m && PARAMS.has(m[1]!.toLowerCase())) lines.push(i + 1);
  });
  const directives: Directive[] = [];
  const walk = (section: SSHConfig): void => {
    for (const line of section) {
      if (!('param' in line)) continue;
      if (PARAMS.has(line.param.toLowerCase())) directives.push(line);
      if ('config' in line) walk(line.config);
    }
  };
  walk(config);
  // Positions are only claimed when the text and the parse agree on how many algorithm lines there are.
  if (directives.length !== lines.length) return;
  directives.forEach((directive, i) => {
    const value = directive.value;
    directive.value = `${typeof value === 'string' ? value : value.map((v) => v.val).join(' ')}${TAG}${lines[i]}`;
  });
}

/** The algorithm settings `compute` found for a host, each with its file and line when the file was tagged. */
export function algorithmSettingsFrom(
  config: SSHConfig,
  computed: Record<string, string | string[]>,
): AlgorithmSettings {
  const file = files.get(config);
  const settings: Record<string, AlgorithmSettings[keyof AlgorithmSettings]> = {};
  for (const [param, option] of PARAMS) {
    const raw = computed[param];
    if (raw === undefined) continue;
    const [value = '', line] = (Array.isArray(raw) ? raw.join(' ') : raw).split(TAG);
    const location = file !== undefined && line !== undefined ? { file, line: Number(line), col: 1 } : undefined;
    settings[option] = {
      value,
      origin: 'ssh-config',
      source: location ? `${location.file}:${location.line}` : 'the ssh config',
      ...(location ? { location } : {}),
    };
  }
  return settings;
}
