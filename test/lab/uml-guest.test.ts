import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLinuxUml, runInGuest } from '../../packages/lab/src/uml/uml-guest.js';

const skipReason = !findLinuxUml()
  ? 'linux.uml missing: apt-get install user-mode-linux kmod'
  : process.getuid?.() !== 0
    ? 'needs root'
    : undefined;

/** PIDs of live (non-zombie) linux.uml processes; PID 1 here reaps zombies late, so they are not counted. */
/** Live linux.uml processes of guests run from `workDir` (other suites boot guests of their own at the same time). */
function liveLinuxUml(workDir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.includes('linux.uml') && l.includes(workDir) && !/^\s*\d+\s+Z/.test(l))
    .map((l) => l.trim().split(/\s+/)[0] ?? '');
}

describe.skipIf(skipReason !== undefined)(
  `User-Mode Linux guest runner${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const workDir = mkdtempSync(join(tmpdir(), 'acp-uml-'));
    afterAll(() => rmSync(workDir, { recursive: true, force: true }));

    it('runs a payload with a real 802.1Q kernel and hands back its exit code, output and files', async () => {
      const payload =
        'ip link add enp4s0f0 type veth peer name p0\nip link add link enp4s0f0 name enp4s0f0.2003 type vlan id 2003\nip -d link show enp4s0f0.2003\necho done > "$ACP_WORK/result.txt"\nexit 7\n';
      const run = await runInGuest(payload, { workDir, timeoutMs: 90_000, withNetworkManager: false });
      expect(run.exitCode, run.consoleText.slice(-2000)).toBe(7);
      expect(run.output).toMatch(/vlan protocol 802\.1Q id 2003/);
      expect(run.files).toContain('result.txt');
      expect(readFileSync(join(workDir, 'result.txt'), 'utf8')).toBe('done\n');
      expect(run.files).not.toContain('.uml');
    }, 120_000);

    it('kills linux.uml when the payload outlives the timeout', async () => {
      const run = await runInGuest('sleep 600\n', { workDir, timeoutMs: 6_000, withNetworkManager: false });
      expect(run.timedOut).toBe(true);
      expect(run.exitCode).toBeNull();
      expect(run.durationMs).toBeLessThan(20_000);
      expect(liveLinuxUml(workDir)).toEqual([]);
    }, 60_000);
  },
);
