import type { ModuleName } from '../core/playbook.js';

/**
 * The ways Ansible users write a task's module, read as acp-play's modules: the collection names
 * (`ansible.builtin.command`, `ansible.legacy.shell`), `shell` for `command` (acp-play's command already runs
 * through the login shell), and the free form `command: echo hi`.
 */

const COLLECTIONS = ['ansible.builtin.', 'ansible.legacy.'];

/** Ansible's builtin modules that are an acp-play module, under the name Ansible gives them. */
const BUILTINS: Readonly<Record<string, ModuleName>> = { command: 'command', shell: 'command' };

/** acp-play's module for a task key as an Ansible user writes it, or the key unchanged when it is no alias. */
export function moduleForKey(key: string): string {
  const prefix = COLLECTIONS.find((collection) => key.startsWith(collection));
  const short = prefix ? key.slice(prefix.length) : key;
  return Object.hasOwn(BUILTINS, short) ? BUILTINS[short]! : key;
}

/** Every task key that names `module`: its own name and the Ansible names of it. */
export function keysForModule(module: ModuleName): string[] {
  const names = [...new Set([module, ...Object.keys(BUILTINS).filter((name) => BUILTINS[name] === module)])];
  const builtins = names.filter((name) => Object.hasOwn(BUILTINS, name));
  return [...names, ...COLLECTIONS.flatMap((collection) => builtins.map((name) => collection + name))];
}

/** Modules that take a free-form command line as their value, and the argument it fills. */
const FREE_FORM: Readonly<Partial<Record<ModuleName, string>>> = { command: 'cmd' };

// The key=value words Ansible's command and shell take out of a free-form line (parse_kv's raw params); the rest of
// the line is the command. acp-play knows `creates`; the others are reported as unknown arguments.
const RAW_PARAMS = new Set([
  'creates',
  'removes',
  'chdir',
  'executable',
  'stdin',
  'stdin_add_newline',
  'strip_empty_ends',
]);

/** The argument a free-form value fills for `module`, or undefined when it takes none. */
export function freeFormArgument(module: string): string | undefined {
  return Object.hasOwn(FREE_FORM, module) ? FREE_FORM[module as ModuleName] : undefined;
}

/**
 * Splits a free-form line as Ansible does: `creates=/tmp/done touch /tmp/done` is `{creates: '/tmp/done'}` and
 * the command `touch /tmp/done`. A value may be quoted (`creates="/a b"`).
 */
export function splitFreeForm(line: string): { command: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const words: string[] = [];
  const pattern = /(\S*?"[^"]*"\S*|\S*?'[^']*'\S*|\S+)/g;
  for (const [word] of line.matchAll(pattern)) {
    const match = /^([a-z_]+)=(.*)$/s.exec(word);
    if (match && RAW_PARAMS.has(match[1]!)) params[match[1]!] = unquote(match[2]!);
    else words.push(word);
  }
  return { command: Object.keys(params).length > 0 ? words.join(' ') : line.trim(), params };
}

function unquote(text: string): string {
  const quoted = /^(["'])(.*)\1$/s.exec(text);
  return quoted ? quoted[2]! : text;
}
