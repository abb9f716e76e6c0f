import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetDocument } from '../../../src/core/fleet.js';
import { acquireSiteLock, thisRun } from '../../../src/engine/site-lock.js';
import { shardOf } from '../../../src/fleet/shard.js';
import { runCli, type CliRun } from '../engine/cli-harness.js';
import { startWatchProcess } from '../watch/watch-process.js';
import { runCliWithSignals } from './cli-signals.js';

// A fleet of three lab sites through the built CLI (npm run build first): two default labs (`acp-play lab up
// --nodes 1`: an NX-OS simulator and one nmstate node each, on 127.0.0.1, no root) and a third site whose
// inventory is broken. One plan plans two sites and reports the third invalid; the shards cover every site once.
const root = mkdtempSync(join(tmpdir(), 'acp-fleet-'));
const labs = ['a', 'b'].map((s) => join(root, `lab-${s}`));
const fleet = join(root, 'fleet');
const cli = (...args: string[]): Promise<CliRun> => runCli(args, root);
const said = (r: CliRun): string => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
const SITES = ['site-a', 'site-b', 'site-c'];

function fleetJson(r: CliRun): FleetDocument {
  return JSON.parse(r.stdout) as FleetDocument;
}

beforeAll(async () => {
  for (const [i, lab] of labs.entries()) {
    mkdirSync(lab);
    const up = await runCli(['lab', 'up', '--nodes', '1'], lab);
    if (up.code !== 0) throw new Error(`lab up failed: ${said(up)}`);
    // The site folder moves into the fleet: its key path becomes absolute.
    const site = join(fleet, SITES[i]!);
    cpSync(join(lab, 'inventories', 'lab'), site, { recursive: true });
    const hosts = join(site, 'hosts.yaml');
    const key = join(lab, '.acp-play', 'lab', 'id_ed25519');
    writeFileSync(
      hosts,
      readFileSync(hosts, 'utf8').replace(/ssh_private_key_file: .*/, `ssh_private_key_file: ${key}`),
    );
    // Each lab is a copy of site1; the fleet's sites get their own names (the watch labels metrics with them).
    const all = join(site, 'group_vars', 'all.yaml');
    writeFileSync(all, readFileSync(all, 'utf8').replace(/^ {2}name: site1$/m, `  name: ${SITES[i]}`));
  }
  // site-c: site-a's inventory with a switch port on VLAN 5000, out of range, typed by hand.
  cpSync(join(fleet, 'site-a'), join(fleet, 'site-c'), { recursive: true });
  const switch1 = join(fleet, 'site-c', 'host_vars', 'switch1.yaml');
  writeFileSync(switch1, readFileSync(switch1, 'utf8').replace('access_vlan: 2001', 'access_vlan: 5000'));
}, 120_000);

afterAll(async () => {
  for (const lab of labs) if (existsSync(join(lab, '.acp-play', 'lab', 'lab.json'))) await runCli(['lab', 'down'], lab);
  rmSync(root, { recursive: true, force: true });
});

describe('fleet runs over three lab sites, one of them invalid', () => {
  it('one plan: two sites planned, one reported invalid with its located error, a recap line per site; exit 3', async () => {
    const plan = await cli('plan', 'fleet', '--detailed-exitcode');
    expect(plan.code, said(plan)).toBe(3);
    for (const site of ['site-a', 'site-b']) {
      const section = plan.stdout.slice(plan.stdout.indexOf(`=== ${site} (`));
      expect(section).toMatch(
        /^=== site-\w \(.*\) ===\nswitch1: 10 change\(s\)[\s\S]*?Plan: 16 change\(s\) on 2 host\(s\)\./,
      );
    }
    expect(plan.stdout).toMatch(
      /=== site-c \(.*\) ===\ninvalid:\n  .*site-c\/host_vars\/switch1\.yaml:\d+:\d+: .*5000/,
    );
    const recap = plan.stdout.slice(plan.stdout.indexOf('FLEET RECAP (3 sites)'));
    expect(recap).toMatch(/^site-a : 16 changes$/m);
    expect(recap).toMatch(/^site-b : 16 changes$/m);
    expect(recap).toMatch(/^site-c : invalid\n +.*switch1\.yaml:\d+:\d+: /m);
    // Progress lines name their site: the two sites were planned at once.
    expect(plan.stdout).toMatch(/^\[site-a\] switch1: VLANs: will change/m);
    expect(plan.stdout).toMatch(/^\[site-b\] switch1: VLANs: will change/m);
  }, 120_000);

  it('--json prints one fleet document: each site with its status and plan, and the summary', async () => {
    const r = await cli('plan', 'fleet', '--json');
    expect(r.code, said(r)).toBe(3);
    const doc = fleetJson(r);
    expect(doc.format).toBe('acp-play/fleet@1');
    expect(doc.sites.map((s) => [s.site, s.status, s.changes])).toEqual([
      ['site-a', 'changes', 16],
      ['site-b', 'changes', 16],
      ['site-c', 'invalid', 0],
    ]);
    expect(doc.sites[0]!.plan!.hosts.map((h) => h.host)).toEqual(['switch1', 'node0']);
    expect(doc.sites[2]!.plan).toBeUndefined();
    expect(doc.sites[2]!.errors[0]).toMatch(/switch1\.yaml:\d+:\d+: /);
    expect(doc.summary).toMatchObject({ sites: 3, withChanges: 2, invalid: 1, changes: 32 });
  }, 120_000);

  it('--shard 1/2 and --shard 2/2 together cover every site exactly once, as the hash says', async () => {
    const seen: string[] = [];
    for (const index of [1, 2]) {
      const r = await cli('plan', 'fleet', '--shard', `${index}/2`, '--json');
      const doc = fleetJson(r);
      expect(doc.shard).toBe(`${index}/2`);
      const names = doc.sites.map((s) => s.site);
      expect(names).toEqual(SITES.filter((s) => shardOf(s, 2) === index));
      expect(r.code, said(r)).toBe(names.includes('site-c') ? 3 : 0);
      seen.push(...names);
    }
    expect(seen.sort()).toEqual(SITES);
    const bad = await cli('plan', 'fleet', '--shard', '3/2');
    expect(bad.code, said(bad)).toBe(3);
    expect(bad.stderr).toContain('--shard 3/2 is not I/N');
  }, 120_000);

  it('a site whose lock another run holds fails alone: the other sites are planned, exit 1', async () => {
    const lock = await acquireSiteLock(join(fleet, 'site-b', '.acp-play.lock'), thisRun('c0ffee00', 'acp-play apply'));
    try {
      const r = await cli('plan', 'fleet', '--sites', 'site-a,site-b', '--json');
      expect(r.code, said(r)).toBe(1);
      const doc = fleetJson(r);
      expect(doc.sites.map((s) => [s.site, s.status])).toEqual([
        ['site-a', 'changes'],
        ['site-b', 'failed'],
      ]);
      expect(doc.sites[1]!.errors[0]).toContain('the site is locked by run c0ffee00');
    } finally {
      lock.release();
    }
  }, 120_000);

  it('one Ctrl-C stops every site: each is interrupted, none is called in sync, no plan file is written; exit 130', async () => {
    const r = await runCliWithSignals(
      ['plan', 'fleet', '--sites', 'site-a,site-b', '--forks', '1', '--out', 'cut'],
      root,
      [{ at: /\[site-\w\] switch1: VLANs: will change/ }],
    );
    expect(r.sent).toBe(1);
    expect(r.code, said(r)).toBe(130);
    const recap = r.stdout.slice(r.stdout.indexOf('FLEET RECAP (2 sites)'));
    expect(recap).toMatch(/^site-a : interrupted/m);
    expect(recap).toMatch(/^site-b : interrupted/m);
    expect(r.stdout).not.toContain('in sync');
    expect(existsSync(join(root, 'cut', 'site-a.plan.json'))).toBe(false);
  }, 120_000);

  it('plan --out DIR saves one plan file per planned site; apply --sites applies both, and the fleet is in sync', async () => {
    const plan = await cli('plan', 'fleet', '--out', 'plans');
    expect(plan.code, said(plan)).toBe(3);
    expect(existsSync(join(root, 'plans', 'site-a.plan.json'))).toBe(true);
    expect(existsSync(join(root, 'plans', 'site-b.plan.json'))).toBe(true);
    expect(existsSync(join(root, 'plans', 'site-c.plan.json'))).toBe(false);
    const apply = await cli('apply', 'fleet', '--sites', 'site-[ab]', '--yes', '--diff');
    expect(apply.code, said(apply)).toBe(0);
    expect(apply.stdout).toMatch(/^\[site-a\] switch1: vlan 2003\n {4}vlan 2003 create name: virtual-machines-1$/m);
    expect(apply.stdout).toMatch(/^\[site-b\] node0: bridge2005\n/m);
    expect(apply.stdout).toMatch(/^site-a : 16 changes applied$/m);
    expect(apply.stdout).toMatch(/^site-b : 16 changes applied$/m);
    expect(apply.stdout).not.toContain('site-c');
    const after = await cli('plan', 'fleet', '--sites', 'site-a,site-b', '--detailed-exitcode');
    expect(after.code, said(after)).toBe(0);
    expect(after.stdout).toMatch(/^site-a : in sync$/m);
    expect(after.stdout).toMatch(/^site-b : in sync$/m);
  }, 240_000);

  it('watch FLEET watches every valid site in one process and says which site it left out', async () => {
    const watch = await startWatchProcess(root, ['fleet', '--interval', '1s', '--listen', '127.0.0.1:0']);
    try {
      for (let i = 0; i < 100 && !/round 1: /.test(watch.output()); i++) await sleep(100);
      expect(watch.output()).toMatch(/round 1: site-a: 2 hosts: 2 in sync; site-b: 2 hosts: 2 in sync/);
      expect(watch.output()).toMatch(/^site-c: invalid, not watched:\n {2}.*switch1\.yaml:\d+:\d+: /m);
      const metrics = await (await fetch(`http://${watch.target}/metrics`)).text();
      for (const site of ['site-a', 'site-b'])
        for (const host of ['switch1', 'node0'])
          expect(metrics).toContain(`acp_play_host_in_sync{site="${site}",host="${host}"} 1`);
      expect(metrics).not.toContain('site-c');
    } finally {
      expect(await watch.stop()).toBe(0);
    }
  }, 60_000);
});
