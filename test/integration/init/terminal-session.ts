import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A command run on a pseudo-terminal by util-linux `script`, driven like a user at a keyboard: wait until a
 * prompt is on the screen, type an answer, press Enter. What the program writes is read with the terminal's
 * escape sequences and carriage returns removed.
 */
export class TerminalSession {
  readonly #child: ChildProcess;
  #screen = '';
  #seen = 0;
  readonly exited: Promise<number | null>;

  constructor(argv: readonly string[], env: NodeJS.ProcessEnv = process.env) {
    const command = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    // -e: exit with the program's code; -f: flush at once; output to /dev/null: no typescript file.
    this.#child = spawn('script', ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.#child.stdout!.on('data', (chunk: Buffer) => {
      this.#screen += chunk
        .toString('utf8')
        .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
        .replace(/\r/g, '');
    });
    this.exited = new Promise((resolve) => this.#child.on('exit', (code) => resolve(code)));
  }

  /** Everything shown so far. */
  get screen(): string {
    return this.#screen;
  }

  /** Waits until `text` appears after what an earlier wait consumed. */
  async waitFor(text: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.#screen.indexOf(text, this.#seen);
      if (at >= 0) {
        this.#seen = at + text.length;
        return;
      }
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${this.#screen}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Types `text` and presses Enter. */
  answer(text: string): void {
    this.#child.stdin!.write(`${text}\r`);
  }

  /** Sends a control character, e.g. `\x03` (Ctrl-C). */
  press(key: string): void {
    this.#child.stdin!.write(key);
  }

  kill(): void {
    this.#child.kill('SIGKILL');
  }
}
