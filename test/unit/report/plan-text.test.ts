import { describe, expect, it } from 'vitest';
import { palette } from '../../../src/report/colors.js';
import { formatPlan } from '../../../src/report/plan-text.js';
import { removalPlan } from '../../helpers/sample-plan.js';

const plain = palette(false);

describe('the text plan', () => {
  const text = formatPlan(removalPlan(), plain);

  it('prints an nmstate change as one summary line, and its YAML only with --diff', () => {
    expect(text).toContain(
      '    - bridge2005  linux-bridge, removed (created by acp-play, no longer in the inventory)\n' +
        '    - enp4s0f0.2005  vlan, removed (created by acp-play, no longer in the inventory)\n',
    );
    expect(text).toContain('    + bridge2004  linux-bridge, STP off, port enp4s0f0.2004\n');
    expect(text).not.toContain('type: linux-bridge');
    const full = formatPlan(removalPlan(), plain, { diff: true });
    expect(full).toContain('    - bridge2005\n        before:\n          name: bridge2005\n');
  });

  it('prints switch changes with their diff and exact commands, secrets masked', () => {
    expect(text).toContain('    - vlan 2005\n        vlan 2005 delete (created by acp-play as virtual-machines-3;');
    expect(text).toContain('          switchport trunk allowed vlan 2003-2004\n          ********\n');
    expect(text).not.toContain('hunter2');
  });

  it('lists what is left alone on purpose, grouped by reason, under its task', () => {
    expect(text).toContain(
      '  [VLANs]\n    - vlan 2005\n' +
        '        vlan 2005 delete (created by acp-play as virtual-machines-3; no longer in the inventory for switch1)\n' +
        '        commands:\n          no vlan 2005\n' +
        '    = vlan 3000, vlan 3001: not created by acp-play: unmanaged, left alone\n',
    );
    expect(text).toContain("    = bridge2099: without acp-play's mark: unmanaged, left alone\n");
    expect(text).not.toContain('vlan 2003 already defined');
  });

  it('ends with the summary line', () => {
    expect(text).toMatch(
      /node2: unreachable: node2: connect failed: ECONNREFUSED\n\nPlan: 5 change\(s\) on 3 host\(s\), 1 host\(s\) failed\.$/,
    );
  });
});
