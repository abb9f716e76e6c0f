import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStage, readContainerfile } from '../../helpers/containerfile-stages.js';
import { ROOT } from '../engine/cli-harness.js';

// There is no container engine on the test machines, so deploy/Containerfile is built the way an engine would build
// it, in scratch folders: the build stage's COPY and RUN lines (npm ci, tsc, the bundle, the prune; this machine's
// Node 20 stands in for the node:20 image), then the final stage's COPY lines. The final stage's one RUN makes the
// /usr/local/bin link and /work, outside the image's own folder, so it is read, not run. The CLI then runs from the
// image's folder as the ENTRYPOINT runs it: with the dev dependencies pruned and no lab package.
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'acp-image-'));
const roots = { build: join(scratch, 'build'), final: join(scratch, 'final') };
const app = join(roots.final, 'opt', 'acp-play');
let finalRuns: string[] = [];

beforeAll(() => {
  const [build, final] = readContainerfile(join(ROOT, 'deploy', 'Containerfile'));
  expect(build?.name).toBe('build');
  buildStage(build!, roots.build, ROOT, roots, true);
  finalRuns = buildStage(final!, roots.final, ROOT, roots, false);
}, 600_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the container image, built from deploy/Containerfile without an engine', () => {
  it('holds the bundled CLI and no dev dependency', () => {
    expect(existsSync(join(app, 'dist', 'bundle', 'main.js'))).toBe(true);
    expect(existsSync(join(app, 'node_modules', 'ssh2'))).toBe(true);
    expect(existsSync(join(app, 'node_modules', 'esbuild'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'vitest'))).toBe(false);
  });

  it('links the ENTRYPOINT to the CLI in its one RUN line', () => {
    expect(finalRuns).toHaveLength(1);
    expect(finalRuns[0]).toMatch(/ln -s \/opt\/acp-play\/bin\/acp-play\.js \/usr\/local\/bin\/acp-play/);
    expect(existsSync(join(app, 'bin', 'acp-play.js'))).toBe(true);
  });

  it('runs --version, and validates and renders the example site', async () => {
    const cli = join(app, 'bin', 'acp-play.js');
    const env = { ...process.env, NODE_ENV: 'production', NO_COLOR: '1' };
    const version = await run(process.execPath, [cli, '--version'], { env });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const site = join(ROOT, 'inventories', 'site1');
    await run(process.execPath, [cli, 'validate', site], { env, cwd: scratch });
    const out = join(scratch, 'rendered');
    await run(process.execPath, [cli, 'render', site, '--out', out, '--no-install'], { env, cwd: scratch });
    const fromCheckout = join(scratch, 'rendered-here');
    await run(process.execPath, [
      join(ROOT, 'bin', 'acp-play.js'),
      'render',
      site,
      '--out',
      fromCheckout,
      '--no-install',
    ]);
    for (const file of ['nodes/node0.nmstate.yaml', 'switches/switch1.cisco_nxos.cfg', 'k8s/nncp-node0.yaml'])
      expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join(fromCheckout, file), 'utf8'));
  });

  it('says the lab is not installed when asked for it, instead of failing with a stack', async () => {
    const cli = join(app, 'bin', 'acp-play.js');
    const lab = await run(process.execPath, [cli, 'lab', 'up'], { env: process.env }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(lab.code).toBe(1);
    expect(lab.stderr).toMatch(/lab package \(@acp-play\/lab\) is not installed/);
  });
});
