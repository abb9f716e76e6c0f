#!/usr/bin/env node
// The real kustomize that checks the GitOps trees (test/integration/gitops), built from the Go module proxy with
// the machine's Go (`go install sigs.k8s.io/kustomize/kustomize/v5@v5.7.1`; v5.8 needs a newer Go than 1.26) into
// ~/.cache/acp-play/kustomize-v5.7.1/bin, with its own module and build caches under ~/.cache/acp-play/go.
// Used by scripts/ensure-setup.mjs --system and by the GitOps tests; `node scripts/kustomize.mjs` prints the
// binary's path, building it when missing.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KUSTOMIZE_VERSION = 'v5.7.1';
const cache = join(homedir(), '.cache', 'acp-play');

/** Where the pinned kustomize lives. */
export function kustomizePath() {
  return join(cache, `kustomize-${KUSTOMIZE_VERSION}`, 'bin', 'kustomize');
}

/** The go binary: on PATH, else where the Go distribution installs it. */
function goBinary() {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/local/go/bin', '/usr/lib/go/bin']) {
    if (dir && existsSync(join(dir, 'go'))) return join(dir, 'go');
  }
  return undefined;
}

/** Builds kustomize unless it is there; returns its path. Throws with go's words on failure. */
export function ensureKustomize(log = (text) => process.stderr.write(`setup: ${text}\n`)) {
  const bin = kustomizePath();
  if (existsSync(bin)) return bin;
  const go = goBinary();
  if (!go) throw new Error('no Go toolchain (go) on PATH or in /usr/local/go/bin: kustomize is built with it');
  log(`building kustomize ${KUSTOMIZE_VERSION} from the Go module proxy into ${bin} (a few minutes, once)`);
  const gopath = join(cache, 'go');
  const r = spawnSync(go, ['install', `sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GOBIN: join(cache, `kustomize-${KUSTOMIZE_VERSION}`, 'bin'),
      GOPATH: gopath,
      GOMODCACHE: join(gopath, 'pkg', 'mod'),
      GOCACHE: join(gopath, 'build-cache'),
      GOFLAGS: '-modcacherw',
      CGO_ENABLED: '0',
    },
  });
  if (r.status !== 0 || !existsSync(bin)) {
    rmSync(bin, { force: true });
    throw new Error(`go install kustomize failed (exit ${r.status}):\n${(r.stderr || r.stdout || '').trim()}`);
  }
  return bin;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${ensureKustomize()}\n`);
  } catch (error) {
    process.stderr.write(`kustomize: ${error.message}\n`);
    process.exit(1);
  }
}
