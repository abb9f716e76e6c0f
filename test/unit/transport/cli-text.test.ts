import { describe, expect, it } from 'vitest';
import { isPagerPrompt, normalise, stripEcho, stripPagerPrompts } from '../../../src/transport/terminal-text.js';

const PAGER = /^\s*--More--\s?/;

describe('normalise: the lines a terminal shows', () => {
  it('turns CRLF and CR CR LF into LF and drops colour sequences', () => {
    expect(normalise('a\r\nb\r\r\nc\x1b[?2004h\x1b[1;32msw1# ')).toBe('a\nb\ncsw1#');
    expect(normalise('plain line   \nsw1# ')).toBe('plain line   \nsw1# ');
  });

  it('redraws a line over CR, backspace and ESC [K', () => {
    expect(normalise('\rTEST-12345# ')).toBe('TEST-12345#'); // NX-OS 10.4 starts its prompt with CR (recorded)
    expect(normalise('long old text\rnew')).toBe('newg old text');
    expect(normalise('long old text\r\x1b[Knew')).toBe('new');
    expect(normalise('abc\b\bX')).toBe('aXc');
  });

  // The pager erasures of Cisco's unicon mock data (IOS): backspaces, spaces, backspaces; or ESC [K first.
  it('erases a pager prompt the way the device draws over it', () => {
    const ios = `first\r\n --More-- ${'\b'.repeat(9)}${' '.repeat(8)}${'\b'.repeat(9)}second`;
    expect(normalise(ios)).toBe('first\nsecond');
    const escaped = `first\r\n\x1b[K --More-- ${'\b \b'.repeat(11)}\x1b[Ksecond`;
    expect(normalise(escaped)).toBe('first\nsecond');
  });
});

describe('pager prompts', () => {
  it('knows a last line that is only the pager prompt, and removes pager prompts left in the text', () => {
    expect(isPagerPrompt(' --More-- ', PAGER)).toBe(true);
    expect(isPagerPrompt('--More--', PAGER)).toBe(true);
    expect(isPagerPrompt(' --More-- interface Ethernet1/4', PAGER)).toBe(false);
    expect(isPagerPrompt(' --More-- ', undefined)).toBe(false);
    expect(stripPagerPrompts('a\n--More--b\nc', PAGER)).toBe('a\nb\nc');
  });
});

describe('stripEcho', () => {
  it('drops the echoed command line and the final newline', () => {
    expect(stripEcho('show vlan\nVLAN 10\n', 'show vlan')).toBe('VLAN 10');
  });
  it('keeps the first line when it is not the echo (a device that does not echo)', () => {
    expect(stripEcho('VLAN 10\n', 'show vlan')).toBe('VLAN 10');
  });
  it('drops an echo the terminal wrapped over several lines, and nothing more', () => {
    const command = `switchport trunk allowed vlan ${Array.from({ length: 30 }, (_, i) => 2 * i + 1).join(',')}`;
    const wrapped = `${command.slice(0, 80)}\n${command.slice(80)}\n`;
    expect(stripEcho(wrapped, command)).toBe('');
    expect(stripEcho(`${wrapped}% Invalid input\n`, command)).toBe('% Invalid input');
    expect(stripEcho('switchport trunk\nsomething else\n', command)).toBe('switchport trunk\nsomething else');
  });
});
