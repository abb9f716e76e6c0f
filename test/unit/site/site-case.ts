import { expect } from 'vitest';
import { ConfigError, type Problem } from '../../../src/core/errors.js';
import type { Inventory } from '../../../src/core/inventory.js';
import { siteFromInventory } from '../../../src/inventory/load-site.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';

/** The hosts' vars as the hand-built inventories take them (see seedInventory). */
export type Hosts = Record<string, { vars: Record<string, any> }>;

/** One bad-site case: an edit of the seed's vars and the problem it must give. */
export interface SiteCase {
  readonly name: string;
  readonly tweak: (hosts: Hosts) => void;
  readonly message: string;
  /** `file#yaml.path` as the fake inventory's locate reports it. */
  readonly at: string;
  readonly severity?: 'error' | 'warning';
}

/** Every problem of an inventory's site: the errors of the ConfigError, or the warnings of a valid site. */
export function siteProblems(inventory: Inventory): Problem[] {
  try {
    return [...siteFromInventory(inventory, defaultPlatforms()).warnings];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

/** Asserts that `problems` hold the case's message, with its severity, place and a fix. */
export function expectCaseProblem(problems: readonly Problem[], c: SiteCase): void {
  const match = problems.find((p) => p.message.includes(c.message));
  expect(
    match,
    `no problem mentions ${JSON.stringify(c.message)}; got:\n${problems.map((p) => p.message).join('\n')}`,
  ).toBeDefined();
  expect(match!.severity).toBe(c.severity ?? 'error');
  expect(match!.location?.file).toBe(c.at);
  expect(match!.fix, 'every problem says how to fix it').toBeTruthy();
}
