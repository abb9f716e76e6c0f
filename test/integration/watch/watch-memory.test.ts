import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWatchSite } from '../../../src/watch/load-watch-site.js';
import { WatchMetrics } from '../../../src/watch/watch-metrics.js';
import { startWatch, type RunningWatch } from '../../../src/watch/watch-service.js';
import { linuxSite, type LinuxSite } from '../engine/cli-harness.js';
import { hasSshd, isRoot, ROOT_SKIP_REASON, startManySshd, stopAllSshd, type SshdHost } from '../helpers/sshd-host.js';

// Memory over days: thousands of rounds must not grow the heap. Real sshd hosts, the watch in this process with a
// short interval, the heap measured after a full GC at two points far apart.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const skip = !isRoot ? ROOT_SKIP_REASON : !hasSshd ? 'needs /usr/sbin/sshd (openssh-server)' : undefined;

const PLAYBOOK = `- name: motd
  hosts: linux
  tasks:
    - name: motd
      file: {content: "Welcome to {{ inventory_hostname }}\\n", dest: "{{ workdir }}/motd"}
`;

const WARM = 800;
const MEASURED = 800;
let hosts: SshdHost[] = [];
let site: LinuxSite | undefined;
let watch: RunningWatch | undefined;

beforeAll(async () => {
  if (skip) return;
  hosts = await startManySshd(5);
  site = linuxSite(hosts, { 'playbooks/site.yaml': PLAYBOOK });
}, 60_000);

afterAll(async () => {
  await watch?.stop();
  await stopAllSshd();
  if (site) rmSync(site.cwd, { recursive: true, force: true });
});

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

describe.skipIf(skip)(`watch memory over many rounds${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it(`does not grow the heap from round ${WARM} to round ${WARM + MEASURED}`, async () => {
    const metrics = new WatchMetrics();
    const { site: watched } = await loadWatchSite(site!.inventory, {
      forks: 10,
      playbook: join(site!.cwd, 'playbooks', 'site.yaml'),
      sshConfigPath: '/dev/null',
      onDial: (s, h, outcome) => metrics.recordDial(s, h.name, outcome),
    });
    const lines: string[] = [];
    let rounds = 0;
    let heapWarm = 0;
    const done = new Promise<void>((resolve) => {
      const log = (line: string): void => {
        lines.length = 0; // keep only the last line: the test itself must not grow
        lines.push(line);
        const m = / round (\d+): /.exec(line);
        if (!m) return;
        rounds = Number(m[1]);
        if (rounds === WARM) heapWarm = heapAfterGc();
        if (rounds === WARM + MEASURED) resolve();
      };
      void startWatch({ sites: [watched], metrics, intervalMs: 10, listen: { host: '127.0.0.1', port: 0 }, log }).then(
        (w) => (watch = w),
      );
    });
    await done;
    const heapEnd = heapAfterGc();
    expect(lines[0]).toMatch(/: 5 hosts: 0 in sync, 5 with changes \(h0: 1, h1: 1, h2: 1, h3: 1, h4: 1\)/);
    // One dial per host over all the rounds (the order of the lines is the order of the first dials).
    const dials = await metrics.registry.getSingleMetricAsString('acp_play_host_connects_total');
    for (const host of ['h0', 'h1', 'h2', 'h3', 'h4'])
      expect(dials).toMatch(new RegExp(`host="${host}",result="ok"\\} 1$`, 'm'));
    // Measured here: the heap settles after some hundred rounds (compiled code, caches), then moves by +-100 KB.
    // A round that kept its plan alive would add about 5 KB per round (4 MB here); the bound allows 1 KB.
    expect(
      heapEnd - heapWarm,
      `heap after GC: round ${WARM} ${heapWarm}, round ${WARM + MEASURED} ${heapEnd}`,
    ).toBeLessThan(MEASURED * 1_000);
  }, 240_000);
});
