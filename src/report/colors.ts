import pc from 'picocolors';

/** Colour functions that are identity when colour is off (piped output, CI, NO_COLOR). */
export interface Palette {
  green(s: string): string;
  yellow(s: string): string;
  red(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function palette(enabled: boolean): Palette {
  const c = pc.createColors(enabled);
  return { green: c.green, yellow: c.yellow, red: c.red, cyan: c.cyan, dim: c.dim, bold: c.bold };
}

/** Colour on a TTY unless NO_COLOR is set (https://no-color.org) or CI asks for plain output. */
export function colorWanted(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}
