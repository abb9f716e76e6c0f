import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chmod, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { composeGuestInit } from './guest-init-script.js';
import { ensureXstateShim } from './uml-xstate-shim.js';

/** Guest path of the shared work folder, as the payload sees it ($ACP_WORK). */
export const GUEST_WORK_DIR = '/run/acp-work';

/** Options of one guest run. */
export interface GuestRunOptions {
  /** Host folder shared read-write with the guest; payload.sh, payload.out and exit-code are written there. */
  readonly workDir: string;
  /** The guest (and linux.uml) is killed when the run takes longer. Default 120 s. */
  readonly timeoutMs?: number;
  /** Start D-Bus + NetworkManager before the payload. Default true. */
  readonly withNetworkManager?: boolean;
  /** Kernel modules to load. Default 8021q, bridge, veth, dummy. */
  readonly modules?: readonly string[];
  /** Guest memory in MiB. Default 512. */
  readonly memMiB?: number;
  readonly hostname?: string;
  /** Extra environment for the payload. */
  readonly env?: Readonly<Record<string, string>>;
  /** Path of linux.uml. Default: found by {@link findLinuxUml}. */
  readonly linuxUml?: string;
}

/** What one guest run left behind. */
export interface GuestRunResult {
  /** The payload's exit code; null when it never finished (timeout, guest crash). */
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  /** The payload's stdout and stderr (payload.out). */
  readonly output: string;
  /** The guest kernel console (boot messages and the init script's own lines). */
  readonly consoleText: string;
  /** Files in the work folder after the run (names), e.g. the payload's own result files. */
  readonly files: readonly string[];
  readonly workDir: string;
  readonly durationMs: number;
}

const DEFAULT_MODULES = ['8021q', 'bridge', 'veth', 'dummy'];
const CONSOLE_LIMIT = 1 << 20;

/** Path of linux.uml (Debian package `user-mode-linux`), or undefined when it is not installed. */
export function findLinuxUml(): string | undefined {
  for (const candidate of ['/usr/bin/linux.uml', '/usr/local/bin/linux.uml']) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next place
    }
  }
  return undefined;
}

/**
 * Boots a User-Mode Linux guest that sees the host's / read-only, shares `workDir` read-write at
 * {@link GUEST_WORK_DIR}, optionally starts NetworkManager, runs `payloadScript` with `sh`, and powers off.
 * linux.uml runs in its own process group, which is killed on timeout; its umid folder is removed afterwards.
 */
export async function runInGuest(payloadScript: string, opts: GuestRunOptions): Promise<GuestRunResult> {
  const linuxUml = opts.linuxUml ?? findLinuxUml();
  if (!linuxUml) throw new Error('linux.uml not found: install the Debian package user-mode-linux');
  const workDir = resolve(opts.workDir);
  const umlDir = join(workDir, '.uml');
  const umid = `acp-${process.pid}-${basename(workDir).replace(/[^A-Za-z0-9_-]/g, '')}`.slice(0, 40);
  await mkdir(umlDir, { recursive: true });
  // Results of an earlier run in the same folder must not pass for this run's.
  for (const stale of ['exit-code', 'payload.out', 'console.log', 'NetworkManager.log']) {
    await rm(join(workDir, stale), { force: true });
  }
  const initPath = join(workDir, 'init.sh');
  await writeFile(
    initPath,
    composeGuestInit({
      hostWorkDir: workDir,
      modules: opts.modules ?? DEFAULT_MODULES,
      withNetworkManager: opts.withNetworkManager ?? true,
      hostname: opts.hostname ?? 'uml-guest',
      env: opts.env ?? {},
    }),
  );
  await chmod(initPath, 0o755);
  await writeFile(join(workDir, 'payload.sh'), payloadScript);

  const args = [
    `umid=${umid}`,
    `uml_dir=${umlDir}`,
    `mem=${opts.memMiB ?? 512}M`,
    'root=/dev/root',
    'rootfstype=hostfs',
    'rootflags=/',
    'ro',
    `init=${initPath}`,
    'con0=null,fd:1',
    'con=null',
  ];
  const started = Date.now();
  const { consoleText, timedOut } = await runLinuxUml(linuxUml, args, opts.timeoutMs ?? 120_000);
  await writeFile(join(workDir, 'console.log'), consoleText);
  await rm(umlDir, { recursive: true, force: true });
  const exitText = await readFile(join(workDir, 'exit-code'), 'utf8').catch(() => '');
  const exitCode = /^\d+\s*$/.test(exitText) ? Number(exitText.trim()) : null;
  const output = await readFile(join(workDir, 'payload.out'), 'utf8').catch(() => '');
  const files = (await readdir(workDir)).sort();
  return { exitCode, timedOut, output, consoleText, files, workDir, durationMs: Date.now() - started };
}

function runLinuxUml(
  linuxUml: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ consoleText: string; timedOut: boolean }> {
  return new Promise((resolvePromise, reject) => {
    // detached: own process group, so one kill reaches linux.uml and the host processes it forks for the guest.
    // The ptrace wrapper lets UML restore guest FPU state on CPUs with AMX (see uml-xstate-shim.c).
    const env = { ...process.env, LD_PRELOAD: ensureXstateShim() };
    const child = spawn(linuxUml, args, { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let consoleText = '';
    let timedOut = false;
    const append = (chunk: Buffer): void => {
      if (consoleText.length < CONSOLE_LIMIT) consoleText += chunk.toString('utf8');
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const onParentExit = (): void => killGroup();
    process.once('exit', onParentExit);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      process.removeListener('exit', onParentExit);
      reject(err);
    });
    child.once('close', () => {
      clearTimeout(timer);
      process.removeListener('exit', onParentExit);
      // A powered-off guest can leave helper processes behind in the group for a moment: make sure none survive.
      killGroup();
      resolvePromise({ consoleText, timedOut });
    });
  });
}
