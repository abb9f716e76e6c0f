/**
 * The last line of defence on the terminal: while a run is prepared and running, every write to stdout and stderr
 * (the reporters, listr2, plan text, JSON, error messages) passes through the run's secret masking. Returns the
 * function that restores the plain streams. Secrets are masked within each write; the writers write whole lines.
 */
export function maskOutput(redact: (text: string) => string): () => void {
  const restore = [process.stdout, process.stderr].map((stream) => {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      write(
        typeof chunk === 'string' ? redact(chunk) : Buffer.isBuffer(chunk) ? redact(chunk.toString('utf8')) : chunk,
        ...rest,
      )) as typeof stream.write;
    return () => {
      stream.write = write as typeof stream.write;
    };
  });
  return () => restore.forEach((r) => r());
}
