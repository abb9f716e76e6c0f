/**
 * What a device's shell output reads as on a terminal. Devices draw on a terminal, not into a file: they end lines
 * with CRLF (some with CR CR LF), move back with CR and backspace to redraw a line (a pager's ` --More-- ` is erased
 * with backspaces, spaces and backspaces, or with CR and ESC [K), and colour with ANSI sequences. These functions
 * turn the raw text into the lines a person would see.
 */

/** Line ends to LF; each line drawn as a terminal draws it (CR, backspace, ESC [K); other ANSI sequences dropped. */
export function normalise(text: string): string {
  return text
    .replace(/\r+\n/g, '\n')
    .split('\n')
    .map((line) => (/[\r\b\x1b]/.test(line) ? drawLine(line) : line))
    .join('\n');
}

/** One line as a terminal shows it: characters overwrite cells from the cursor on. */
function drawLine(line: string): string {
  const cells: string[] = [];
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\x1b') {
      const csi = /^\x1b\[([0-9;?]*)([A-Za-z@])/.exec(line.slice(i));
      // A sequence that is not CSI (ESC 7, ESC =) is two characters.
      i += csi ? csi[0].length - 1 : 1;
      if (csi?.[2] === 'K') eraseInLine(cells, col, csi[1] ?? '');
      continue;
    }
    if (ch === '\r') col = 0;
    else if (ch === '\b') col = Math.max(0, col - 1);
    else {
      while (cells.length < col) cells.push(' ');
      cells[col++] = ch;
    }
  }
  return cells.join('').trimEnd();
}

/** ESC [ K (to the end of the line), ESC [ 1 K (to the cursor), ESC [ 2 K (the whole line). */
function eraseInLine(cells: string[], col: number, arg: string): void {
  if (arg === '' || arg === '0') cells.length = Math.min(cells.length, col);
  else if (arg === '2') cells.length = 0;
  else if (arg === '1') for (let k = 0; k <= col && k < cells.length; k++) cells[k] = ' ';
}

/**
 * Drops the device's echo of `line` and the final newline. The echo is the first line when it ends with what was
 * sent (text before it on that line is what was left of a redraw); a command longer than the terminal is echoed
 * wrapped over several lines, which are dropped together when they join up to the command.
 */
export function stripEcho(text: string, line: string): string {
  const want = line.trim();
  const lines = text.split('\n');
  let joined = '';
  for (let k = 0; want !== '' && k < lines.length; k++) {
    joined += lines[k];
    if (joined.trimEnd().endsWith(want))
      return lines
        .slice(k + 1)
        .join('\n')
        .replace(/\n$/, '');
    // Only a wrapped echo continues: what is joined so far must be the start of the command.
    if (!want.startsWith(joined.trim())) break;
  }
  return text.replace(/\n$/, '');
}

/** True when `lastLine` is only a pager prompt (` --More-- `) waiting for a key. */
export function isPagerPrompt(lastLine: string, pager: RegExp | undefined): boolean {
  if (!pager) return false;
  pager.lastIndex = 0;
  const m = pager.exec(lastLine);
  return m !== null && m.index === 0 && lastLine.slice(m[0].length).trim() === '';
}

/** Removes pager prompts a device left at the start of lines (one that printed the next page without erasing). */
export function stripPagerPrompts(text: string, pager: RegExp | undefined): string {
  if (!pager) return text;
  return text
    .split('\n')
    .map((l) => {
      pager.lastIndex = 0;
      const m = pager.exec(l);
      return m && m.index === 0 ? l.slice(m[0].length) : l;
    })
    .join('\n');
}
