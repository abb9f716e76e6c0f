import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../engine/cli-harness.js';
import { setLabVmVlans } from '../lab/lab-site-vlans.js';

/**
 * `plan --html` of the default lab, opened in real headless Chromium (Debian's `chromium`, driven by playwright-core).
 * The lab is applied, then the inventory swaps VM VLAN 2005 for 2006, so the plan adds, removes and changes at once.
 * The page must draw the lab's switch, ports, nodes, NICs, bridges and VLAN labels with the changes coloured, log no
 * console error and make no request beyond the page itself. ACP_KEEP_REPORT=DIR keeps the page and its screenshot.
 */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const skipReason = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (Debian package chromium)`;
/** The browser's window as the page functions below use it (the tests compile without the DOM library). */
type Win = { getComputedStyle(e: unknown): { stroke: string; textDecorationLine: string } };
const GREEN = 'rgb(26, 127, 55)';
const RED = 'rgb(207, 34, 46)';
const AMBER = 'rgb(154, 103, 0)';

describe.skipIf(skipReason !== undefined)(
  `the HTML change report in headless Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const cwd = mkdtempSync(join(tmpdir(), 'acp-report-'));
    const keep = process.env['ACP_KEEP_REPORT'];
    const out = keep ?? cwd;
    const report = join(out, 'report.html');
    const shot = join(out, 'report.png');
    const cli = (...args: string[]): Promise<CliRun> => runCli(args, cwd);
    const said = (r: CliRun): string => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
    let plan: CliRun;
    let context: BrowserContext;
    let page: Page;
    const requests: string[] = [];
    const problems: string[] = [];

    beforeAll(async () => {
      mkdirSync(out, { recursive: true });
      const up = await cli('lab', 'up');
      expect(up.code, said(up)).toBe(0);
      const apply = await cli('apply', 'inventories/lab', '--yes');
      expect(apply.code, said(apply)).toBe(0);
      setLabVmVlans(join(cwd, 'inventories', 'lab'), [2003, 2004, 2006]);
      plan = await cli('plan', 'inventories/lab', '--detailed-exitcode', '--html', report);
      expect(existsSync(report), said(plan)).toBe(true);
      context = await chromium.launchPersistentContext(join(cwd, 'chromium-profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        viewport: { width: 1400, height: 1000 },
      });
      page = context.pages()[0] ?? (await context.newPage());
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await page.goto(pathToFileURL(report).href);
    }, 240_000);

    afterAll(async () => {
      await context?.close();
      await cli('lab', 'down');
      rmSync(cwd, { recursive: true, force: true });
    });

    const stroke = (selector: string): Promise<string> =>
      page.$eval(selector, (e) => (globalThis as unknown as Win).getComputedStyle(e).stroke);
    const texts = (selector: string): Promise<string[]> =>
      page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));

    it('plan --html wrote the page for a plan with changes', () => {
      expect(plan.code, said(plan)).toBe(2);
      expect(plan.stdout).toContain(`report: ${report}`);
      expect(readFileSync(report, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    });

    it("draws the lab's switch with its VLANs and ports, the nodes with their trunk NICs and bridges", async () => {
      expect(await page.title()).toBe('acp-play plan: site1');
      expect(await texts('svg [data-switch="switch1"] .title')).toEqual(['switch1 · cisco_nxos']);
      const ports = await page.$$eval('svg [data-port]', (els) => els.map((e) => e.getAttribute('data-port')));
      expect(ports.sort()).toEqual(
        ['48', '3', '7', '11', '1', '5', '9', '2', '6', '10'].map((n) => `Ethernet1/${n}`).sort(),
      );
      expect(await texts('svg [data-node] > .title')).toEqual([
        'node0 · nmstate',
        'node1 · nmstate',
        'node2 · nmstate',
      ]);
      expect(await texts('svg [data-node="node1"] .nic.trunk .name')).toEqual(['enp4s0f0']);
      expect(await texts('svg [data-node="node0"] [data-bridge] .name')).toEqual([
        'bridge2003',
        'bridge2004',
        'bridge2006',
        'bridge2005',
      ]);
      expect(await texts('svg [data-switch="switch1"] [data-vlan] text')).toEqual([
        '2000',
        '2001',
        '2002',
        '2003',
        '2004',
        '2005',
        '2006',
      ]);
      // Each node trunk is labelled with the VLAN set it carries; the cluster links with their access VLAN.
      expect(await texts('svg [data-link="Ethernet1/7"] [data-vlan] text')).toEqual(['2003', '2004', '2005', '2006']);
      expect(await texts('svg [data-link="Ethernet1/5"] [data-vlan] text')).toEqual(['2002']);
    });

    it('colours the changes: added green, removed red, changed amber, the rest grey', async () => {
      expect(await stroke('svg [data-switch="switch1"] [data-vlan="2006"] rect')).toBe(GREEN);
      expect(await stroke('svg [data-switch="switch1"] [data-vlan="2005"] rect')).toBe(RED);
      expect(await stroke('svg [data-port="Ethernet1/3"] rect')).toBe(AMBER);
      expect(await stroke('svg [data-link="Ethernet1/3"] line')).toBe(AMBER);
      expect(await stroke('svg [data-link="Ethernet1/3"] [data-vlan="2006"] rect')).toBe(GREEN);
      expect(await stroke('svg [data-link="Ethernet1/3"] [data-vlan="2005"] rect')).toBe(RED);
      expect(await stroke('svg [data-node="node2"] [data-bridge="bridge2006"] rect')).toBe(GREEN);
      expect(await stroke('svg [data-node="node2"] [data-bridge="bridge2005"] rect')).toBe(RED);
      const unchanged = await stroke('svg [data-port="Ethernet1/1"] rect');
      expect([GREEN, RED, AMBER]).not.toContain(unchanged);
      const decoration = await page.$eval(
        'svg [data-node="node2"] [data-bridge="bridge2005"] .name',
        (e) => (globalThis as unknown as Win).getComputedStyle(e).textDecorationLine,
      );
      expect(decoration).toBe('line-through');
    });

    it('lists every host below the picture with its summary table and collapsed details', async () => {
      expect(await texts('section.host h2')).toEqual([
        'switch1 6 change(s)',
        'node0 4 change(s)',
        'node1 4 change(s)',
        'node2 4 change(s)',
      ]);
      const rows = await texts('section[data-host="node0"] tr.mark-removed td:first-child');
      expect(rows.sort()).toEqual(['bridge2005', 'enp4s0f0.2005']);
      expect(
        await page.$eval('section[data-host="switch1"] details', (d) => (d as unknown as { open: boolean }).open),
      ).toBe(false);
    });

    it('takes a screenshot, with no console error and no request beyond the page', async () => {
      await page.screenshot({ path: shot, fullPage: true });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(report).href]);
    });
  },
);
