// Byte- and line-level mutations of one file: what an editor, a bad merge or a copy from Windows does to a file.

function lines(text) {
  return text.split('\n');
}

/** Each takes the file's bytes and returns new bytes (a Buffer) and a description. */
const OPERATIONS = {
  deleteLine(buf, rnd) {
    const all = lines(buf.toString('utf8'));
    const i = rnd.int(all.length);
    all.splice(i, 1);
    return [Buffer.from(all.join('\n')), `deleted line ${i + 1}`];
  },
  duplicateLine(buf, rnd) {
    const all = lines(buf.toString('utf8'));
    const i = rnd.int(all.length);
    all.splice(i, 0, all[i] ?? '');
    return [Buffer.from(all.join('\n')), `duplicated line ${i + 1}`];
  },
  reindent(buf, rnd) {
    const all = lines(buf.toString('utf8'));
    const i = rnd.int(all.length);
    const shift = rnd.pick(['', ' ', '  ', '   ', '\t', '    ']);
    all[i] = rnd.chance(0.5) ? shift + (all[i] ?? '') : (all[i] ?? '').replace(/^\s{1,4}/, '');
    return [Buffer.from(all.join('\n')), `re-indented line ${i + 1}`];
  },
  insertText(buf, rnd) {
    const text = buf.toString('utf8');
    const at = rnd.int(text.length + 1);
    const piece = rnd.pick([
      ': ',
      '- ',
      '#',
      '{',
      '[',
      ']',
      '}',
      '"',
      "'",
      '&a ',
      '*a',
      '!!',
      '%',
      '@',
      '`',
      '|',
      '>',
      '? ',
      ',',
      '\\',
      '\u0000',
      '\u00a0',
      '\u2028',
      '\ufeff',
      '\r',
    ]);
    return [Buffer.from(text.slice(0, at) + piece + text.slice(at)), `inserted ${JSON.stringify(piece)} at ${at}`];
  },
  flipByte(buf, rnd) {
    if (buf.length === 0) return [buf, 'empty'];
    const copy = Buffer.from(buf);
    const at = rnd.int(copy.length);
    copy[at] = rnd.int(256);
    return [copy, `byte ${at} set to ${copy[at]}`];
  },
  truncate(buf, rnd) {
    const at = rnd.int(buf.length + 1);
    return [buf.subarray(0, at), `truncated at ${at}`];
  },
  lineEndings(buf, rnd) {
    const text = buf.toString('utf8');
    const style = rnd.pick(['crlf', 'cr', 'mixed']);
    if (style === 'crlf') return [Buffer.from(text.replace(/\n/g, '\r\n')), 'CRLF line endings'];
    if (style === 'cr') return [Buffer.from(text.replace(/\n/g, '\r')), 'CR-only line endings'];
    return [
      Buffer.from(
        lines(text)
          .map((l, i) => l + ['\n', '\r\n', '\r'][i % 3])
          .join(''),
      ),
      'mixed line endings',
    ];
  },
  encoding(buf, rnd) {
    const text = buf.toString('utf8');
    const kind = rnd.pick(['bom', 'utf16', 'latin1', 'nul']);
    if (kind === 'bom') return [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]), 'UTF-8 BOM'];
    if (kind === 'utf16') return [Buffer.from(`\ufeff${text}`, 'utf16le'), 'UTF-16LE'];
    if (kind === 'latin1') return [Buffer.from(`${text}\n# caf\u00e9\nx: caf\u00e9\n`, 'latin1'), 'Latin-1 bytes'];
    return [Buffer.concat([buf, Buffer.from([0, 0, 0x0a])]), 'NUL bytes'];
  },
  bomb(buf, rnd) {
    const kind = rnd.pick(['aliases', 'nesting', 'flow']);
    let extra;
    if (kind === 'aliases') {
      const width = 5 + rnd.int(10);
      const levels = 2 + rnd.int(8);
      extra = `fz0: &fz0 [${Array(width).fill('x').join(', ')}]\n`;
      for (let i = 1; i <= levels; i++)
        extra += `fz${i}: &fz${i} [${Array(width)
          .fill(`*fz${i - 1}`)
          .join(', ')}]\n`;
    } else if (kind === 'nesting') {
      const depth = 50 + rnd.int(3000);
      extra = `fz: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    } else {
      const depth = 50 + rnd.int(200);
      extra = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    }
    return [Buffer.concat([buf, Buffer.from(`\n${extra}`)]), `appended ${kind}`];
  },
};

/** Mutates the bytes of one file once. */
export function mutateText(buf, rnd) {
  const name = rnd.pick(Object.keys(OPERATIONS));
  const [out, what] = OPERATIONS[name](buf, rnd);
  return { buf: out, what: `text ${name}: ${what}` };
}
