/**
 * How a CLI says no, and what it prints when it says yes: the platform's error grammar, as data
 * (`<platform>-definition.ts`), and the judgement of a command's output by it. A command is never taken as accepted
 * because its output lacks a known error: a configuration command must print nothing or only known notices, an
 * action (`checkpoint`, `configure confirm`) what it prints when it worked; only `show` output is free-form data.
 */
export interface CliGrammar {
  /**
   * Lines that are the device refusing a command: `%`-lines, `ERROR:`, `Invalid` / `Incomplete` / `Ambiguous`
   * wording, the platform's own (`Command rejected:`). Matched against each line, leading spaces removed.
   */
  readonly refusals: readonly RegExp[];
  /** The line that puts a caret under the refused token (`        ^`); the lines after it say why. */
  readonly caret: RegExp;
  /**
   * What a configuration command may print when the device accepted it, line by line (IOS `% Access VLAN does not
   * exist. Creating vlan 2001`, `Enter configuration commands, one per line.  End with CNTL/Z.`). Anything else is
   * unexpected output, and fails the command.
   */
  readonly notices: readonly RegExp[];
}

/** `%`-lines, `ERROR:`, and Invalid / Incomplete / Ambiguous wording: what every Cisco-style CLI refuses with. */
export const CISCO_STYLE_REFUSALS: readonly RegExp[] = [/^%/, /^ERROR:/i, /^(Invalid|Incomplete|Ambiguous)\b/i];

/**
 * What NX-OS and IOS print on entering configuration mode (`configure terminal`), as recorded in Cisco's unicon
 * test data (a Nexus 7000 and a Catalyst 9000 log): one space or two before `End`.
 */
export const ENTER_CONFIG_NOTICE = /^Enter configuration commands, one per line\.\s+End with CNTL\/Z\.$/;

/** A line holding only the caret marker (and spaces). */
export const CARET_LINE = /^\s*\^\s*$/;

/** What an output says about its command. */
export type Judgement =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'refused'; readonly words: string }
  | { readonly kind: 'unexpected'; readonly words: string };

const ACCEPTED: Judgement = { kind: 'accepted' };

/** How a command's output is read: `data` (show), `config` (nothing or notices), or an action's expected output. */
export type OutputKind = 'data' | 'config' | { readonly expect: RegExp };

/**
 * Judges one command's output. `data`: refused only when the output starts with a refusal or the caret (a
 * running-config may hold a `%` banner line further down). `config`: every line must be a notice. An action: no
 * refusal anywhere, and the whole output (trimmed) must match what the action prints when it worked.
 */
export function judgeOutput(grammar: CliGrammar, output: string, kind: OutputKind): Judgement {
  const lines = output.split('\n').map((l) => l.trim());
  const filled = lines.filter((l) => l !== '');
  const isRefusal = (l: string) => grammar.caret.test(l) || grammar.refusals.some((r) => r.test(l));
  if (kind === 'data') return filled.length > 0 && isRefusal(filled[0]!) ? refused(grammar, filled) : ACCEPTED;
  const unknown = kind === 'config' ? filled.filter((l) => !grammar.notices.some((n) => n.test(l))) : filled;
  if (unknown.some(isRefusal)) return refused(grammar, unknown.slice(unknown.findIndex(isRefusal)));
  if (kind === 'config') return unknown.length === 0 ? ACCEPTED : { kind: 'unexpected', words: head(unknown) };
  return kind.expect.test(filled.join('\n')) ? ACCEPTED : { kind: 'unexpected', words: head(filled) || '(nothing)' };
}

/** An output that is nothing at all. */
export const NOTHING = /^$/;

/**
 * For an undo (a rollback command) whose words are not the known success words: ` (the device said: ...)`, to be
 * shown with how the host was restored, which the runner then verifies by reading the host again; else ''.
 */
export function otherWords(output: string, expect: RegExp): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return expect.test(lines.join('\n')) ? '' : ` (the device said: ${head(lines).replace(/\n/g, '; ')})`;
}

/** The device's own words: from the first refusal line on (the caret line says only where), at most 5 lines. */
function refused(grammar: CliGrammar, lines: readonly string[]): Judgement {
  const words = lines.filter((l) => !grammar.caret.test(l));
  return { kind: 'refused', words: head(words) || `the device marked the command with ^ and gave no reason` };
}

function head(lines: readonly string[]): string {
  return lines.slice(0, 5).join('\n');
}
