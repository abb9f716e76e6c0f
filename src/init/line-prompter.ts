import { createInterface, type Interface } from 'node:readline';

/** The user ended the questions (Ctrl-C, or Ctrl-D at a question). */
export class InitCancelled extends Error {
  constructor(readonly reason: 'interrupted' | 'end of input') {
    super(`init cancelled (${reason}); nothing was written`);
  }
}

/** Asks questions on a terminal. */
export interface Prompter {
  /** Shows `prompt` and resolves with the line typed (without the line end). */
  ask(prompt: string): Promise<string>;
  /** A line of its own (a note after a refused answer). */
  say(text: string): void;
  close(): void;
}

/**
 * A readline prompter for a terminal (line editing, history, Ctrl-C). Lines typed before their question is shown
 * are kept and answer the next questions in order, as a terminal's type-ahead does.
 */
export class LinePrompter implements Prompter {
  readonly #rl: Interface;
  readonly #output: NodeJS.WritableStream;
  readonly #lines: string[] = [];
  #waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  #ended: InitCancelled | undefined;

  constructor(input: NodeJS.ReadableStream, output: NodeJS.WritableStream) {
    this.#output = output;
    this.#rl = createInterface({ input, output, terminal: true, historySize: 0 });
    this.#rl.on('line', (line) => {
      const waiting = this.#waiting;
      this.#waiting = undefined;
      if (waiting) waiting.resolve(line);
      else this.#lines.push(line);
    });
    this.#rl.on('SIGINT', () => this.#end(new InitCancelled('interrupted')));
    this.#rl.on('close', () => this.#end(new InitCancelled('end of input')));
  }

  ask(prompt: string): Promise<string> {
    if (this.#ended) return Promise.reject(this.#ended);
    this.#rl.setPrompt(prompt);
    this.#rl.prompt();
    const typed = this.#lines.shift();
    if (typed !== undefined) {
      this.#output.write('\n');
      return Promise.resolve(typed);
    }
    return new Promise((resolve, reject) => (this.#waiting = { resolve, reject }));
  }

  say(text: string): void {
    this.#output.write(`${text}\n`);
  }

  close(): void {
    this.#ended ??= new InitCancelled('end of input');
    this.#rl.close();
  }

  #end(reason: InitCancelled): void {
    this.#ended ??= reason;
    this.#waiting?.reject(this.#ended);
    this.#waiting = undefined;
    this.#rl.close();
  }
}
