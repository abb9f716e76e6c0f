/**
 * A prompt pattern that remembers the line it matched. CliSession strips the prompt line from what it returns; the
 * watch lets the device know which prompt (exec, config, a question) ended a read, and so which mode it is in,
 * without a second round trip. RegExp.prototype.test and String.prototype.match both go through `exec`.
 */
export class PromptWatch extends RegExp {
  /** The last line this pattern matched. */
  seen: string | undefined;

  constructor(patterns: readonly RegExp[]) {
    super(patterns.map((p) => `(?:${p.source})`).join('|'));
  }

  override exec(text: string): RegExpExecArray | null {
    const match = super.exec(text);
    if (match) this.seen = text;
    return match;
  }
}
