import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { becomeCommand } from '../../../src/transport/become.js';
import { shellJoin, shellQuote } from '../../../src/transport/shell-quote.js';

const nasty = ["it's", '', 'a b', '$HOME', '`id`', '"q"', 'x\ny', "''", '\\', '*', '; rm -rf /'];

describe('shellQuote', () => {
  it('wraps in single quotes and escapes embedded single quotes', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe("''");
  });

  it('round-trips every argument through a real sh unchanged', () => {
    const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${shellJoin(nasty)}`]).toString();
    expect(out.split('\0').slice(0, -1)).toEqual(nasty);
  });
});

describe('becomeCommand', () => {
  it('uses sudo -n without a password and keeps the command as one sh -c argument', () => {
    expect(becomeCommand("echo 'a' | tr a b")).toEqual({
      command: `sudo -n -- sh -c 'echo '\\''a'\\'' | tr a b'`,
      stdinPrefix: '',
    });
  });

  it('uses sudo -k -S with an empty prompt and puts the password first on stdin, never in the command', () => {
    const b = becomeCommand('id -u', 's3cret');
    expect(b.command).toBe(`sudo -k -S -p '' -- sh -c 'id -u'`);
    expect(b.command).not.toContain('s3cret');
    expect(b.stdinPrefix).toBe('s3cret\n');
  });

  it('the wrapped script survives sh -c quoting (checked without sudo)', () => {
    const { command } = becomeCommand(`printf '%s' "it's" '$x'`);
    const inner = command.replace(/^sudo -n -- /, '');
    expect(execFileSync('/bin/sh', ['-c', inner]).toString()).toBe("it's$x");
  });
});
