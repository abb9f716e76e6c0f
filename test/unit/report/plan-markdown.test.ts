import { describe, expect, it } from 'vitest';
import { formatPlanMarkdown } from '../../../src/report/plan-markdown.js';
import { interruptedPlan, removalPlan } from '../../helpers/sample-plan.js';

describe('plan --format markdown', () => {
  const md = formatPlanMarkdown(removalPlan(), 'site1');

  it('opens with the verdict', () => {
    expect(md).toMatch(
      /^## acp-play plan: site1\n\nRun `abcd1234` at 2026-05-01T10:00:00\.000Z, inventory `inventories\/lab`\. \*\*5 change\(s\) on 3 host\(s\)\*\*, \*\*1 host\(s\) failed\*\*\.\n/,
    );
  });

  it('gives each host one summary table: resource, action, the change in one line (pipes escaped)', () => {
    expect(md).toContain(
      [
        '### switch1: 2 change(s)',
        '',
        '| resource | action | change |',
        '|---|---|---|',
        '| `vlan 2005` | - delete | delete (created by acp-play as virtual-machines-3; no longer in the inventory for switch1) |',
        '| `Ethernet1/3` | ~ update | allowed: -2005; description: "a\\|b" -> "node0-virtualization" |',
        '',
        '- left alone: `vlan 3000`, `vlan 3001`: not created by acp-play: unmanaged, left alone',
      ].join('\n'),
    );
    expect(md).toContain(
      '| `bridge2005` | - delete | linux-bridge, removed (created by acp-play, no longer in the inventory) |',
    );
    expect(md).toContain('| `bridge2004` | + create | linux-bridge, STP off, port enp4s0f0.2004 |');
  });

  it('collapses the full diffs and exact commands (secrets masked) in <details>', () => {
    const details = md.slice(md.indexOf('<details><summary>switch1: full diffs and commands</summary>'));
    expect(details).toMatch(
      /^<details>[\s\S]*?```\ninterface Ethernet1\/3\nswitchport trunk allowed vlan 2003-2004\n\*{8}\n```[\s\S]*?<\/details>/,
    );
    expect(md).toContain('`bridge2005` (delete)\n\n```yaml\nbefore:\n  name: bridge2005\n');
    expect(md).not.toContain('hunter2');
  });

  it('says which host failed and why', () => {
    expect(md).toContain('### node2: unreachable\n\n```\nnode2: connect failed: ECONNREFUSED\n```');
  });

  it('an interrupted plan says so, and a host it never planned is "not planned", never in sync', () => {
    const cut = formatPlanMarkdown(interruptedPlan(), 'site1');
    expect(cut).toContain('**Interrupted: 1 host(s) not planned.** This plan is incomplete and cannot be applied.');
    expect(cut).toContain('### node1: not planned (interrupted)');
    expect(cut).not.toMatch(/node1: in sync/);
  });
});
