import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { labRoot } from './guest-init-script.js';

const SOURCE = join(labRoot, 'src', 'uml', 'uml-xstate-shim.c');

/** Where cached builds live (the same root as scripts/build-nmstatectl.sh uses). */
function cacheRoot(): string {
  return process.env['ACP_PLAY_CACHE'] ?? join(process.env['HOME'] ?? '/root', '.cache', 'acp-play');
}

/**
 * The ptrace wrapper preloaded into linux.uml (see uml-xstate-shim.c: User-Mode Linux cannot restore a guest's
 * FPU state on hosts with AMX without it). Compiled once with the system C compiler into the cache, keyed by the
 * source's hash. Returns the path of the shared object, or throws with the compiler's words.
 */
export function ensureXstateShim(): string {
  const source = readFileSync(SOURCE);
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const dir = join(cacheRoot(), 'uml');
  const target = join(dir, `uml-xstate-${digest}.so`);
  if (existsSync(target)) return target;
  mkdirSync(dir, { recursive: true });
  const partial = `${target}.${process.pid}.tmp`;
  const cc = spawnSync('cc', ['-shared', '-fPIC', '-O2', '-o', partial, SOURCE, '-ldl'], { encoding: 'utf8' });
  if (cc.status !== 0) {
    throw new Error(
      `could not build the linux.uml ptrace wrapper (cc exit ${cc.status ?? cc.error?.message}): install gcc and ` +
        `libc6-dev\n${cc.stderr ?? ''}`,
    );
  }
  renameSync(partial, target); // atomic: a concurrent build never sees a half-written file
  return target;
}
