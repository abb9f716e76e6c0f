import type { PlatformVar } from '../core/platform.js';
import type { CliGrammar } from './cli-grammar.js';

/**
 * What a prompt-driven switch CLI looks like, as data: one object per platform (`<platform>-definition.ts`) drives
 * the generic CliDevice, so session code never holds platform knowledge.
 */

/** Prompt patterns per CLI mode. Each is matched against the LAST line of the device's output only. */
export interface CliPrompts {
  /** Privileged exec (`switch1#`). */
  readonly exec: RegExp;
  /** Any configuration mode (`switch1(config)#`, `switch1(config-if)#`, `switch1(config-s-acp-pl)#`). */
  readonly config: RegExp;
  /** Unprivileged exec (`switch1>`), on platforms where a login may land there. */
  readonly unprivileged?: RegExp;
}

/** A question the device may ask after a command (`Destination filename [startup-config]?`). */
export interface CliQuestion {
  readonly prompt: RegExp;
  /**
   * What to send. It is sent whether or not the question appeared, so it must be harmless at the exec prompt: an
   * empty line (Enter, accepting the default) is.
   */
  readonly answer: '';
}

/** A command the device may answer with a question, and what it prints when it worked. */
export interface CliCommandSpec {
  readonly command: string;
  readonly question?: CliQuestion;
  /** The device's words when the command worked (`Copy complete.`); any other output fails it. */
  readonly expect: RegExp;
}

export interface CliDefinition {
  /** Platform id, for messages. */
  readonly platform: string;
  /** The hostname the prompts expect (the inventory name unless the host var `hostname` says otherwise). */
  readonly hostname: string;
  readonly prompts: CliPrompts;
  /** How the device refuses a command and what a configuration command may print: see cli-grammar.ts. */
  readonly grammar: CliGrammar;
  /** The pager prompt at the start of a line (` --More-- `), answered with a space if paging is still on. */
  readonly pager: RegExp;
  /** Sent when the login lands at the `unprivileged` prompt (`enable`); absent = that is an error. */
  readonly enable?: string;
  /** Sent once after login, at the exec prompt (`terminal length 0`, `terminal width 511`). */
  readonly onOpen: readonly string[];
  /** Enters and leaves global configuration mode. */
  readonly configEnter: string;
  readonly configLeave: string;
  /** Saves running-config to startup-config. */
  readonly save: CliCommandSpec;
}

/** Escapes text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * The hostname part of a prompt: the full name, or (EOS `%h`, IOS with a domain) the part before the first dot.
 * NX-OS/IOS/EOS may truncate very long names; that is not guessed at: set the `hostname` var to what the prompt shows.
 */
export function hostnamePattern(hostname: string): string {
  const dot = hostname.indexOf('.');
  if (dot <= 0) return escapeRegExp(hostname);
  return `${escapeRegExp(hostname.slice(0, dot))}(?:${escapeRegExp(hostname.slice(dot))})?`;
}

/** Host variables every CLI switch platform reads (their part of the inventory schema). */
export const CLI_SWITCH_VARS: Readonly<Record<string, PlatformVar>> = {
  hostname: { type: 'string', description: "the hostname the device's prompt shows (default: the inventory name)" },
};

/** The device's known hostname: the host var `hostname` when set, else the inventory name. */
export function knownHostname(host: {
  readonly name: string;
  readonly vars: Readonly<Record<string, unknown>>;
}): string {
  const v = host.vars['hostname'];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : host.name;
}
