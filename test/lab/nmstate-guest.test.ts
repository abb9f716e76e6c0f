import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNmstateInGuest } from '../../packages/lab/src/uml/nmstate-guest.js';
import { findLinuxUml } from '../../packages/lab/src/uml/uml-guest.js';
import { planNmstate } from '../../src/platforms/nmstate/nmstate-plan.js';
import { toNmstateState } from '../../src/platforms/nmstate/nmstate-state.js';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url).pathname;
const desiredFile = join(root, 'test/fixtures/nmstate/desired/node0.yml');

/** The cached nmstatectl that scripts/build-nmstatectl.sh built, or why there is none. */
function builtNmstatectl(): { path?: string; missing?: string } {
  try {
    // The script only prints the path when the binary exists; building is CI's job (run the script first).
    const cacheRoot = process.env.ACP_PLAY_CACHE ?? join(process.env.HOME ?? '/root', '.cache/acp-play');
    const script = readFileSync(join(root, 'scripts/build-nmstatectl.sh'), 'utf8');
    const version = /NMSTATE_VERSION:-([0-9.]+)/.exec(script)?.[1] ?? '?';
    const path = join(cacheRoot, `nmstate-${process.env.NMSTATE_VERSION ?? version}`, 'bin', 'nmstatectl');
    return existsSync(path)
      ? { path }
      : { missing: `nmstatectl not built at ${path}: run scripts/build-nmstatectl.sh` };
  } catch (err) {
    return { missing: String(err) };
  }
}

const nmstatectl = builtNmstatectl();
const linuxUml = findLinuxUml();
const isRoot = process.getuid?.() === 0;
const hasNetworkManager = existsSync('/usr/sbin/NetworkManager');
const skipReason = !linuxUml
  ? 'linux.uml missing: apt-get install user-mode-linux'
  : !hasNetworkManager
    ? 'NetworkManager missing: apt-get install network-manager dbus kmod'
    : !isRoot
      ? 'needs root (the guest runs NetworkManager and dbus as root on a hostfs root)'
      : nmstatectl.missing;

describe.skipIf(skipReason !== undefined)(
  `real nmstatectl in a User-Mode Linux guest${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const workDir = mkdtempSync(join(tmpdir(), 'acp-nmstate-lab-'));
    afterAll(() => rmSync(workDir, { recursive: true, force: true }));

    it('applies the seed node0 state, shows it in sync, rolls back a --no-commit change and commits another', async () => {
      const run = await runNmstateInGuest({
        nmstatectl: nmstatectl.path ?? '',
        desiredFile,
        desiredPlusFile: join(root, 'test/fixtures/nmstate/desired/node0-plus-2006.yml'),
        workDir,
        timeoutMs: 240_000,
      });
      expect(run.timedOut, run.consoleText.slice(-3000)).toBe(false);
      expect(run.exitCode, run.output).toBe(0);
      const out = (name: string): string => readFileSync(join(workDir, 'out', name), 'utf8');
      expect(out('ip-link-enp4s0f0.2003.txt')).toMatch(/master bridge2003/);
      expect(out('ip-link-enp4s0f0.2003.txt')).toMatch(/vlan protocol 802\.1Q id 2003/);

      const desired = toNmstateState(parse(readFileSync(desiredFile, 'utf8')), desiredFile);
      const before = toNmstateState(JSON.parse(out('show-before.json')), 'show-before.json');
      const after = toNmstateState(JSON.parse(out('show-after.json')), 'show-after.json');
      const rolledBack = toNmstateState(JSON.parse(out('show-after-rollback.json')), 'show-after-rollback.json');
      expect(planNmstate(desired, before).changes.map((c) => c.action)).toEqual(Array(6).fill('create'));
      expect(planNmstate(desired, after).changes).toEqual([]);
      expect(planNmstate(desired, rolledBack).changes).toEqual([]);
      expect(rolledBack.interfaces.map((i) => i.name)).not.toContain('bridge2006');
    }, 300_000);
  },
);
