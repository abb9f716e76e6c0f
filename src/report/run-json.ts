import { SECRET_MASK } from '../transport/secret.js';

/**
 * The JSON of a plan or a result as every writer puts it out (plan files, run records, `--json`): a secret command
 * keeps its place and `secret: true` but its text is the mask, so the document holds no secret by construction.
 * `redact` is the last line of defence on the whole text.
 */
export function runJson(value: unknown, redact: (text: string) => string = (t) => t): string {
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (v !== null && typeof v === 'object' && (v as { secret?: unknown }).secret === true && 'text' in v)
        return { ...v, text: SECRET_MASK };
      return v;
    },
    2,
  );
  return `${redact(text)}\n`;
}
