import { ALGORITHM_OPTIONS, type AlgorithmOption } from '../transport/ssh-algorithm-catalog.js';
import { suggest } from '../core/did-you-mean.js';
import { splitShellWords } from './shell-words.js';
import { SSH_OPTION_NAMES } from './ssh-option-names.js';

/** A value read from an ssh argument string, and the inventory variable it came from. */
export interface ArgValue {
  readonly value: string;
  readonly variable: string;
}

/** An option acp-play reads but does not apply, and why. */
export interface IgnoredOption {
  readonly variable: string;
  readonly option: string;
  readonly why: string;
}

const FLAGS_WITH_VALUE = 'BbcDEeFIiJLlmOoPpQRSWw';
const FLAGS_ALONE = '46AaCfGgKkMNnqsTtVvXxYy';
const OPTION_NAMES = new Map(SSH_OPTION_NAMES.map((name) => [name.toLowerCase(), name]));
const ALGORITHMS = new Map(ALGORITHM_OPTIONS.map((option) => [option.toLowerCase(), option]));

const HOST_KEY_WHY = 'acp-play always checks host keys strictly (the inventory known_hosts, then ~/.ssh/known_hosts)';
const WHY: Readonly<Record<string, string>> = {
  stricthostkeychecking: HOST_KEY_WHY,
  userknownhostsfile: HOST_KEY_WHY,
  globalknownhostsfile: HOST_KEY_WHY,
  checkhostip: HOST_KEY_WHY,
  updatehostkeys: HOST_KEY_WHY,
  hashknownhosts: HOST_KEY_WHY,
  verifyhostkeydns: HOST_KEY_WHY,
  knownhostscommand: HOST_KEY_WHY,
  hostkeyalias: HOST_KEY_WHY,
  pubkeyacceptedalgorithms:
    "acp-play's SSH library signs with an RSA login key as the server announces (rsa-sha2-256/512, else ssh-rsa)",
  pubkeyacceptedkeytypes:
    "acp-play's SSH library signs with an RSA login key as the server announces (rsa-sha2-256/512, else ssh-rsa)",
  port: 'set ansible_port instead',
  user: 'set ansible_user instead',
  hostname: 'set ansible_host instead',
  identityfile: 'set ansible_ssh_private_key_file instead',
  '-p': 'set ansible_port instead',
  '-l': 'set ansible_user instead',
  '-i': 'set ansible_ssh_private_key_file instead',
  '-F': 'give acp-play -F FILE instead',
};

/**
 * The ssh options of a host's argument strings (`ansible_ssh_args`, `ansible_ssh_common_args`,
 * `ansible_ssh_extra_args`), read in that order as one `ssh` command line, by ssh's own rules: the first `-o` of an
 * option wins, `-c` (Ciphers) and `-m` (MACs) override, and the first of ProxyJump (`-J`) and ProxyCommand wins.
 */
export class SshCommandLine {
  readonly algorithms = new Map<AlgorithmOption, ArgValue>();
  proxy: (ArgValue & { readonly kind: 'ProxyJump' | 'ProxyCommand' }) | undefined;
  readonly ignored: IgnoredOption[] = [];
  readonly errors: { readonly variable: string; readonly message: string; readonly fix?: string }[] = [];

  /** Reads one variable's string. */
  read(text: string, variable: string): void {
    if (/\{\{|\{%/.test(text)) {
      this.errors.push({
        variable,
        message: 'holds a Jinja2 template',
        fix: 'acp-play does not template it: write the value out',
      });
      return;
    }
    let words: string[];
    try {
      words = splitShellWords(text);
    } catch (error) {
      this.errors.push({ variable, message: `cannot be split into arguments: ${(error as Error).message}` });
      return;
    }
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (!/^-./.test(word) || word === '--') {
        this.errors.push({
          variable,
          message: `"${word}" is not an ssh option`,
          fix: 'only options belong here, e.g. -o KexAlgorithms=+diffie-hellman-group14-sha1',
        });
        return;
      }
      for (let j = 1; j < word.length; j++) {
        const flag = word[j]!;
        if (FLAGS_ALONE.includes(flag)) {
          this.ignore(variable, `-${flag}`);
          continue;
        }
        if (!FLAGS_WITH_VALUE.includes(flag)) {
          this.errors.push({ variable, message: `ssh has no option -${flag}` });
          return;
        }
        const value = j + 1 < word.length ? word.slice(j + 1) : words[++i];
        if (value === undefined) {
          this.errors.push({ variable, message: `-${flag} needs a value` });
          return;
        }
        this.flag(variable, flag, value);
        break;
      }
    }
  }

  private flag(variable: string, flag: string, value: string): void {
    if (flag === 'o') this.option(variable, value);
    else if (flag === 'c') this.algorithms.set('Ciphers', { value, variable });
    else if (flag === 'm') this.algorithms.set('MACs', { value, variable });
    else if (flag === 'J') this.proxy ??= { kind: 'ProxyJump', value, variable };
    else this.ignore(variable, `-${flag}`);
  }

  /** `-o Keyword=value`, `-o "Keyword value"`: keyword case-insensitive, as in a config file. */
  private option(variable: string, text: string): void {
    const m = /^\s*([A-Za-z0-9]+)(?:\s*=\s*|\s+)(.*)$/s.exec(text);
    const keyword = m?.[1] ?? text.trim();
    const name = OPTION_NAMES.get(keyword.toLowerCase());
    if (!name) {
      const hint = suggest(keyword, SSH_OPTION_NAMES);
      this.errors.push({
        variable,
        message: `-o ${keyword}: not an ssh option`,
        ...(hint ? { fix: `did you mean ${hint}?` } : {}),
      });
      return;
    }
    const value = m?.[2]?.trim() ?? '';
    if (value === '') {
      this.errors.push({ variable, message: `-o ${name} needs a value`, fix: `write -o ${name}=VALUE` });
      return;
    }
    const algorithm = ALGORITHMS.get(name.toLowerCase());
    if (algorithm) {
      if (!this.algorithms.has(algorithm)) this.algorithms.set(algorithm, { value: unquote(value), variable });
    } else if (name === 'ProxyJump' || name === 'ProxyCommand') {
      this.proxy ??= { kind: name, value: name === 'ProxyJump' ? unquote(value) : value, variable };
    } else this.ignore(variable, name);
  }

  private ignore(variable: string, option: string): void {
    const why = WHY[option.startsWith('-') ? option : option.toLowerCase()] ?? 'acp-play does not apply it';
    this.ignored.push({ variable, option, why });
  }
}

function unquote(value: string): string {
  return /^"[^"]*"$/.test(value) ? value.slice(1, -1) : value;
}
