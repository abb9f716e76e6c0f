import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, type Problem } from '../../../src/core/errors.js';
import { checkInstallInputs } from '../../../src/install/install-files.js';
import { loadSite } from '../../../src/inventory/load-site.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';

/**
 * One generic test over test/fixtures/bad-inventories/<case>/: each folder is a small inventory with one mistake
 * (marked `# <- error` in the file) and an expected.json naming the message and where it must point. A case with
 * `"stage": "render"` is a day-0 value still to be filled in: the site loads (validate warns), and the checks
 * `render` runs before writing the install files must refuse it.
 */
const root = 'test/fixtures/bad-inventories';

interface Expected {
  readonly message: string;
  readonly fix?: string;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly stage?: 'render';
}

const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ({
    name: d.name,
    dir: join(root, d.name),
    expected: JSON.parse(readFileSync(join(root, d.name, 'expected.json'), 'utf8')) as Expected,
  }));

async function problemsOf(dir: string, stage: Expected['stage']): Promise<readonly Problem[]> {
  try {
    const { site, inventory } = await loadSite(dir, defaultPlatforms());
    if (stage === 'render') return checkInstallInputs(site, inventory);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`${dir} loaded without errors`);
}

describe('bad inventories', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name', async ({ dir, expected }) => {
    const problems = await problemsOf(dir, expected.stage);
    const match = problems.find((p) => p.message.includes(expected.message));
    expect(
      match,
      `no problem mentions ${JSON.stringify(expected.message)}; got:\n${problems.map((p) => p.message).join('\n')}`,
    ).toBeDefined();
    expect(match!.severity).toBe('error');
    expect(match!.location).toEqual({ file: join(dir, expected.file), line: expected.line, col: expected.col });
    expect(match!.fix, 'every problem says how to fix it').toBeTruthy();
    if (expected.fix) expect(match!.fix).toContain(expected.fix);
  });
});
