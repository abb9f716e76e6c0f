import { readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import SSHConfig from 'ssh-config';
import { algorithmSettingsFrom, tagAlgorithmLines } from './ssh-config-algorithms.js';
import type { AlgorithmSettings } from './ssh-algorithms.js';

/** What `~/.ssh/config` (or an explicit file) says about one host, merged under the caller's explicit values. */
export interface ResolvedSshHost {
  /** The name the caller asked for (OpenSSH's %n). */
  readonly alias: string;
  /** Where to connect: `HostName`, else the alias. */
  readonly hostName: string;
  readonly port: number;
  readonly user: string;
  /** `IdentityFile` entries, `~` and %-tokens expanded, in file order. */
  readonly identityFiles: readonly string[];
  /** `ProxyJump` value (absent for none). */
  readonly proxyJump?: string;
  /** `ProxyCommand` with %h %p %r %n %% already substituted (absent for none). */
  readonly proxyCommand?: string;
  /** `KexAlgorithms`, `HostKeyAlgorithms`, `Ciphers`, `MACs` as written, with their file and line. */
  readonly algorithms: AlgorithmSettings;
}

/** One `ProxyJump` hop, `[user@]host[:port]`. */
export interface JumpHop {
  readonly host: string;
  readonly port?: number;
  readonly user?: string;
}

/**
 * Reads an ssh config file. `path` undefined means `~/.ssh/config`, which may be missing; an explicit path that
 * cannot be read throws. `Match exec` lines are not evaluated: acp-play never runs commands from config files.
 * `Include` is not followed.
 */
export function loadSshConfig(path?: string): SSHConfig {
  const file = path ?? join(homedir(), '.ssh', 'config');
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (path !== undefined) throw err;
  }
  const config = SSHConfig.parse(text);
  tagAlgorithmLines(config, text, file);
  return config;
}

/** Applies the config to `alias`. Explicit `port`/`user` win over the file, like `ssh -p`/`-l` do. */
export function resolveSshHost(
  config: SSHConfig,
  alias: string,
  explicit: { port?: number; user?: string } = {},
): ResolvedSshHost {
  const computed = config.compute(alias, { ignoreCase: true, matchExec: false });
  const one = (key: string): string | undefined => {
    const v = computed[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const hostName = one('hostname')?.replaceAll('%h', alias) ?? alias;
  const port = explicit.port ?? (one('port') ? Number(one('port')) : 22);
  const user = explicit.user ?? one('user') ?? userInfo().username;
  const tokens = { h: hostName, p: String(port), r: user, n: alias };
  const rawIds = computed['identityfile'];
  const identityFiles = (Array.isArray(rawIds) ? rawIds : rawIds ? [rawIds] : []).map((f) =>
    expandPath(expandTokens(f, tokens)),
  );
  const proxyJump = one('proxyjump');
  const proxyCommand = one('proxycommand');
  return {
    alias,
    hostName,
    port,
    user,
    identityFiles,
    algorithms: algorithmSettingsFrom(config, computed),
    ...(proxyJump && proxyJump.toLowerCase() !== 'none' ? { proxyJump } : {}),
    ...(proxyCommand && proxyCommand.toLowerCase() !== 'none'
      ? { proxyCommand: expandTokens(proxyCommand, tokens) }
      : {}),
  };
}

/** Splits `ProxyJump` (`[user@]host[:port]`, comma-separated, optional `ssh://`, IPv6 in brackets) into hops. */
export function parseProxyJump(spec: string): JumpHop[] {
  return spec.split(',').map((raw) => {
    const text = raw.trim().replace(/^ssh:\/\//, '');
    const at = text.lastIndexOf('@');
    const user = at >= 0 ? text.slice(0, at) : undefined;
    const rest = at >= 0 ? text.slice(at + 1) : text;
    const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest) ?? /^([^:]+)(?::(\d+))?$/.exec(rest);
    if (!m?.[1]) throw new Error(`bad ProxyJump hop "${raw}"`);
    return { host: m[1], ...(m[2] ? { port: Number(m[2]) } : {}), ...(user ? { user } : {}) };
  });
}

/** Substitutes OpenSSH's %-tokens (%h %p %r %n, plus %d home and %u local user, %% a percent sign). */
export function expandTokens(text: string, tokens: { h: string; p: string; r: string; n: string }): string {
  const table: Record<string, string> = { ...tokens, d: homedir(), u: userInfo().username, '%': '%' };
  return text.replace(/%([a-zA-Z%])/g, (whole, key: string) => table[key] ?? whole);
}

function expandPath(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}
