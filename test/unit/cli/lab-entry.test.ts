import { describe, expect, it } from 'vitest';
import { LAB_DESCRIPTION, namesLab } from '../../../src/cli/lab-entry.js';
import { runCli } from '../../helpers/cli-run.js';

describe('the lab entry of the CLI', () => {
  it('loads the lab package for lab commands and their help only', () => {
    expect(namesLab(['lab', 'up', '--nodes', '2'])).toBe(true);
    expect(namesLab(['lab'])).toBe(true);
    expect(namesLab(['help', 'lab'])).toBe(true);
    expect(namesLab(['--version'])).toBe(false);
    expect(namesLab(['--help'])).toBe(false);
    expect(namesLab(['help'])).toBe(false);
    expect(namesLab(['plan', 'inventories/lab'])).toBe(false);
    expect(namesLab(['validate', 'lab'])).toBe(false);
  });

  it('lists `lab` in the top-level help without its subcommands', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.out.replace(/\s+/g, ' ')).toContain(`lab ${LAB_DESCRIPTION}`);
    expect(run.out).not.toMatch(/^\s+sim \[options\]/m);
  });

  it('shows the lab package subcommands under `lab --help`', async () => {
    const run = await runCli(['lab', '--help']);
    expect(run.code).toBe(0);
    for (const sub of ['sim', 'up', 'status', 'stop', 'start', 'down'])
      expect(run.out).toMatch(new RegExp(`^  ${sub} `, 'm'));
  });

  it('runs a lab subcommand: an unknown platform for `lab sim` is invalid input naming the simulated ones', async () => {
    const run = await runCli(['lab', 'sim', '--platform', 'junos']);
    expect(run.code).toBe(3);
    expect(run.err).toContain('--platform junos is not simulated');
    expect(run.err).toContain('cisco_nxos, arista_eos, cisco_ios');
  });
});
