import { createInterface } from 'node:readline/promises';

/**
 * Asks on the terminal whether to apply; only `yes` is accepted. Ctrl-C at the question (readline takes it from the
 * terminal itself, so no signal arrives) interrupts the run through `interrupt`; a signal that interrupted the run
 * ends the question too. Either way the answer is no.
 */
export async function confirmApply(changes: number, signal: AbortSignal, interrupt: () => void): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const stop = new AbortController();
  rl.on('SIGINT', () => {
    interrupt();
    stop.abort();
  });
  signal.addEventListener('abort', () => stop.abort(), { once: true });
  try {
    const answer = await rl.question(`\nApply these ${changes} change(s)? Only 'yes' is accepted: `, {
      signal: stop.signal,
    });
    return answer.trim() === 'yes';
  } catch {
    process.stdout.write('\n');
    return false;
  } finally {
    rl.close();
  }
}
