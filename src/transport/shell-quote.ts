/**
 * POSIX shell quoting. Every argument is wrapped in single quotes, the only quoting in which the shell interprets
 * nothing; a single quote inside the argument becomes `'\''` (close the quote, an escaped quote, reopen). The result
 * is safe for `sh`, `bash` and `dash` and survives one more level when nested: `sh -c <quoted script>` where the
 * script itself was built with these functions.
 */

/** Quotes one argument for a POSIX shell: `it's` -> `'it'\''s'`, the empty string -> `''`. */
export function shellQuote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Quotes every argument and joins them with spaces: a command line that runs exactly `argv`. */
export function shellJoin(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
