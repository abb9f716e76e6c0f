import { describe, expect, it } from 'vitest';
import { LAB_DESCRIPTION } from '../../../src/cli/lab-entry.js';
import { runCli } from '../../helpers/cli-run.js';

const LAB_SUBCOMMANDS = ['sim', 'up', 'status', 'stop', 'start', 'down'];

describe('the commands that load on demand: lab (the lab package) and init (its questions)', () => {
  it('lists `lab` in the top-level help without its subcommands', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.out.replace(/\s+/g, ' ')).toContain(`lab ${LAB_DESCRIPTION}`);
    expect(run.out).not.toMatch(/^\s+sim \[options\]/m);
  });

  it.each([[['lab', '--help']], [['help', 'lab']]])('%j shows the subcommands of the lab package', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    for (const sub of LAB_SUBCOMMANDS) expect(run.out).toMatch(new RegExp(`^  ${sub} `, 'm'));
  });

  it('runs a lab subcommand: an unknown platform for `lab sim` is invalid input naming the simulated ones', async () => {
    const run = await runCli(['lab', 'sim', '--platform', 'junos']);
    expect(run.code).toBe(3);
    expect(run.err).toContain('--platform junos is not simulated');
    expect(run.err).toContain('cisco_nxos, arista_eos, cisco_ios');
  });

  it.each([[['init', '--help']], [['help', 'init']]])('%j shows one option per question, then --yes', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/--switch-platform <platform>\s+Switch platform \(cisco_nxos, arista_eos/);
    expect(run.out.indexOf('--site <name>')).toBeLessThan(run.out.indexOf('--yes'));
  });
});
