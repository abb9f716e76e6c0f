import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadPlanCase, planCase, applyPlan, type PlanCase } from './switch-plan-case-loader.js';
import { formatVlanSet } from '../../../src/inventory/vlan-set.js';
import { MAX_COMMAND_LENGTH } from '../../../src/platforms/switch-command-emitter.js';

/**
 * One generic test over test/fixtures/switch-plans/<case>/{desired.yaml, current.*, expected.yaml}. Each case pins
 * one trap (see the case's desired.yaml header comment); a change's `vlans` are written as VLAN sets
 * (`2003-2005`). The gathered state is the case's current.cfg, or the device's own configuration and output the
 * case names (`device:`, `switchport:`, files under test/fixtures). An expected.yaml with `error:` is a plan that
 * must fail with those words. For every other case it also checks: each command fits in MAX_COMMAND_LENGTH (EOS
 * excepted: it takes a list on one line), and idempotency (STYLE.md rule 10): apply the planned commands to the
 * gathered state with the platform's apply model (Cumulus: parse the rendered file), re-plan, expect no changes.
 */
const ROOT = 'test/fixtures/switch-plans';
const cases = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'desired.yaml')));

describe('switch plan cases', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of cases) {
    const expected = parseYaml(readFileSync(join(ROOT, name, 'expected.yaml'), 'utf8')) as Record<string, unknown>;
    if (typeof expected.error === 'string') {
      // A case whose plan must fail, with these words.
      it(`${name}: the plan fails, saying why`, () => {
        expect(() => planCase(loadPlanCase(join(ROOT, name)))).toThrow(expected.error as string);
      });
      continue;
    }
    describe(name, () => {
      // Loaded and planned inside each test, not while the suite is collected, so that a failure is the test's and
      // mutation testing (docs/mutation.md) credits the test with the code it runs.
      const planned = () => {
        const c: PlanCase = loadPlanCase(join(ROOT, name));
        return { c, plan: planCase(c) };
      };

      it('plans exactly the expected changes and in-sync reasons', () => {
        const { plan } = planned();
        const actual: Record<string, unknown> = {
          changes: plan.changes.map((ch) => ({
            ...ch,
            commands: ch.commands.map((cmd) => cmd.text),
            ...(ch.vlans
              ? { vlans: { added: formatVlanSet(ch.vlans.added), removed: formatVlanSet(ch.vlans.removed) } }
              : {}),
          })),
          inSync: plan.inSync,
        };
        if (plan.document !== undefined) actual.document = plan.document;
        expect(actual).toEqual({ changes: [], inSync: [], ...expected });
      });

      it(`keeps every command within ${MAX_COMMAND_LENGTH} characters`, () => {
        const { c, plan } = planned();
        if (c.model.platform === 'arista_eos') return; // EOS: one line per list by design
        for (const ch of plan.changes)
          for (const cmd of ch.commands) expect(cmd.text.length).toBeLessThanOrEqual(MAX_COMMAND_LENGTH);
      });

      it('is idempotent: apply, re-gather, re-plan = no changes', () => {
        const { c, plan } = planned();
        const after = applyPlan(c, plan);
        const again = planCase({ ...c, ...after });
        expect(again.changes).toEqual([]);
      });
    });
  }
});
