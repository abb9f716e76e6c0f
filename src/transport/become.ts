import { shellQuote } from './shell-quote.js';

/**
 * Privilege escalation with sudo. The user's command becomes one single-quoted argument of `sh -c`, so its pipes,
 * redirections and quotes keep their meaning under root:
 *
 *   no password:   sudo -n -- sh -c '<command>'
 *   with password: sudo -k -S -p '' -- sh -c '<command>'   (stdin: "<password>\n" then the caller's stdin)
 *
 * `-n` fails at once instead of prompting. `-S -p ''` reads the password from stdin without printing a prompt;
 * `-k` makes sudo ignore cached credentials, so it always reads that first line (otherwise a cached timestamp
 * would hand the password to the command as its input). The password never appears in the command line.
 */
export interface BecomeCommand {
  readonly command: string;
  /** Bytes to write before the caller's stdin (the password line), or empty. */
  readonly stdinPrefix: string;
}

/** Wraps `command` for sudo; `password` undefined means passwordless sudo (`-n`). */
export function becomeCommand(command: string, password?: string): BecomeCommand {
  if (password === undefined) return { command: `sudo -n -- sh -c ${shellQuote(command)}`, stdinPrefix: '' };
  return { command: `sudo -k -S -p '' -- sh -c ${shellQuote(command)}`, stdinPrefix: `${password}\n` };
}
