#!/usr/bin/env node
// The Python venv of the real clients that judge the switch simulators (netmiko, Ansible with cisco.nxos,
// arista.eos, cisco.ios and ansible.netcommon), installed from PyPI with the exact pins of
// test/clients/requirements.txt into ~/.cache/acp-play/client-venv-<hash of that file>. Debian's Python
// (/usr/bin/python3, package python3-venv) makes the venv. Used by scripts/ensure-setup.mjs --system and by the
// client test suites; `node scripts/client-venv.mjs` prints the venv's path, creating it when missing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const requirements = join(root, 'test', 'clients', 'requirements.txt');
const PYTHON = '/usr/bin/python3';

/** Where the venv for the current requirements file lives. */
export function clientVenvDir() {
  const hash = createHash('sha256').update(readFileSync(requirements)).digest('hex').slice(0, 12);
  return join(homedir(), '.cache', 'acp-play', `client-venv-${hash}`);
}

/** Creates the venv unless a complete one is there; returns its path. Throws with pip's words on failure. */
export function ensureClientVenv(log = (text) => process.stderr.write(`setup: ${text}\n`)) {
  const dir = clientVenvDir();
  const done = join(dir, '.complete');
  if (existsSync(done)) return dir;
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: install Debian's python3 and python3-venv`);
  // A venv records its own path in its scripts, so it is built in place; a half-built one is removed first.
  rmSync(dir, { recursive: true, force: true });
  log(`installing the real switch clients (netmiko, ansible) into ${dir} (about a minute, once)`);
  const steps = [
    [PYTHON, ['-m', 'venv', dir]],
    [join(dir, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '--no-input', '-r', requirements]],
  ];
  for (const [cmd, args] of steps) {
    const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${(r.stderr || r.stdout || '').trim()}`);
    }
  }
  writeFileSync(done, `${new Date().toISOString()}\n`);
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${ensureClientVenv()}\n`);
  } catch (error) {
    process.stderr.write(`client venv: ${error.message}\n`);
    process.exit(1);
  }
}
