import { describe, expect, it } from 'vitest';
import { composeGuestInit } from '../../../packages/lab/src/uml/guest-init-script.js';

const spec = {
  hostWorkDir: "/tmp/it's here",
  modules: ['8021q', 'bridge'],
  withNetworkManager: true,
  hostname: 'node0',
  env: { NMSTATECTL: '/run/acp-work/bin/nmstatectl' },
};

describe('composeGuestInit', () => {
  it('quotes the header values and keeps the snippets in boot order', () => {
    const text = composeGuestInit(spec);
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(text).toContain(`ACP_HOST_WORK='/tmp/it'\\''s here'`);
    expect(text).toContain(`ACP_MODULES='8021q bridge'`);
    expect(text).toContain(`export NMSTATECTL='/run/acp-work/bin/nmstatectl'`);
    const order = ['mount -t hostfs', 'NetworkManager --no-daemon', 'payload.sh', 'sysrq-trigger'].map((s) =>
      text.indexOf(s),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('leaves NetworkManager out when not asked for, and refuses env names the shell cannot take', () => {
    expect(composeGuestInit({ ...spec, withNetworkManager: false })).not.toContain('NetworkManager --no-daemon');
    expect(() => composeGuestInit({ ...spec, env: { 'A-B': 'x' } })).toThrow('not a shell identifier: A-B');
  });
});
