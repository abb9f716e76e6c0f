import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import ssh2 from 'ssh2';
import type { AnyAuthMethod, AuthHandlerMiddleware, AuthenticationType, ParsedKey } from 'ssh2';

const { utils } = ssh2;

/** Environment variable that holds the passphrase of encrypted private keys unless a target names another. */
export const DEFAULT_PASSPHRASE_ENV = 'ACP_PLAY_KEY_PASSPHRASE';

/** Where credentials for one login come from. Secrets are passed in by the caller (env or vault), never logged. */
export interface SshAuthSources {
  /** Private key files, tried first and in order (before those named by `IdentityFile` in ssh config). */
  readonly identityFiles?: readonly string[];
  /** Name of the environment variable holding the passphrase of encrypted keys (default ACP_PLAY_KEY_PASSPHRASE). */
  readonly passphraseEnv?: string;
  /** ssh-agent socket path; default `$SSH_AUTH_SOCK`; `false` turns the agent off. */
  readonly agentSocket?: string | false;
  /** Password for `password` and `keyboard-interactive` authentication. */
  readonly password?: string;
}

/** The methods to try for one login and what went wrong while preparing them (bad key files and such). */
export interface AuthPlan {
  readonly handler: AuthHandlerMiddleware;
  /** Method names tried so far, for the error message when all fail. */
  readonly tried: string[];
  /** Keys that could not be used, with the reason (never the passphrase). */
  readonly skipped: readonly string[];
}

/**
 * Builds ssh2's `authHandler` trying, like OpenSSH: private key files, then the agent, then password, then
 * keyboard-interactive (every prompt answered with the password). Methods the server does not offer are skipped.
 */
export function planAuth(
  username: string,
  sources: SshAuthSources,
  extraIdentityFiles: readonly string[] = [],
): AuthPlan {
  const skipped: string[] = [];
  const methods: { label: string; method: AnyAuthMethod }[] = [];
  const passphrase = process.env[sources.passphraseEnv ?? DEFAULT_PASSPHRASE_ENV];
  const files = [...new Set([...(sources.identityFiles ?? []), ...extraIdentityFiles])];
  for (const file of files) {
    const key = loadKey(
      file,
      passphrase,
      sources.passphraseEnv ?? DEFAULT_PASSPHRASE_ENV,
      sources.identityFiles?.includes(file) ?? false,
    );
    if (typeof key === 'string') {
      if (key) skipped.push(key);
      continue;
    }
    methods.push({ label: `publickey ${file}`, method: { type: 'publickey', username, key } });
  }
  const agent = sources.agentSocket === false ? undefined : (sources.agentSocket ?? process.env['SSH_AUTH_SOCK']);
  if (agent) methods.push({ label: 'agent', method: { type: 'agent', username, agent } });
  const password = sources.password;
  if (password !== undefined) {
    methods.push({ label: 'password', method: { type: 'password', username, password } });
    methods.push({
      label: 'keyboard-interactive',
      method: {
        type: 'keyboard-interactive',
        username,
        prompt: (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => password)),
      },
    });
  }
  const tried: string[] = [];
  const handler: AuthHandlerMiddleware = (authsLeft, _partial, next) => {
    // authsLeft is null on the first call (nothing known about the server yet).
    const offered = authsLeft as AuthenticationType[] | null;
    while (methods.length > 0) {
      const { label, method } = methods.shift()!;
      const wire = method.type === 'agent' ? 'publickey' : method.type;
      if (offered && !offered.includes(wire)) continue;
      tried.push(label);
      next(method);
      return;
    }
    // ssh2 takes `false` for "no more methods"; its typings leave that out.
    (next as (method: AnyAuthMethod | false) => void)(false);
  };
  return { handler, tried, skipped };
}

/** Decrypted keys by file, mtime and passphrase digest: bcrypt-pbkdf in ssh2 costs ~2 s per decrypt at 16 rounds. */
const decrypted = new Map<string, ParsedKey>();

/** Reads and parses a key file; returns a reason string instead when it cannot be used ('' = silently absent). */
function loadKey(file: string, passphrase: string | undefined, envName: string, explicit: boolean): ParsedKey | string {
  let data: Buffer;
  let mtime = 0;
  try {
    data = readFileSync(file);
    mtime = statSync(file).mtimeMs;
  } catch (err) {
    // A missing default or ssh-config key is normal (OpenSSH ignores it too); a key the inventory names is not.
    return explicit ? `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})` : '';
  }
  const plain = first(utils.parseKey(data));
  if (!(plain instanceof Error)) return plain;
  if (!/encrypted|passphrase/i.test(plain.message)) return `${file}: not a usable private key (${plain.message})`;
  if (passphrase === undefined) return `${file}: key is encrypted and ${envName} is not set`;
  const cacheKey = `${file}\0${mtime}\0${createHash('sha256').update(passphrase).digest('hex')}`;
  const cached = decrypted.get(cacheKey);
  if (cached) return cached;
  const key = first(utils.parseKey(data, passphrase));
  if (key instanceof Error) return `${file}: cannot decrypt key with the passphrase from ${envName}`;
  decrypted.set(cacheKey, key);
  return key;
}

function first(parsed: ParsedKey | ParsedKey[] | Error): ParsedKey | Error {
  return Array.isArray(parsed) ? (parsed[0] ?? new Error('no key in file')) : parsed;
}
