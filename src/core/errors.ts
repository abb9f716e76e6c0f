/**
 * The error vocabulary of acp-play. Only the CLI turns these into text and exit codes
 * (ConfigError -> 3, everything else -> 1).
 */

/** A position in a user's file (1-based line and column). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** One thing wrong (or worth warning about) in the user's input. */
export interface Problem {
  readonly severity: 'error' | 'warning';
  /** Where it is; absent only when no file is involved (a command-line flag, say). */
  readonly location?: SourceLocation;
  /** What is wrong, in the user's terms. */
  readonly message: string;
  /** How to fix it. */
  readonly fix?: string;
}

/** Marks the error classes below; shared by every copy of this module (Symbol.for is process-wide). */
const ACP_ERROR = Symbol.for('acp-play.error');

/**
 * Base class: every error acp-play raises on purpose.
 *
 * The CLI runs bundled (dist/bundle) while the lab package runs on the compiled modules (dist/), so an error the lab
 * throws is an instance of the other copy of these classes. `instanceof` therefore also accepts an object whose
 * class, or a class it extends, is an acp-play error class of the same name (names are kept by the bundler).
 */
export class AcpError extends Error {
  static readonly [ACP_ERROR] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  static override [Symbol.hasInstance](this: abstract new (...args: never[]) => unknown, value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (typeof value !== 'object' || value === null) return false;
    for (let proto = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
      const ctor = (proto as { constructor?: unknown }).constructor;
      if (typeof ctor === 'function' && ACP_ERROR in ctor && ctor.name === this.name) return true;
    }
    return false;
  }
}

/** Bad input, found before any device is contacted. Carries every problem found, not just the first. */
export class ConfigError extends AcpError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[] | Problem, options?: { cause?: unknown }) {
    const list = Array.isArray(problems) ? problems : [problems as Problem];
    super(list.map(formatProblem).join('\n'), options);
    this.problems = list;
  }
}

/** A host could not be reached or authenticated. */
export class ConnectError extends AcpError {
  constructor(
    readonly host: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${host}: connect failed: ${message}`, options);
  }
}

/** A command ran on a device and failed; carries the command, exit code and the tail of its output. */
export class CommandError extends AcpError {
  constructor(
    readonly host: string,
    readonly command: string,
    readonly exitCode: number | null,
    readonly output: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${host}: command failed (${exitCode === null ? 'no exit code' : `exit ${exitCode}`}): ${command}: ${tail(output)}`,
      options,
    );
  }
}

/** An apply failed; says whether the device was restored. */
export class ApplyError extends AcpError {
  constructor(
    readonly host: string,
    readonly phase: string,
    detail: string,
    readonly rolledBack: boolean,
    options?: { cause?: unknown },
  ) {
    super(
      `${host}: ${phase} failed: ${detail}${rolledBack && !/rolled back/.test(detail) ? ' (rolled back)' : ''}`,
      options,
    );
  }
}

/** A bug in acp-play itself. */
export class InternalError extends AcpError {}

/**
 * `file:line:col: message — fix` (the shape compilers and editors understand), always one line: control and
 * bidirectional characters a user's value brought into the text are shown escaped (`\n`, `\u202e`).
 */
export function formatProblem(p: Problem): string {
  const where = p.location ? `${p.location.file}:${p.location.line}:${p.location.col}: ` : '';
  const level = p.severity === 'warning' ? 'warning: ' : '';
  const text = `${where}${level}${p.message}${p.fix ? ` — ${p.fix}` : ''}`;
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function tail(text: string, lines = 5): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
