import { describe, expect, it, vi } from 'vitest';

type Errors = typeof import('../../../src/core/errors.js');

/** A fresh copy of the errors module, as the lab package (on dist/) has beside the bundled CLI. */
async function freshCopy(): Promise<Errors> {
  vi.resetModules();
  return import('../../../src/core/errors.js');
}

describe('error classes across two copies of their module', () => {
  it('are two copies, which plain instanceof would not relate', async () => {
    const a = await freshCopy();
    const b = await freshCopy();
    expect(a.ConfigError).not.toBe(b.ConfigError);
    expect(Function.prototype[Symbol.hasInstance].call(a.ConfigError, new b.ConfigError([]))).toBe(false);
  });

  it('recognise an error of the other copy by its class and the classes it extends', async () => {
    const cli = await freshCopy();
    const lab = await freshCopy();
    const invalid = new lab.ConfigError({
      severity: 'error',
      message: 'bad',
      location: { file: 'f', line: 1, col: 1 },
    });
    expect(invalid instanceof cli.ConfigError).toBe(true);
    expect(invalid instanceof cli.AcpError).toBe(true);
    expect(invalid instanceof cli.ConnectError).toBe(false);
    expect(new lab.AcpError('x') instanceof cli.ConfigError).toBe(false);
    expect(new lab.ConnectError('node0', 'refused') instanceof cli.AcpError).toBe(true);
  });

  it('do not take an error that only looks like theirs', async () => {
    const { AcpError, ConfigError } = await freshCopy();
    const named = Object.assign(new Error('bad'), { name: 'ConfigError', problems: [] });
    class ConfigErrorLookalike extends Error {}
    Object.defineProperty(ConfigErrorLookalike, 'name', { value: 'ConfigError' });
    expect(named instanceof ConfigError).toBe(false);
    expect(new ConfigErrorLookalike() instanceof ConfigError).toBe(false);
    expect(new ConfigErrorLookalike() instanceof AcpError).toBe(false);
    const notObjects: unknown[] = ['ConfigError', null];
    for (const value of notObjects) expect(value instanceof AcpError).toBe(false);
  });
});
