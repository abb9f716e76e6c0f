import { describe, expect, it } from 'vitest';
import type { FleetSiteOutcome, FleetSiteStatus } from '../../../src/core/fleet.js';
import { fleetExit } from '../../../src/cli/fleet-outcome.js';
import { formatFleetRecap } from '../../../src/report/fleet-recap.js';
import { palette } from '../../../src/report/colors.js';

function site(name: string, status: FleetSiteStatus, changes = 0, errors: string[] = []): FleetSiteOutcome {
  return { site: name, inventory: `inventories/${name}`, status, changes, errors };
}

describe('fleet exit codes and recap', () => {
  it('takes the one-site codes in order of urgency: 130 interrupted, 1 failed, 3 invalid, 2 changes (detailed), 0', () => {
    const ok = site('a', 'in-sync');
    const drift = site('b', 'changes', 3);
    expect(fleetExit([ok])).toBe(0);
    expect(fleetExit([])).toBe(0);
    expect(fleetExit([ok, drift])).toBe(0);
    expect(fleetExit([ok, drift], true)).toBe(2);
    expect(fleetExit([ok, drift, site('c', 'invalid')], true)).toBe(3);
    expect(fleetExit([site('c', 'invalid'), site('d', 'failed')], true)).toBe(1);
    expect(fleetExit([site('d', 'failed'), site('e', 'interrupted')])).toBe(130);
  });

  it('prints one line per site, and the first errors of a site that did not run', () => {
    const text = formatFleetRecap(
      [
        site('edge-001', 'in-sync'),
        site('edge-002', 'changes', 16),
        site('edge-003', 'invalid', 0, ['hosts.yaml:6:1: bad', 'b', 'c', 'd']),
        site('edge-004', 'failed', 0, ['switch1: connect failed: refused']),
      ],
      palette(false),
    );
    expect(text.split('\n')).toEqual([
      'FLEET RECAP (4 sites)',
      'edge-001 : in sync',
      'edge-002 : 16 changes',
      'edge-003 : invalid',
      '           hosts.yaml:6:1: bad',
      '           b',
      '           c',
      '           ... 1 more above',
      'edge-004 : failed',
      '           switch1: connect failed: refused',
    ]);
  });
});
