import { describe, expect, it } from 'vitest';
import { normalise, stripEcho } from '../../../src/transport/cli-session.js';

describe('normalise', () => {
  it('turns CRLF and CR CR LF into LF, drops stray CRs and ANSI sequences', () => {
    expect(normalise('a\r\nb\r\r\nc\rd\x1b[?2004h\x1b[1;32msw1# ')).toBe('a\nb\ncdsw1# ');
  });
});

describe('stripEcho', () => {
  it('drops the echoed command line and the final newline', () => {
    expect(stripEcho('show vlan\nVLAN 10\n', 'show vlan')).toBe('VLAN 10');
  });
  it('keeps the first line when it is not the echo (a device that does not echo)', () => {
    expect(stripEcho('VLAN 10\n', 'show vlan')).toBe('VLAN 10');
  });
});
